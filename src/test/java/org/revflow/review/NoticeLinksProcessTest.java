package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.testsupport.ExpectedNotices.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.pr;
import static org.revflow.vocabulary.NoticeKind.*;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.testsupport.ReceivedMail;
import org.revflow.testsupport.ReceivedMail.Mail;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #18, item 8, read from the emails the SMTP server accepted: people outside the secretariat
 * never get a link to RevFlow's API; the acting focal point gets the action page where the notice
 * asks it to act on a step that has one (the permanent representative too while it is interim); the
 * secretariat's own emails link to the review; each email is in its addressee's language.
 */
@RevFlowTest
class NoticeLinksProcessTest {

  /** Notices that ask nobody to act on a page: never an action link. */
  private static final Set<NoticeKind> TELL_ONLY =
      EnumSet.of(
          REVIEW_LAUNCHED,
          FOCAL_POINT_DESIGNATED,
          FOCAL_POINT_CHANGED,
          INTERIM_FOCAL_POINT_INFO,
          STEP_DONE);

  @Autowired ReviewDriver driver;
  @Autowired GreenMail greenMail;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void linksLeadOnlyWhereTheAddresseeActsAndNeverToTheApiOutsideTheSecretariat() {
    driver.permanentRepresentatives("LBR", "LSO", "MDV");
    String id = driver.launch("LBR", 1, "LSO", "MDV");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0, id, "LBR");
    driver.designateFocalPoint(
        t0,
        id,
        "LSO",
        new ReviewCommands.Person("Point focal du Lesotho", fp("LSO"), "fr", "Africa/Maseru"));
    String expert = "expert@lso.example";
    driver.on(t0, id, EventType.EXPERTS_DESIGNATED, "LBR");
    driver.designateExperts(t0, id, "LSO", ReviewDriver.person("Expert of LSO", expert));
    driver.on(t0, id, EventType.EXPERTS_DESIGNATED, "MDV");
    driver.on(t0, id, EventType.PRELIMINARY_CONSULTATION_HELD);
    // The Maldives never designate: their permanent representative acts throughout, and is told so.
    LocalDate s = t0.plusWeeks(2).plusDays(2);
    driver.on(s, id, EventType.SAQ_CLEARED);
    driver.time().walkTo(s);

    String[] acting = {fp("LBR"), fp("LSO"), pr("MDV")};
    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                launch(t0, "LBR", "LSO", "MDV"),
                designated(t0, "LBR", fp("LBR"), pr("LSO"), pr("MDV")),
                designated(t0, "LSO", fp("LSO"), fp("LBR"), pr("MDV")),
                toEach(t0, STEP_DONE, Step.EXPERTS, "LBR", acting),
                toEach(t0, STEP_DONE, Step.EXPERTS, "LSO", acting),
                toEach(t0, STEP_DONE, Step.EXPERTS, "MDV", acting),
                toEach(t0, STEP_DONE, Step.PRELIMINARY_CONSULTATION, null, acting),
                focalPointLadder("MDV", t0, t0.plusWeeks(2), s, fp("LBR"), fp("LSO")),
                toEach(s, STEP_DONE, Step.SAQ, "LBR", acting),
                List.of(line(s, STEP_OPENED, Step.TRANSLATION, null, SECRETARIAT)),
                opened(s, Step.FEEDBACK, "LSO", fp("LSO"), expert),
                opened(s, Step.FEEDBACK, "MDV", pr("MDV")),
                secretariatLadder(Step.TRANSLATION, s, s.plusMonths(1), s)));

    List<Mail> mails = ReceivedMail.of(greenMail, driver.noticeRows(id));
    assertThat(mails).hasSameSizeAs(driver.noticeRows(id));
    assertThat(mails)
        .filteredOn(m -> !m.to().equals(SECRETARIAT))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.body()).as(m.toString()).doesNotContain("/api/"));
    assertThat(mails)
        .filteredOn(m -> m.to().equals(SECRETARIAT))
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.body())
                    .as(m.toString())
                    .contains("/api/reviews/" + id)
                    .doesNotContain("/act/"));

    // The action page, for whoever acts, where the step has one.
    assertThat(mails)
        .filteredOn(m -> m.body().contains("/act/"))
        .extracting(Mail::toString)
        .containsExactlyInAnyOrder(
            line(
                t0.plusWeeks(2).plusDays(1),
                INTERIM_FOCAL_POINT_IN_FORCE,
                Step.FOCAL_POINT,
                "MDV",
                pr("MDV"),
                SECRETARIAT),
            line(s, STEP_OPENED, Step.FEEDBACK, "LSO", fp("LSO")),
            line(s, STEP_OPENED, Step.FEEDBACK, "MDV", pr("MDV")));
    assertThat(mails)
        .filteredOn(m -> TELL_ONLY.contains(m.kind()) || m.to().equals(expert))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.body()).as(m.toString()).doesNotContain("/act/"));

    // Each email in its addressee's language.
    assertThat(mails)
        .filteredOn(m -> m.to().equals(fp("LSO")))
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.language()).isEqualTo("fr");
              assertThat(m.row().getLanguage()).isEqualTo("fr");
            });
    assertThat(mails)
        .filteredOn(m -> m.kind() == STEP_OPENED && m.to().equals(fp("LSO")))
        .singleElement()
        .satisfies(m -> assertThat(m.subject()).contains("Étape ouverte : commentaires écrits"));
    assertThat(mails)
        .filteredOn(m -> !m.to().equals(fp("LSO")))
        .extracting(Mail::language)
        .containsOnly("en");
    assertThat(driver.noticeRows(id)).extracting(Notice::getLanguage).containsOnly("fr", "en");
  }
}
