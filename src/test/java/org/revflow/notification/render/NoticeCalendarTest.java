package org.revflow.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.revflow.registry.Language;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;

class NoticeCalendarTest {

  private static final NoticeRenderer renderer = Notices.renderer();

  private NoticeContent deadline(
      NoticeKind kind, Step step, String state, LocalDate due, int revision) {
    return new NoticeContent(
        kind,
        "AUT-P2-2027",
        "AUT",
        2,
        step,
        state,
        due,
        null,
        revision,
        Notices.REVIEW_LINK,
        Notices.ACTION_LINK,
        Map.of());
  }

  private static Calendar parse(RenderedNotice notice) throws Exception {
    RenderedNotice.Attachment part = notice.calendar().orElseThrow();
    return new CalendarBuilder()
        .build(new StringReader(new String(part.content(), StandardCharsets.UTF_8)));
  }

  private static VEvent event(Calendar calendar) {
    assertThat(calendar.getComponents("VEVENT")).hasSize(1);
    return (VEvent) calendar.getComponents("VEVENT").get(0);
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElseThrow();
  }

  @Test
  void oneAllDayPublishedEventOnTheDueDate() throws Exception {
    RenderedNotice notice =
        renderer.render(
            deadline(NoticeKind.REMINDER, Step.SAQ, "AUT", Notices.DUE, 0),
            Notices.recipient(Language.EN));
    RenderedNotice.Attachment part = notice.calendar().orElseThrow();
    assertThat(part.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=PUBLISH");
    assertThat(part.filename()).isEqualTo("deadline-AUT-P2-2027-saq.ics");

    Calendar calendar = parse(notice);
    assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
    VEvent event = event(calendar);
    assertThat(value(event, "DTSTART")).isEqualTo("20270704");
    assertThat(
            event.getProperty("DTSTART").orElseThrow().getParameter("VALUE").map(p -> p.getValue()))
        .contains("DATE");
    assertThat(value(event, "DTEND")).isEqualTo("20270705");
    assertThat(value(event, "UID")).isEqualTo("AUT-P2-2027-SAQ-AUT@revflow");
    assertThat(value(event, "SEQUENCE")).isEqualTo("0");
    assertThat(value(event, "SUMMARY"))
        .isEqualTo("[UNTOC review AUT-P2-2027] Deadline: self-assessment questionnaire");
    assertThat(value(event, "ORGANIZER")).isEqualTo("mailto:untoc.review@example.org");
    assertThat(value(event, "URL")).isEqualTo(Notices.ACTION_LINK.toString());
    assertThat(calendar.validate().hasErrors()).as("iCalendar/iTIP validation").isFalse();
  }

  /**
   * Calendars are written without ical4j's validation at send time (it was a twentieth of a
   * notice's cost): every deadline notice, for every step and language, is validated here instead.
   */
  @Test
  void everyDeadlineCalendarIsValidInEveryLanguage() throws Exception {
    int validated = 0;
    for (NoticeKind kind : NoticeKind.values()) {
      if (!kind.aboutADeadline()) {
        continue;
      }
      // The focal point's own ladder runs on the focal point step only.
      boolean focalPointLadder =
          kind.name().contains("FOCAL_POINT") || kind == NoticeKind.DESIGNATION_PENDING;
      for (Step step : focalPointLadder ? new Step[] {Step.FOCAL_POINT} : Step.values()) {
        for (Language language : Language.values()) {
          RenderedNotice notice =
              renderer.render(
                  deadline(kind, step, step.secretariatActs() ? null : "AUT", Notices.DUE, 2),
                  Notices.recipient(language));
          Calendar calendar = parse(notice);
          assertThat(calendar.validate().hasErrors())
              .as("%s %s %s", kind, step, language)
              .isFalse();
          validated++;
        }
      }
    }
    assertThat(validated).isGreaterThan(6 * Step.values().length);
  }

  @Test
  void uidIsStableWhileTheDeadlineMovesAndSequenceRises() throws Exception {
    VEvent first =
        event(
            parse(
                renderer.render(
                    deadline(NoticeKind.REMINDER, Step.FEEDBACK, "DEU", Notices.DUE, 0),
                    Notices.recipient(Language.EN))));
    VEvent extended =
        event(
            parse(
                renderer.render(
                    deadline(
                        NoticeKind.DEADLINE_EXTENDED,
                        Step.FEEDBACK,
                        "DEU",
                        Notices.DUE.plusMonths(1),
                        1),
                    Notices.recipient(Language.FR))));
    VEvent again =
        event(
            parse(
                renderer.render(
                    deadline(
                        NoticeKind.OVERDUE, Step.FEEDBACK, "DEU", Notices.DUE.plusMonths(2), 2),
                    Notices.recipient(Language.ZH))));

    assertThat(value(extended, "UID"))
        .isEqualTo(value(first, "UID"))
        .isEqualTo(value(again, "UID"))
        .isEqualTo("AUT-P2-2027-FEEDBACK-DEU@revflow");
    assertThat(Integer.parseInt(value(first, "SEQUENCE")))
        .isLessThan(Integer.parseInt(value(extended, "SEQUENCE")));
    assertThat(Integer.parseInt(value(extended, "SEQUENCE")))
        .isLessThan(Integer.parseInt(value(again, "SEQUENCE")));
    assertThat(value(extended, "DTSTART")).isEqualTo("20270804");
  }

  @Test
  void eachReviewingStateAndTheSecretariatHaveTheirOwnEvent() throws Exception {
    String deu =
        value(
            event(
                parse(
                    renderer.render(
                        deadline(NoticeKind.REMINDER, Step.FEEDBACK, "DEU", Notices.DUE, 0),
                        Notices.recipient(Language.EN)))),
            "UID");
    String fra =
        value(
            event(
                parse(
                    renderer.render(
                        deadline(NoticeKind.REMINDER, Step.FEEDBACK, "FRA", Notices.DUE, 0),
                        Notices.recipient(Language.EN)))),
            "UID");
    String secretariat =
        value(
            event(
                parse(
                    renderer.render(
                        deadline(
                            NoticeKind.REMINDER,
                            Step.PRELIMINARY_CONSULTATION,
                            null,
                            Notices.DUE,
                            0),
                        Notices.recipient(Language.EN)))),
            "UID");
    // The reviewed State's own step needs no stateCode.
    String saq =
        value(
            event(
                parse(
                    renderer.render(
                        deadline(NoticeKind.OVERDUE, Step.SAQ, null, Notices.DUE, 0),
                        Notices.recipient(Language.EN)))),
            "UID");

    assertThat(deu).isNotEqualTo(fra);
    assertThat(secretariat).isEqualTo("AUT-P2-2027-PRELIMINARY_CONSULTATION-SECRETARIAT@revflow");
    assertThat(saq).isEqualTo("AUT-P2-2027-SAQ-AUT@revflow");
  }

  @Test
  void focalPointKindsDefaultToTheFocalPointStep() throws Exception {
    VEvent event =
        event(
            parse(
                renderer.render(
                    deadline(NoticeKind.FOCAL_POINT_REMINDER, null, "DEU", Notices.DUE, 0),
                    Notices.recipient(Language.EN))));
    assertThat(value(event, "UID")).isEqualTo("AUT-P2-2027-FOCAL_POINT-DEU@revflow");
  }

  @Test
  void summaryIsInTheRecipientsLanguage() throws Exception {
    VEvent zh =
        event(
            parse(
                renderer.render(
                    deadline(NoticeKind.REMINDER, Step.SAQ, "AUT", Notices.DUE, 3),
                    Notices.recipient(Language.ZH))));
    assertThat(value(zh, "SUMMARY")).contains("自评调查表");
    assertThat(
            zh.getProperty("SUMMARY").orElseThrow().getParameter("LANGUAGE").map(p -> p.getValue()))
        .contains("zh");
    VEvent ar =
        event(
            parse(
                renderer.render(
                    deadline(NoticeKind.REMINDER, Step.SAQ, "AUT", Notices.DUE, 3),
                    Notices.recipient(Language.AR))));
    assertThat(value(ar, "SUMMARY")).contains("استبيان التقييم الذاتي");
    assertThat(value(ar, "DESCRIPTION")).contains("4 يوليو 2027", "النمسا");
  }
}
