package org.revflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.revflow.config.LogSafe;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.review.ReviewLookups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one notice job exactly once per addressee: the notice rows with their unique keys are
 * written, and claimed for sending, in one transaction before anything is sent; each row is marked
 * sent right after the SMTP server accepted its message. A failed send leaves the row FAILED and
 * throws, so the job fails and Zeebe retries.
 */
@Service
public class NoticeService {

  private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

  /** Longer than a slow SMTP exchange: a claim older than this belongs to a worker that died. */
  private static final Duration CLAIM = Duration.ofMinutes(2);

  /**
   * A claim older than this is renewed before a send; younger, it still has more than a send needs.
   */
  private static final Duration RENEW_AFTER = Duration.ofSeconds(20);

  /** Passes at writing the rows when another worker writes the same ones at the same moment. */
  private static final int CLAIM_PASSES = 3;

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  private final NoticeRepository notices;
  private final ReviewLookups reviews;
  private final AddresseeResolver addressees;
  private final RoleHolders roleHolders;
  private final NoticeComposer composer;
  private final JavaMailSender mail;
  private final SmtpConnections smtp;
  private final TransactionTemplate tx;
  private final TransactionTemplate readOnly;
  private final JdbcTemplate jdbc;
  private final MechanismTime time;
  private final RevFlowProperties properties;

  NoticeService(
      NoticeRepository notices,
      ReviewLookups reviews,
      AddresseeResolver addressees,
      RoleHolders roleHolders,
      NoticeComposer composer,
      JavaMailSender mail,
      SmtpConnections smtp,
      TransactionTemplate tx,
      JdbcTemplate jdbc,
      MechanismTime time,
      RevFlowProperties properties) {
    this.notices = notices;
    this.reviews = reviews;
    this.addressees = addressees;
    this.roleHolders = roleHolders;
    this.composer = composer;
    this.mail = mail;
    this.smtp = smtp;
    this.tx = tx;
    this.readOnly = new TransactionTemplate(tx.getTransactionManager());
    this.readOnly.setReadOnly(true);
    this.jdbc = jdbc;
    this.time = time;
    this.properties = properties;
  }

  /** What the log records of a message the SMTP server accepted. */
  private record Sent(String subject, String messageId, Instant at) {}

  /**
   * Sends the SMTP server accepted and the database could not record (its connection was lost in
   * that moment), by notice id. They are written on the next delivery or by the sweep below instead
   * of being sent again once the claim expires: a lost database connection does not repeat a
   * notice; only the death of this process in that moment can (README, "Exactly once").
   */
  private final Map<Long, Sent> unrecorded = new ConcurrentHashMap<>();

  /** The outcome for the job: how many were sent now, and how many had been sent before. */
  public record Delivery(int sentNow, int sentBefore) {}

  /**
   * A row this worker has claimed (until {@code until}: also the claim's token), and the email it
   * stands for.
   */
  private record Claimed(long noticeId, Instant until, Envelope envelope) {}

  /**
   * What one pass at the notice log found: rows to send now, rows sent before, rows another worker
   * holds, and whether the notice had rows before (a retry).
   */
  private record Claims(List<Claimed> claimed, int sentBefore, List<String> busy, boolean retry) {}

