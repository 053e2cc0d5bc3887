package org.revflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.revflow.config.RevFlowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one notice job exactly once per addressee: the notice row with its unique key is
 * written first, a worker claims it before sending, and marks it sent after the SMTP server
 * accepted it. A failed send leaves the row FAILED and throws, so the job fails and Zeebe retries.
 */
@Service
public class NoticeService {

  private static final Logger log = LoggerFactory.getLogger(NoticeService.class);
  /** Longer than a slow SMTP exchange: a claim older than this belongs to a worker that died. */
  private static final Duration CLAIM = Duration.ofMinutes(2);

  private final NoticeRepository notices;
  private final AddresseeResolver addressees;
  private final NoticeComposer composer;
  private final JavaMailSender mail;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final RevFlowProperties properties;
  /** Sends the SMTP server accepted and the database has not recorded yet, by notice id. */
  private final java.util.Map<Long, Sent> unrecorded = new java.util.concurrent.ConcurrentHashMap<>();

  NoticeService(NoticeRepository notices, AddresseeResolver addressees, NoticeComposer composer,
      JavaMailSender mail, TransactionTemplate tx, Clock clock, RevFlowProperties properties) {
    this.notices = notices;
    this.addressees = addressees;
    this.composer = composer;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  /** The outcome for the job: how many were sent now, and how many had been sent before. */
  public record Delivery(int sentNow, int sentBefore) {}

  public Delivery deliver(NoticeJob job, long jobKey) {
    List<Envelope> envelopes = addressees.resolve(job);
    int sentNow = 0;
    int sentBefore = 0;
    List<String> failures = new ArrayList<>();
    boolean permanent = false;
    for (Envelope envelope : envelopes) {
      Notice notice = record(job, envelope, jobKey);
      if (notice.getStatus() == Notice.Status.SENT) {
        sentBefore++;
        continue;
      }
      if (recordUnrecordedSend(notice.getId())) {
        sentBefore++;
        continue;
      }
      if (!claim(notice.getId())) {
        failures.add(envelope.to().email() + ": being sent by another worker");
        continue;
      }
      NoticeComposer.Composed content;
      try {
        content = composer.compose(job, envelope.to());
      } catch (IllegalArgumentException | IllegalStateException e) {
        String reason = "cannot be written: " + e.getMessage();
        tx.executeWithoutResult(s -> notices.findById(notice.getId()).ifPresent(n -> n.failed(reason)));
        failures.add(envelope.to().email() + ": " + reason);
        permanent = true;
        continue;
      }
      Sent sent;
      try {
        sent = send(job, envelope, content);
      } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        tx.executeWithoutResult(s -> notices.findById(notice.getId()).ifPresent(n -> n.failed(reason)));
        failures.add(envelope.to().email() + ": " + reason);
        continue;
      }
      if (recordSent(notice.getId(), sent)) {
        sentNow++;
        log.debug("sent {} {} to {}", job.kind(), job.noticeKey(), envelope.to().email());
      } else {
        failures.add(envelope.to().email() + ": sent, but the database did not take the record; it is written on the"
            + " retry, not sent again");
      }
    }
    if (!failures.isEmpty()) {
      // Others of the same job may have gone out; they will not go again on the retry.
      throw new NoticeDeliveryException(job.kind() + " for review " + job.reviewId()
          + (job.state() == null ? "" : " (" + job.state() + ")") + " not delivered to " + String.join("; ", failures),
          permanent);
    }
    return new Delivery(sentNow, sentBefore);
  }

  private Notice record(NoticeJob job, Envelope envelope, long jobKey) {
    String dedupKey = job.identity() + "|" + envelope.to().email().toLowerCase(java.util.Locale.ROOT);
    String cc = envelope.cc().stream().map(Addressee::email).collect(Collectors.joining(","));
    try {
      return tx.execute(s -> notices.findByDedupKey(dedupKey)
          .orElseGet(() -> notices.saveAndFlush(new Notice(dedupKey, job, envelope.to(), cc.isEmpty() ? null : cc,
              jobKey, clock.instant()))));
    } catch (DataIntegrityViolationException raced) {
      // Another worker wrote the same notice at the same moment: use its row.
      return notices.findByDedupKey(dedupKey).orElseThrow(() -> raced);
    }
  }

  private boolean claim(long noticeId) {
    Instant now = clock.instant();
    Integer won = tx.execute(s -> notices.claim(noticeId, now, now.plus(CLAIM)));
    return won != null && won == 1;
  }

  /** What the log records of a message the SMTP server accepted. */
  private record Sent(String subject, String messageId, Instant at, LocalDate on) {}

  /**
   * Marks the notice sent. When the database cannot take it (connection lost after the SMTP server
   * accepted the message), the send is kept in memory and written by the job's retry or the sweep
   * below, instead of being sent again once the claim expires: a lost database connection does not
   * repeat a notice; only the death of this process in that moment can.
   */
  private boolean recordSent(long noticeId, Sent sent) {
    try {
      tx.executeWithoutResult(s -> notices.findById(noticeId)
          .ifPresent(n -> n.sent(sent.subject(), sent.messageId(), sent.at(), sent.on())));
      unrecorded.remove(noticeId);
      return true;
    } catch (RuntimeException e) {
      unrecorded.put(noticeId, sent);
      log.warn("notice {} was accepted by the SMTP server ({}) but not recorded: {}", noticeId, sent.messageId(),
          e.getMessage());
      return false;
    }
  }

  private boolean recordUnrecordedSend(long noticeId) {
    Sent sent = unrecorded.get(noticeId);
    return sent != null && recordSent(noticeId, sent);
  }

  /** Writes the sends the database could not take, as soon as it is back (before another instance's retry). */
  @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 5_000)
  void recordUnrecordedSends() {
    for (Long id : List.copyOf(unrecorded.keySet())) {
      if (!recordUnrecordedSend(id)) {
        return; // the database is still away
      }
    }
  }

  private Sent send(NoticeJob job, Envelope envelope, NoticeComposer.Composed content)
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
    message.setSentDate(java.util.Date.from(clock.instant()));
    message.saveChanges();
    String messageId = message.getMessageID();
    mail.send(message);
    Instant at = clock.instant();
    return new Sent(content.subject(), messageId, at, LocalDate.ofInstant(at, properties.zone()));
  }
}
