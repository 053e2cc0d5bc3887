package org.revflow.notification.render;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.Language;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

/** Test data: a typical notice of each kind, as the notice worker would build it. */
final class Notices {

  static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  static final RevFlowProperties PROPERTIES =
      new RevFlowProperties(
          "untoc.review@example.org", "revflow-no-reply@example.org", null, VIENNA);
  static final LocalDate DUE = LocalDate.of(2027, 7, 4);

  /** 09:00 Vienna on 4 June 2027, D - 30. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-04T07:00:00Z"), ZoneId.of("UTC"));

  static final URI REVIEW_LINK = URI.create("https://revflow.example.org/reviews/AUT-P2-2027");
  static final URI ACTION_LINK = URI.create("https://revflow.example.org/act/abc123?sig=x&y=1");

  private Notices() {}

  static NoticeRenderer renderer() {
    return new NoticeRenderer(new CldrStateNames(), new MechanismTime(CLOCK, VIENNA), PROPERTIES);
  }

  static Recipient recipient(Language language) {
    return new Recipient(
        "Maria Muster", "fp@aut.example", language, null, RecipientRole.FOCAL_POINT);
  }

  /** A realistic notice of the kind, with every field its kind uses. */
  static NoticeContent typical(NoticeKind kind) {
    Step step =
        switch (kind) {
          case REMINDER, OVERDUE, ESCALATION, DEADLINE_EXTENDED -> Step.SAQ;
          case STEP_DONE, STEP_OPENED -> Step.FEEDBACK;
          case CHANGES_REQUESTED -> Step.OBSERVATIONS;
          case CLARIFICATION_REQUESTED, CLARIFICATION_ANSWERED -> Step.DIALOGUE;
          case FOCAL_POINT_REMINDER,
              INTERIM_FOCAL_POINT_IN_FORCE,
              INTERIM_FOCAL_POINT_INFO,
              DESIGNATION_PENDING,
              FOCAL_POINT_DESIGNATED,
              FOCAL_POINT_CHANGED,
              INTERIM_FOCAL_POINT_ENDED ->
              Step.FOCAL_POINT;
          default -> null;
        };
    String state =
        switch (kind) {
          case REVIEW_ON_HOLD, REVIEW_RESUMED, REVIEW_COMPLETED, DRAW_NEEDED, STATUS_DIGEST -> null;
          case STEP_DONE,
              STEP_OPENED,
              CHANGES_REQUESTED,
              FOCAL_POINT_REMINDER,
              INTERIM_FOCAL_POINT_IN_FORCE,
              INTERIM_FOCAL_POINT_INFO,
              DESIGNATION_PENDING,
              FOCAL_POINT_DESIGNATED,
              FOCAL_POINT_CHANGED,
              INTERIM_FOCAL_POINT_ENDED,
              REVIEW_LAUNCHED,
              CLARIFICATION_ANSWERED ->
              "DEU";
          case REVIEWER_REPLACED -> "RUS";
          case REVIEWER_RELEASED -> "FRA";
          default -> "AUT";
        };
    Map<String, String> details = new HashMap<>();
    switch (kind) {
      case ESCALATION -> details.put(NoticeDetails.ESCALATION_NUMBER, "2");
      case DEADLINE_EXTENDED -> {
        details.put(NoticeDetails.REASON, "Elections in the State under review");
        details.put(NoticeDetails.REFERENCE, "NV/2027/114");
      }
      case REVIEW_ON_HOLD -> details.put(NoticeDetails.REASON, "Request of the State under review");
      case REVIEW_RESUMED ->
          details.put(
              NoticeDetails.NEW_DATES, "SAQ=2027-08-01;PRELIMINARY_CONSULTATION=2027-05-20");
      case REVIEWER_REPLACED, REVIEWER_RELEASED -> {
        details.put(NoticeDetails.OLD_STATE, "FRA");
        details.put(NoticeDetails.NEW_STATE, "RUS");
        details.put(NoticeDetails.INSTRUMENT, "CONVENTION");
        details.put(NoticeDetails.REASON, "Withdrawal");
      }
      case REVIEW_LAUNCHED -> {
        details.put(NoticeDetails.STEPS, "FOCAL_POINT=2027-01-18;EXPERTS=2027-02-01");
        details.put(NoticeDetails.FOCAL_POINTS, "AUT=María López|fp@aut.example");
      }
      case FOCAL_POINT_CHANGED -> {
        details.put(NoticeDetails.PERSON_NAME, "Anna Schmidt");
        details.put(NoticeDetails.PERSON_EMAIL, "fp@deu.example");
        details.put(NoticeDetails.PERSON_LANGUAGE, "fr");
      }
      case CLARIFICATION_REQUESTED -> details.put(NoticeDetails.REQUESTED_BY, "DEU");
      case DRAW_NEEDED -> details.put(NoticeDetails.PLANNED_ON, "2027-09-01");
      case STATUS_DIGEST -> {
        details.put(NoticeDetails.DIGEST_COUNTS, "SAQ=3;FEEDBACK=2;COMPLETED=1");
        details.put(NoticeDetails.DIGEST_OVERDUE, "AUT-P2-2027|SAQ|AUT|2027-07-04");
        details.put(NoticeDetails.DIGEST_WAITING, "KEN-P2-2027");
        details.put(NoticeDetails.DIGEST_FAILED, "1");
      }
      default -> {}
    }
    LocalDate due = kind.aboutADeadline() ? DUE : null;
    LocalDate previousDue = kind == NoticeKind.DEADLINE_EXTENDED ? DUE.minusMonths(1) : null;
    return new NoticeContent(
        kind,
        "AUT-P2-2027",
        "AUT",
        2,
        step,
        state,
        due,
        previousDue,
        1,
        REVIEW_LINK,
        ACTION_LINK,
        details);
  }
}
