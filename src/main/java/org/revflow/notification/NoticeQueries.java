package org.revflow.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.Language;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryException;
import org.revflow.registry.RegistryLookups;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice log as the secretariat reads it: searched, one row, and the email as its addressee
 * received it. Read-only.
 */
@Service
public class NoticeQueries {

  private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\b[^>]*>(.*?)</a>");
  private static final Pattern ACTION_TOKEN =
      Pattern.compile("(/act/)([A-Za-z0-9_\\-]{6})[A-Za-z0-9_\\-.~]*");

  private final NoticeRepository notices;
  private final RenderedNoticeComposer composer;
  private final RegistryLookups registry;
  private final RevFlowProperties properties;

  NoticeQueries(
      NoticeRepository notices,
      RenderedNoticeComposer composer,
      RegistryLookups registry,
      RevFlowProperties properties) {
    this.notices = notices;
    this.composer = composer;
    this.registry = registry;
    this.properties = properties;
  }

  /**
   * One row of the log. {@code roleOf} is the State whose role {@code role} the addressee held; a
   * SUPERSEDED row went to that role's holder of the day instead (the reason says why).
   */
  public record NoticeRow(
      long id,
      String reviewId,
      NoticeKind kind,
      String step,
      String state,
      Long stepId,
      String noticeKey,
      String to,
      String role,
      String roleOf,
      Long personId,
      String cc,
      String language,
      LocalDate due,
      String subject,
      Notice.Status status,
      int attempts,
      String failureReason,
      Instant createdAt,
      Instant sentAt,
      LocalDate sentOn) {

    static NoticeRow of(Notice n) {
      return new NoticeRow(
          n.getId(),
          n.getReviewId(),
          n.getKind(),
          n.getStep(),
          n.getStateCode(),
          n.getStepId(),
          n.getNoticeKey(),
          n.getAddresseeEmail(),
          n.getAddresseeRole(),
          n.getAddresseeState(),
          n.getPersonId(),
          n.getCc(),
          n.getLanguage(),
          n.getDueOn(),
          n.getSubject(),
          n.getStatus(),
          n.getAttempts(),
          n.getFailureReason(),
          n.getCreatedAt(),
          n.getSentAt(),
          n.getSentOn());
    }

    /** The day it went out, or (not sent yet) the day it was written. */
    public LocalDate day(ZoneId zone) {
      return sentOn != null ? sentOn : LocalDate.ofInstant(createdAt, zone);
    }
  }

  /**
   * What to search for; every field optional.
   *
   * @param person part of the addressee's address (case ignored)
   * @param state the notice's State, or the State whose role the addressee held
   */
  public record Search(
      String person, String state, String reviewId, NoticeKind kind, Notice.Status status) {

    public static final Search ALL = new Search(null, null, null, null, null);
  }

  @Transactional(readOnly = true)
  public Page<NoticeRow> search(Search s, int page, int size) {
    String person =
        blank(s.person())
            ? null
            : "%"
                + s.person()
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace("!", "!!")
                    .replace("%", "!%")
                    .replace("_", "!_")
                + "%";
    return notices
        .search(
            blank(s.reviewId()) ? null : s.reviewId().strip(),
            blank(s.state()) ? null : s.state().strip().toUpperCase(Locale.ROOT),
            s.kind(),
            s.status(),
            person,
            PageRequest.of(Math.max(0, page), Math.max(1, size)))
        .map(NoticeRow::of);
  }

  @Transactional(readOnly = true)
  public List<NoticeRow> ofReview(String reviewId) {
    return notices.findByReviewIdOrderById(reviewId).stream().map(NoticeRow::of).toList();
  }

  @Transactional(readOnly = true)
  public Optional<NoticeRow> get(long id) {
    return notices.findById(id).map(NoticeRow::of);
  }

  @Transactional(readOnly = true)
  public long count(Notice.Status status) {
    return notices.countByStatus(status);
  }

  /**
   * An email as shown to the secretariat: written again from the log row (the text RevFlow writes
   * today for that day, in the addressee's language), with every link turned into plain text and
   * the key of an action link cut off, so that nobody in the secretariat can use a focal point's
   * link by mistake. Never sent.
   *
   * @param subject the subject as sent (null if never sent)
   */
  public record ShownEmail(String subject, String html, String text) {}

  @Transactional(readOnly = true)
  public Optional<ShownEmail> shownEmail(long id) {
    Optional<Notice> row = notices.findById(id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Notice n = row.get();
    NoticeJob job =
        new NoticeJob(
            n.getReviewId(),
            n.getStepId(),
            n.getNoticeKey(),
            n.getKind(),
            n.getStep() == null ? null : Step.valueOf(n.getStep()),
            n.getStateCode(),
            n.getDueOn(),
            0,
            eventId(n.getNoticeKey()));
    NoticeComposer.Composed c =
        composer.composeAsOf(
            job,
            addressee(n),
            n.getSentOn() != null
                ? n.getSentOn()
                : LocalDate.ofInstant(n.getCreatedAt(), properties.zone()));
    return Optional.of(
        new ShownEmail(
            n.getSubject() != null ? n.getSubject() : c.subject(),
            withoutLinks(c.html()),
            withoutActionKeys(c.text())));
  }

  /** Links as plain text, action-link keys cut off. */
  static String withoutLinks(String html) {
    if (html == null) {
      return null;
    }
    Matcher m = ANCHOR.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement("<span class=\"link\">" + m.group(1) + "</span>"));
    }
    m.appendTail(out);
    return withoutActionKeys(out.toString().replaceAll("(?i)\\shref\\s*=", " data-removed="));
  }

  static String withoutActionKeys(String s) {
    return s == null ? null : ACTION_TOKEN.matcher(s).replaceAll("$1$2\u2026");
  }

  /** The addressee as the row records them: today's registry entry for their name and time zone. */
  private Addressee addressee(Notice n) {
    Addressee.Role role = Addressee.Role.valueOf(n.getAddresseeRole());
    Language language = Language.fromCode(n.getLanguage());
    PersonView person = null;
    if (n.getPersonId() != null) {
      try {
        person = registry.person(n.getPersonId());
      } catch (RegistryException gone) {
        // the address alone
      }
    }
    String name =
        person != null
            ? person.name()
            : role == Addressee.Role.SECRETARIAT ? "Secretariat" : n.getAddresseeEmail();
    ZoneId zone =
        person != null
            ? person.timeZone()
            : role == Addressee.Role.SECRETARIAT ? properties.zone() : null;
    return new Addressee(
        name, n.getAddresseeEmail(), language, zone, role, n.getPersonId(), n.getAddresseeState());
  }

  /** Announcements carry their event in the notice key ({@code EVENT-42:KIND:STATE}). */
  private static Long eventId(String noticeKey) {
    if (noticeKey == null || !noticeKey.startsWith("EVENT-")) {
      return null;
    }
    int end = noticeKey.indexOf(':');
    try {
      return Long.parseLong(noticeKey.substring(6, end < 0 ? noticeKey.length() : end));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