  public Delivery deliver(NoticeJob asked, long jobKey) {
    // Before claiming anything: a row this instance sent but could not record must read SENT.
    recordUnrecordedSends();
    if (!reviews.ladderNoticeStillDue(asked.stepId(), asked.noticeKey())) {
      // "Done" and "on hold" are judged when a rung is sent, not when it was planned.
      return new Delivery(0, 0);
    }
    Prepared prepared = prepare(asked);
    NoticeJob job = prepared.job();
    Claims claims = claim(job, prepared.envelopes(), jobKey);
    int sentNow = 0;
    List<String> failures = new ArrayList<>(claims.busy());
    boolean permanent = false;
    SmtpConnections.Connection connection = null;
    var compose = prepared.compose();
    try {
      for (Claimed claimed : claims.claimed()) {
        Envelope envelope = claimed.envelope();
        NoticeComposer.Composed content;
        try {
          content = compose.apply(envelope.to());
        } catch (IllegalArgumentException | IllegalStateException e) {
          String reason = "cannot be written: " + e.getMessage();
          failed(claimed.noticeId(), reason);
          failures.add(envelope.to().email() + ": " + reason);
          permanent = true;
          continue;
        }
        try {
          MimeMessage message = message(job, envelope, content);
          if (connection == null) {
            connection = smtp.open();
          }
          if (!renewClaim(claimed)) {
            // The claim ran out while earlier addressees of this job were sent (a slow server) and
            // another worker took the row: it sends, this one must not.
            failures.add(envelope.to().email() + ": claim expired, taken by another worker");
            continue;
          }
          connection.send(message);
          Sent sent = new Sent(content.subject(), message.getMessageID(), time.now());
          if (recordSent(claimed.noticeId(), sent)) {
            sentNow++;
            log.debug("sent {} {} to {}", job.kind(), job.noticeKey(), envelope.to().email());
          } else {
            failures.add(
                envelope.to().email()
                    + ": sent, but the database did not take the record;"
                    + " it is written on the retry, not sent again");
          }
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
          if (connection != null && connection.broken()) {
            connection.close();
            connection = null;
          }
          String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
          failed(claimed.noticeId(), reason);
          failures.add(envelope.to().email() + ": " + reason);
        }
      }
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
    if (!failures.isEmpty()) {
      // Others of the same job may have gone out; they will not go again on the retry.
      String message =
          job.kind()
              + " for review "
              + job.reviewId()
              + (job.state() == null ? "" : " (" + job.state() + ")")
              + " not delivered to "
              + String.join("; ", failures);
      throw new NoticeDeliveryException(
          message, LogSafe.redact(message, people(prepared, claims)), permanent);
    }
    if (claims.retry()) {
      // The invariant the job's completion stands on, read back rather than assumed: every row of
      // the
      // notice is sent or superseded by one that is.
      List<String> open =
          notices.findByDedupKeyStartingWith(job.identity() + "|").stream()
              .filter(
                  n ->
                      n.getStatus() != Notice.Status.SENT
                          && n.getStatus() != Notice.Status.SUPERSEDED)
              .map(n -> n.getAddresseeEmail() + ": " + n.getStatus())
              .toList();
      if (!open.isEmpty()) {
        throw new NoticeDeliveryException(
            job.kind()
                + " for review "
                + job.reviewId()
                + " not delivered to "
                + String.join("; ", open),
            false);
      }
    }
    return new Delivery(sentNow, claims.sentBefore());
  }

  /** Each addressee's address (lower case) and how the log names them: by person id. */
  private static Map<String, String> people(Prepared prepared, Claims claims) {
    Map<String, String> names = new HashMap<>();
    java.util.function.Consumer<Addressee> add =
        a ->
            names.put(
                a.email().toLowerCase(Locale.ROOT),
                a.personId() != null
                    ? "person " + a.personId()
                    : a.role() == Addressee.Role.SECRETARIAT ? "the secretariat" : "(address)");
    prepared.envelopes().forEach(e -> add.accept(e.to()));
    claims.claimed().forEach(c -> add.accept(c.envelope().to()));
    return names;
  }

  /**
   * The notice as its step stands, who gets it, and what it says to each: all read before anything
   * is claimed.
   */
  private record Prepared(
      NoticeJob job,
      List<Envelope> envelopes,
      java.util.function.Function<Addressee, NoticeComposer.Composed> compose) {}

  /**
   * The step, what the notice says (which reads the review, and fails the job if there is none) and
   * the addressees, read in one transaction (one connection, one commit) instead of one for each
   * lookup.
   */
  private Prepared prepare(NoticeJob asked) {
    return readOnly.execute(
        s -> {
          NoticeJob job = asStepStands(asked);
          var compose = composer.forJob(job);
          return new Prepared(job, addressees.resolve(job), compose);
        });
  }

  /**
   * The step row is the truth for the step's State and deadline, not the process's variables: a
   * replaced reviewer's steps move to the new State, and events move deadlines.
   */
  private NoticeJob asStepStands(NoticeJob job) {
    if (job.stepId() == null) {
      return job;
    }
    // The dialogue's window belongs to no State: its notices name the State they are addressed to.
    return reviews
        .findStep(job.stepId())
        .map(
            row ->
                new NoticeJob(
                    job.reviewId(),
                    job.stepId(),
                    job.noticeKey(),
                    job.kind(),
                    row.getStep(),
                    row.getStateCode() != null ? row.getStateCode() : job.state(),
                    row.getDueOn(),
                    row.getDeadlineRevision(),
                    job.eventId()))
        .orElse(job);
  }

  /**
   * Writes the job's missing notice rows already claimed, and claims the existing ones that are not
   * sent and not held by another worker, in one transaction: the unique key, the record and the
   * claim are committed together before any message leaves.
   */
  private Claims claim(NoticeJob job, List<Envelope> envelopes, long jobKey) {
    for (int pass = 1; ; pass++) {
      try {
        return tx.execute(s -> claimOnce(job, envelopes, jobKey));
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
        // Another worker wrote the same rows at the same moment: the next pass finds and claims
        // them.
        if (pass == CLAIM_PASSES) {
          throw raced;
        }
      }
    }
  }

  private Claims claimOnce(NoticeJob job, List<Envelope> envelopes, long jobKey) {
    Instant now = time.now();
    Instant until = claimUntil(now);
    Map<String, Envelope> byKey = new LinkedHashMap<>();
    for (Envelope envelope : envelopes) {
      byKey.putIfAbsent(key(job, envelope.to().email()), envelope);
    }
    Map<String, Notice> existing = new LinkedHashMap<>();
    for (Notice n : notices.findByDedupKeyStartingWith(job.identity() + "|")) {
      existing.put(n.getDedupKey(), n);
    }
    Plan plan =
        existing.isEmpty() ? new Plan(byKey, 0, List.of()) : retryPlan(job, existing, byKey, now);
    List<Claimed> claimed = new ArrayList<>();
    List<String> busy = new ArrayList<>(plan.busy());
    int sentBefore = plan.sentBefore();
    Map<String, Notice> fresh = new LinkedHashMap<>();
    for (Map.Entry<String, Envelope> e : plan.send().entrySet()) {
      Envelope envelope = e.getValue();
      Notice row = existing.get(e.getKey());
      if (row == null) {
        String cc = envelope.cc().stream().map(Addressee::email).collect(Collectors.joining(","));
        Notice n =
            new Notice(e.getKey(), job, envelope.to(), cc.isEmpty() ? null : cc, jobKey, now);
        n.claimed(until);
        fresh.put(e.getKey(), n);
      } else if (row.getStatus() == Notice.Status.SENT) {
        sentBefore++;
      } else if (notices.claim(row.getId(), now, until) == 1) {
        claimed.add(new Claimed(row.getId(), until, envelope));
      } else {
        busy.add(envelope.to().email() + ": being sent by another worker");
      }
    }
    if (!fresh.isEmpty()) {
      // One statement for all new rows: a row another worker has just written fails it, in this
      // pass.
      Map<String, Long> ids = insertClaimed(fresh.values());
      fresh.forEach(
          (key, n) -> claimed.add(new Claimed(ids.get(key), until, plan.send().get(key))));
    }
    return new Claims(claimed, sentBefore, busy, !existing.isEmpty());
  }

  private static String key(NoticeJob job, String email) {
    return job.identity() + "|" + email.toLowerCase(Locale.ROOT);
  }

  /** Rows to claim or write (by dedup key), rows sent before, rows another worker holds. */
  private record Plan(Map<String, Envelope> send, int sentBefore, List<String> busy) {}

  /**
   * A notice that comes back (failed, timed out, resolved incident) keeps the roles its first
   * delivery addressed, not their addresses: a row not yet sent whose addressee no longer holds its
   * role, or whose address changed, is SUPERSEDED (with the reason) and today's holder of that role
   * gets the notice. Rows sent stay sent, and no role is added: a State that joined the review
   * after the event, or whoever else today's resolution would name, gets nothing. Dropping the new
   * holder instead (as this did once) completed the job with the old row FAILED and nobody told.
   */
  private Plan retryPlan(
      NoticeJob job, Map<String, Notice> existing, Map<String, Envelope> today, Instant now) {
    Map<String, Envelope> send = new LinkedHashMap<>();
    List<String> busy = new ArrayList<>();
    int sentBefore = 0;
    Map<String, List<Addressee>> holdersByRole = new HashMap<>();
    for (Notice row : existing.values()) {
      if (row.getStatus() == Notice.Status.SENT) {
        sentBefore++;
        continue;
      }
      if (row.getStatus() == Notice.Status.SUPERSEDED) {
        continue;
      }
      Addressee.Role role = Addressee.Role.valueOf(row.getAddresseeRole());
      String state = row.getAddresseeState() != null ? row.getAddresseeState() : job.state();
      if (role != Addressee.Role.SECRETARIAT && state == null) {
        // Written before rows named their role's State: nothing to compare with, so the same
        // address again.
        send.putIfAbsent(
            row.getDedupKey(),
            today.getOrDefault(
                row.getDedupKey(),
                new Envelope(
                    new Addressee(
                        null,
                        row.getAddresseeEmail(),
                        org.revflow.registry.Language.fromCode(row.getLanguage()),
                        null,
                        role,
                        row.getPersonId(),
                        null),
                    copies(row))));
        continue;
      }
      List<Addressee> holders =
          holdersByRole.computeIfAbsent(
              RoleHolders.roleFamily(role) + "|" + state,
              r -> {
                List<Addressee> h = roleHolders.holders(job.reviewId(), role, state, now);
                // Nobody holds the role any more: the secretariat, as for any notice with nobody to
                // address.
                return h.isEmpty() ? List.of(addressees.secretariat()) : h;
              });
      Optional<Addressee> same =
          holders.stream()
              .filter(h -> h.email().equalsIgnoreCase(row.getAddresseeEmail()))
              .findFirst();
      if (same.isPresent()) {
        send.putIfAbsent(
            row.getDedupKey(),
            today.getOrDefault(row.getDedupKey(), new Envelope(same.get(), copies(row))));
        continue;
      }
      if (notices.supersede(row.getId(), now, supersededBecause(row, role, state, holders)) != 1) {
        busy.add(row.getAddresseeEmail() + ": being sent by another worker");
        continue;
      }
      for (Addressee holder : holders) {
        String key = key(job, holder.email());
        if (!existing.containsKey(key)) { // else that row speaks for itself in this loop
          send.putIfAbsent(key, today.getOrDefault(key, new Envelope(holder, copies(row))));
        }
      }
    }
    return new Plan(send, sentBefore, busy);
  }

  private static String supersededBecause(
      Notice row, Addressee.Role role, String state, List<Addressee> holders) {
    Long person = row.getPersonId();
    Optional<Addressee> samePerson =
        person == null
            ? Optional.empty()
            : holders.stream().filter(h -> person.equals(h.personId())).findFirst();
    if (samePerson.isPresent()) {
      return "address changed to " + samePerson.get().email() + " before the notice was sent";
    }
    String now = holders.stream().map(Addressee::email).collect(Collectors.joining(", "));
    return row.getAddresseeEmail()
        + " no longer holds the role "
        + role
        + (state == null ? "" : " of " + state)
        + " (now "
        + now
        + ") before the notice was sent";
  }

  /**
   * The copies a row recorded, for a holder today's resolution does not name: only their addresses
   * are used.
   */
  private static List<Addressee> copies(Notice row) {
    if (row.getCc() == null || row.getCc().isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(row.getCc().split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(
            email ->
                new Addressee(
                    null,
                    email,
                    org.revflow.registry.Language.EN,
                    null,
                    Addressee.Role.SECRETARIAT))
        .toList();
  }

  private static final String NOTICE_COLUMNS =
      "dedup_key, review_id, step_id, notice_key, kind, step, state_code,"
          + " addressee_email, addressee_role, addressee_state, person_id, cc, language, due_on, status, attempts,"
          + " claimed_until, job_key, created_at";

  /**
   * Writes new, already claimed rows with one multi-row insert (through the JPA transaction's
   * connection) and returns their ids by dedup key: a job's rows used to be one Hibernate identity
   * insert and round trip each, the largest part of a notice's database time.
   */
  private Map<String, Long> insertClaimed(java.util.Collection<Notice> rows) {
    String values =
        String.join(
            ",",
            java.util.Collections.nCopies(rows.size(), "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    jdbc.update(
        "insert into notice (" + NOTICE_COLUMNS + ") values " + values,
        ps -> {
          int i = 1;
          for (Notice n : rows) {
            ps.setString(i++, n.getDedupKey());
            ps.setString(i++, n.getReviewId());
            ps.setObject(i++, n.getStepId());
            ps.setString(i++, n.getNoticeKey());
            ps.setString(i++, n.getKind().name());
            ps.setString(i++, n.getStep());
            ps.setString(i++, n.getStateCode());
            ps.setString(i++, n.getAddresseeEmail());
            ps.setString(i++, n.getAddresseeRole());
            ps.setString(i++, n.getAddresseeState());
            ps.setObject(i++, n.getPersonId());
            ps.setString(i++, n.getCc());
            ps.setString(i++, n.getLanguage());
            ps.setObject(i++, n.getDueOn());
            ps.setString(i++, n.getStatus().name());
            ps.setInt(i++, n.getAttempts());
            ps.setTimestamp(i++, Timestamp.from(n.getClaimedUntil()), (Calendar) UTC.clone());
            ps.setLong(i++, n.getJobKey());
            ps.setTimestamp(i++, Timestamp.from(n.getCreatedAt()), (Calendar) UTC.clone());
          }
        });
    List<String> keys = rows.stream().map(Notice::getDedupKey).toList();
    Map<String, Long> ids = new HashMap<>();
    jdbc.query(
        "select id, dedup_key from notice where dedup_key in ("
            + String.join(",", java.util.Collections.nCopies(keys.size(), "?"))
            + ")",
        rs -> {
          ids.put(rs.getString(2), rs.getLong(1));
        },
        keys.toArray());
    return ids;
  }

  /** Microseconds, as the column keeps them: the value is compared again as the claim's token. */
  private static Instant claimUntil(Instant now) {
    return now.plus(CLAIM).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * Just before its message leaves, a row's claim is made whole again if this worker still holds it
   * (same token, not yet expired) and it is older than {@link #RENEW_AFTER}: each send starts with
   * at least 100 s of lease however long the sends before it in the same job took, and a worker
   * whose claim ran out and was taken over does not send. What remains is a single send outlasting
   * the lease, which the SMTP time-outs rule out (README).
   */
  private boolean renewClaim(Claimed claimed) {
    Instant now = time.now();
    if (now.isBefore(claimed.until().minus(CLAIM).plus(RENEW_AFTER))) {
      return true; // claimed moments ago (the usual case): most of the lease is left, no statement
      // needed
    }
    Instant until = claimUntil(now);
    int held =
        jdbc.update(
            "update notice set claimed_until = ? where id = ? and status = 'SENDING'"
                + " and claimed_until = ? and claimed_until >= ?",
            ps -> {
              ps.setTimestamp(1, Timestamp.from(until), (Calendar) UTC.clone());
              ps.setLong(2, claimed.noticeId());
              ps.setTimestamp(3, Timestamp.from(claimed.until()), (Calendar) UTC.clone());
              ps.setTimestamp(4, Timestamp.from(now), (Calendar) UTC.clone());
            });
    return held == 1;
  }

  private boolean recordSent(long noticeId, Sent sent) {
    try {
      sent(noticeId, sent.subject(), sent.messageId(), sent.at());
      unrecorded.remove(noticeId);
      return true;
    } catch (RuntimeException e) {
      unrecorded.put(noticeId, sent);
      log.warn(
          "notice {} was accepted by the SMTP server ({}) but not recorded, kept to be written: {}",
          noticeId,
          sent.messageId(),
          LogSafe.redact(e.getMessage()));
      return false;
    }
  }

  /**
   * Writes the sends the database could not take, as soon as it is back (before another instance's
   * retry).
   */
  @Scheduled(fixedDelay = 5_000)
  void recordUnrecordedSends() {
    for (Map.Entry<Long, Sent> e : List.copyOf(unrecorded.entrySet())) {
      if (!recordSent(e.getKey(), e.getValue())) {
        return; // the database is still away
      }
    }
  }

  /** One statement in its own (auto-)commit, right after the server accepted the message. */
  private void sent(long noticeId, String subject, String messageId, Instant at) {
    LocalDate on = time.dateOf(at);
    jdbc.update(
        "update notice set status = 'SENT', subject = ?, smtp_message_id = ?, sent_at = ?, sent_on = ?,"
            + " claimed_until = null, failure_reason = null where id = ?",
        ps -> {
          ps.setString(1, subject);
          ps.setString(2, messageId);
          ps.setTimestamp(3, Timestamp.from(at), (Calendar) UTC.clone());
          ps.setObject(4, on);
          ps.setLong(5, noticeId);
        });
  }

  private void failed(long noticeId, String reason) {
    tx.executeWithoutResult(s -> notices.findById(noticeId).ifPresent(n -> n.failed(reason)));
  }

  private MimeMessage message(NoticeJob job, Envelope envelope, NoticeComposer.Composed content)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = mail.createMimeMessage();
    boolean multipart = content.html() != null || !content.attachments().isEmpty();
    MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
    helper.setFrom(properties.mailFrom());
    helper.setTo(new InternetAddress(envelope.to().email(), envelope.to().name(), "UTF-8"));
    for (Addressee cc : envelope.cc()) {
      helper.addCc(new InternetAddress(cc.email(), cc.name(), "UTF-8"));
    }
    helper.setSubject(content.subject());
    if (content.html() != null) {
      helper.setText(content.text(), content.html());
    } else {
      helper.setText(content.text());
    }
    for (NoticeComposer.Attachment a : content.attachments()) {
      helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
    }
    message.setHeader("Content-Language", envelope.to().language().code());
    message.setHeader("X-RevFlow-Notice", job.identity());
    message.setSentDate(java.util.Date.from(time.now()));
    // Fixes the Message-ID (recorded as the row's SMTP message id) and the MIME structure before
    // sending.
    message.saveChanges();
    return message;
  }
}
