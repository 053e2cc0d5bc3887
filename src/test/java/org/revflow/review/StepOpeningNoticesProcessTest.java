package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.testsupport.ExpectedNotices.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.person;
import static org.revflow.testsupport.ReviewDriver.pr;
import static org.revflow.vocabulary.NoticeKind.*;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.testsupport.ReceivedMail;
import org.revflow.testsupport.ReceivedMail.Mail;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #18, item 2: every step a party must act on is announced the day it opens, with its
 * deadline, to whoever acts (the experts too on drafting steps, the secretariat on its own steps);
 * the launch's own steps (focal point, experts, questionnaire) are listed in the launch notice
 * instead.
 */
@RevFlowTest
class StepOpeningNoticesProcessTest {

  private static final DateTimeFormatter ENGLISH_DATE =
      DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK);

  @Autowired ReviewDriver driver;
  @Autowired GreenMail greenMail;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void theLaunchNoticeListsTheLaunchsOwnStepsAndOnlyTheSecretariatsConsultationOpensWithANotice() {
    driver.permanentRepresentatives("PHL", "LKA", "BGD");
    String id = driver.launch("PHL", 1, "LKA", "BGD");
    LocalDate t0 = driver.time().today();
    driver.time().walkTo(t0);

    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                launch(t0, "PHL", "LKA", "BGD"),
                secretariatLadder(Step.PRELIMINARY_CONSULTATION, t0, t0.plusMonths(1), t0)));
    assertThat(driver.noticeRows(id))
        .filteredOn(n -> n.getKind() == STEP_OPENED)
        .singleElement()
        .satisfies(n -> assertThat(n.getDueOn()).isEqualTo(t0.plusMonths(1)));

    List<Mail> mails = ReceivedMail.of(greenMail, driver.noticeRows(id));
    String focalPoint = "- Focal point designation: " + ENGLISH_DATE.format(t0.plusWeeks(2));
    String experts =
        "- Designation of governmental experts: " + ENGLISH_DATE.format(t0.plusWeeks(4));
    String questionnaire =
        "- Self-assessment questionnaire: " + ENGLISH_DATE.format(t0.plusMonths(6));
    assertThat(launchMailTo(mails, pr("PHL")).body()).contains(focalPoint, experts, questionnaire);
    for (String reviewer : List.of("LKA", "BGD")) {
      assertThat(launchMailTo(mails, pr(reviewer)).body())
          .contains(focalPoint, experts)
          .doesNotContain("Self-assessment questionnaire:");
    }
  }

  private static Mail launchMailTo(List<Mail> mails, String to) {
    return mails.stream()
        .filter(m -> m.to().equals(to) && m.kind() == REVIEW_LAUNCHED)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyStepAPartyMustActOnIsAnnouncedTheDayItOpensWithItsDeadline() {
    driver.permanentRepresentatives("NPL", "BGD", "GEO");
    String id = driver.launch("NPL", 1, "BGD", "GEO");
    LocalDate t0 = driver.time().today();
    for (String s : List.of("NPL", "BGD", "GEO")) {
      driver.designateFocalPoint(t0, id, s);
    }
    String nplExpert = "expert@npl.example";
    String[] bgdExperts = {"first.expert@bgd.example", "second.expert@bgd.example"};
    String geoExpert = "expert@geo.example";
    driver.designateExperts(t0, id, "NPL", person("Expert of NPL", nplExpert));
    driver.designateExperts(
        t0,
        id,
        "BGD",
        person("First expert of BGD", bgdExperts[0]),
        person("Second expert of BGD", bgdExperts[1]));
    driver.designateExperts(t0, id, "GEO", person("Expert of GEO", geoExpert));
    driver.on(t0, id, EventType.PRELIMINARY_CONSULTATION_HELD);
    LocalDate s = t0.plusDays(1);
    driver.on(s, id, EventType.SAQ_CLEARED);
    driver.on(s, id, EventType.TRANSLATION_DONE);
    driver.on(s.plusDays(1), id, EventType.FEEDBACK_CLEARED, "BGD");
    LocalDate g = s.plusDays(2);
    driver.on(g, id, EventType.FEEDBACK_CLEARED, "GEO");
    LocalDate c = g.plusDays(1);
    driver.on(c, id, EventType.DIALOGUE_CLOSED);
    LocalDate o = c.plusDays(1);
    driver.on(o, id, EventType.OBSERVATIONS_CLEARED, "BGD");
    driver.on(o, id, EventType.OBSERVATIONS_CLEARED, "GEO");
    LocalDate a = o.plusDays(1);
    driver.on(a, id, EventType.OBSERVATIONS_AGREED);
    driver.on(a, id, EventType.SUMMARY_CLEARED, "BGD");
    // Georgia's part of the summary stays open past its reminders, which its experts get too.
    LocalDate summaryDue = a.plusMonths(1);
    LocalDate sg = summaryDue.minusDays(6);
    driver.on(sg, id, EventType.SUMMARY_CLEARED, "GEO");
    driver.on(sg, id, EventType.SUMMARY_AGREED);
    LocalDate end = sg.plusDays(5);
    driver.on(end, id, EventType.FINALISED);

    String[] all = fps("NPL", "BGD", "GEO");
    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                launch(t0, "NPL", "BGD", "GEO"),
                designatedInTurn(t0, "NPL", "BGD", "GEO"),
                toEach(t0, STEP_DONE, Step.EXPERTS, "NPL", all),
                toEach(t0, STEP_DONE, Step.EXPERTS, "BGD", all),
                toEach(t0, STEP_DONE, Step.EXPERTS, "GEO", all),
                toEach(t0, STEP_DONE, Step.PRELIMINARY_CONSULTATION, null, all),
                toEach(s, STEP_DONE, Step.SAQ, "NPL", all),
                // The questionnaire cleared: the translation opens for the secretariat, the
                // feedback for each
                // reviewing State's focal point and experts, due six months later.
                List.of(line(s, STEP_OPENED, Step.TRANSLATION, null, SECRETARIAT)),
                opened(s, Step.FEEDBACK, "BGD", fp("BGD"), bgdExperts),
                opened(s, Step.FEEDBACK, "GEO", fp("GEO"), geoExpert),
                toEach(s, STEP_DONE, Step.TRANSLATION, null, all),
                toEach(s.plusDays(1), STEP_DONE, Step.FEEDBACK, "BGD", all),
                toEach(g, STEP_DONE, Step.FEEDBACK, "GEO", all),
                dialogueOpened(g, "NPL", "BGD", "GEO"),
                toEach(c, STEP_DONE, Step.DIALOGUE, null, all),
                opened(c, Step.OBSERVATIONS, "BGD", fp("BGD"), bgdExperts),
                opened(c, Step.OBSERVATIONS, "GEO", fp("GEO"), geoExpert),
                toEach(o, STEP_DONE, Step.OBSERVATIONS, "BGD", all),
                toEach(o, STEP_DONE, Step.OBSERVATIONS, "GEO", all),
                // Agreeing is the focal point's, not the experts' drafting.
                opened(o, Step.OBSERVATIONS_AGREEMENT, "NPL", fp("NPL")),
                toEach(a, STEP_DONE, Step.OBSERVATIONS_AGREEMENT, "NPL", all),
                opened(a, Step.SUMMARY, "BGD", fp("BGD"), bgdExperts),
                opened(a, Step.SUMMARY, "GEO", fp("GEO"), geoExpert),
                toEach(a, STEP_DONE, Step.SUMMARY, "BGD", all),
                ladder(Step.SUMMARY, "GEO", a, summaryDue, sg.minusDays(1), fp("GEO"), geoExpert),
                toEach(sg, STEP_DONE, Step.SUMMARY, "GEO", all),
                opened(sg, Step.SUMMARY_AGREEMENT, "NPL", fp("NPL")),
                toEach(sg, STEP_DONE, Step.SUMMARY_AGREEMENT, "NPL", all),
                List.of(line(sg, STEP_OPENED, Step.FINALISATION, null, SECRETARIAT)),
                toEach(end, STEP_DONE, Step.FINALISATION, null, all),
                toEach(end, REVIEW_COMPLETED, null, "NPL", fp("NPL")),
                toEach(end, REVIEW_COMPLETED, null, "BGD", fp("BGD")),
                toEach(end, REVIEW_COMPLETED, null, "GEO", fp("GEO"))));
    assertThat(driver.notices(id))
        .filteredOn(l -> l.contains(" REMINDER SUMMARY GEO -> " + geoExpert))
        .isNotEmpty();

    // Each opening notice carries the deadline of the occurrence it opens.
    LocalDate feedbackDue = s.plusMonths(6);
    assertThat(driver.noticeRows(id))
        .filteredOn(n -> n.getKind() == STEP_OPENED)
        .extracting(n -> n.getStep() + " " + n.getStateCode() + " " + n.getDueOn())
        .containsOnly(
            "PRELIMINARY_CONSULTATION null " + t0.plusMonths(1),
            "TRANSLATION null " + s.plusMonths(1),
            "FEEDBACK BGD " + feedbackDue,
            "FEEDBACK GEO " + feedbackDue,
            "DIALOGUE NPL " + g.plusMonths(2),
            "DIALOGUE BGD " + g.plusMonths(2),
            "DIALOGUE GEO " + g.plusMonths(2),
            "OBSERVATIONS BGD " + c.plusMonths(3),
            "OBSERVATIONS GEO " + c.plusMonths(3),
            "OBSERVATIONS_AGREEMENT NPL " + o.plusMonths(2),
            "SUMMARY BGD " + summaryDue,
            "SUMMARY GEO " + summaryDue,
            "SUMMARY_AGREEMENT NPL " + sg.plusMonths(1),
            "FINALISATION null " + sg.plusMonths(3));
    assertThat(driver.noticeRows(id))
        .filteredOn(n -> n.getKind() == STEP_OPENED)
        .extracting(Notice::getStep)
        .doesNotContain("FOCAL_POINT", "EXPERTS", "SAQ");

    // The feedback's opening notice tells its date, with the action link for the focal point, not
    // for the experts; a step's opening notice starts the calendar entry its reminders update.
    List<Mail> mails = ReceivedMail.of(greenMail, driver.noticeRows(id));
    assertThat(mails)
        .filteredOn(
            m -> m.to().equals(fp("GEO")) && m.kind() == STEP_OPENED && "FEEDBACK".equals(m.step()))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains(ENGLISH_DATE.format(feedbackDue), "/act/"));
    Mail summaryOpened =
        mails.stream()
            .filter(
                m ->
                    m.to().equals(fp("GEO"))
                        && m.kind() == STEP_OPENED
                        && "SUMMARY".equals(m.step()))
            .findFirst()
            .orElseThrow();
    assertThat(summaryOpened.calendarUid()).isEqualTo(id + "-SUMMARY-GEO@revflow");
    assertThat(mails)
        .filteredOn(m -> m.to().equals(fp("GEO")) && m.kind() == REMINDER)
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.calendarUid()).isEqualTo(summaryOpened.calendarUid()));
    assertThat(mails)
        .filteredOn(m -> m.to().equals(geoExpert) && m.kind() == STEP_OPENED)
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.body()).doesNotContain("/act/"));
  }
}
