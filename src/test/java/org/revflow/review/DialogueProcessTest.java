package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.testsupport.ExpectedNotices.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.pr;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.testsupport.ReceivedMail;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #18, item 3: the dialogue is a two-month window in which the reviewing States may ask; the
 * reviewed State owes an answer only to a request, each request a round with its own deadline and
 * ladder; an answer goes to the State that asked; the dialogue closes by itself at the end of the
 * window when no request is open, else with the answer to the last one.
 */
@RevFlowTest
class DialogueProcessTest {

  @Autowired ReviewDriver driver;
  @Autowired GreenMail greenMail;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void aDialogueWithoutARequestClosesAtTheEndOfItsWindowAndTheReviewedStateOwesNothing() {
    driver.permanentRepresentatives("SRB", "UGA", "ETH");
    String id = driver.launch("SRB", 1, "UGA", "ETH");
    LocalDate t0 = driver.time().today();
    LocalDate f = driver.reachDialogue(id, "SRB", "UGA", "ETH");
    LocalDate windowEnd = f.plusMonths(2);
    // Past the window's end + 31: no overdue notice or escalation for a deadline nobody had.
    LocalDate end = windowEnd.plusDays(32);
    driver.time().walkTo(end);

    LocalDate closed = windowEnd.plusDays(1);
    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                toDialogue(t0, "SRB", "UGA", "ETH"),
                toEach(closed, NoticeKind.STEP_DONE, Step.DIALOGUE, null, fps("SRB", "UGA", "ETH")),
                opened(closed, Step.OBSERVATIONS, "UGA", fp("UGA")),
                opened(closed, Step.OBSERVATIONS, "ETH", fp("ETH")),
                ladder(Step.OBSERVATIONS, "UGA", closed, closed.plusMonths(3), end, fp("UGA")),
                ladder(Step.OBSERVATIONS, "ETH", closed, closed.plusMonths(3), end, fp("ETH"))));
    assertThat(driver.noticeRows(id))
        .filteredOn(n -> n.getKind() == NoticeKind.STEP_OPENED && "DIALOGUE".equals(n.getStep()))
        .hasSize(3)
        .extracting(Notice::getDueOn)
        .containsOnly(windowEnd);
    assertThat(driver.review(id).doneSteps())
        .filteredOn(st -> st.step() == Step.DIALOGUE)
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.state()).isNull();
              assertThat(st.doneOn()).isEqualTo(closed);
            });
  }

  @Test
  void twoAskersEachGetTheAnswerToTheirOwnRound() {
    driver.permanentRepresentatives("ZWE", "UGA", "ETH");
    String id = driver.launch("ZWE", 1, "UGA", "ETH");
    LocalDate t0 = driver.time().today();
    LocalDate f = driver.reachDialogue(id, "ZWE", "UGA", "ETH");
    LocalDate q1 = f.plusDays(5);
    driver.on(q1, id, EventType.CLARIFICATION_REQUESTED, "UGA");
    LocalDate q2 = f.plusDays(10);
    driver.on(q2, id, EventType.CLARIFICATION_REQUESTED, "ETH");
    LocalDate a2 = f.plusDays(15);
    driver.on(a2, id, EventType.CLARIFICATION_ANSWERED, "ETH");
    // Naming no State answers the oldest open round: Uganda's.
    LocalDate a1 = f.plusDays(20);
    driver.on(a1, id, EventType.CLARIFICATION_ANSWERED);

    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                toDialogue(t0, "ZWE", "UGA", "ETH"),
                toEach(q1, NoticeKind.CLARIFICATION_REQUESTED, Step.DIALOGUE, "ZWE", fp("ZWE")),
                toEach(q2, NoticeKind.CLARIFICATION_REQUESTED, Step.DIALOGUE, "ZWE", fp("ZWE")),
                ladder(Step.DIALOGUE, "ZWE", q1, q1.plusMonths(2), a1.minusDays(1), fp("ZWE")),
                ladder(Step.DIALOGUE, "ZWE", q2, q2.plusMonths(2), a2.minusDays(1), fp("ZWE")),
                toEach(a2, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, "ETH", fp("ETH")),
                toEach(a1, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, "UGA", fp("UGA"))));
    assertThat(driver.review(id).openSteps())
        .filteredOn(st -> st.step() == Step.DIALOGUE)
        .extracting(st -> st.state() + " " + st.due())
        .as("the window alone, until its end")
        .containsExactly("null " + f.plusMonths(2));
    assertThat(driver.noticeRows(id))
        .filteredOn(n -> n.getKind() == NoticeKind.CLARIFICATION_REQUESTED)
        .extracting(Notice::getDueOn)
        .containsExactly(q1.plusMonths(2), q2.plusMonths(2));
    // Each request tells the reviewed State who asked.
    assertThat(ReceivedMail.of(greenMail, driver.noticeRows(id)))
        .filteredOn(m -> m.kind() == NoticeKind.CLARIFICATION_REQUESTED)
        .extracting(m -> m.body().contains("Uganda") + "/" + m.body().contains("Ethiopia"))
        .containsExactly("true/false", "false/true");
  }

  @Test
  void aRequestAfterTheWindowsEndIsAcceptedWhileARoundIsOpenAndTheLastAnswerClosesTheDialogue() {
    driver.permanentRepresentatives("MWI", "UGA", "ETH");
    String id = driver.launch("MWI", 1, "UGA", "ETH");
    LocalDate t0 = driver.time().today();
    LocalDate f = driver.reachDialogue(id, "MWI", "UGA", "ETH");
    LocalDate q1 = f.plusDays(50);
    driver.on(q1, id, EventType.CLARIFICATION_REQUESTED, "UGA");
    LocalDate windowEnd = f.plusMonths(2);
    driver.time().walkTo(windowEnd.plusDays(2));
    assertThat(driver.review(id).openSteps())
        .filteredOn(st -> st.step() == Step.DIALOGUE)
        .extracting(st -> st.state() + " " + st.due())
        .as("the window waits for the open round")
        .containsExactlyInAnyOrder("null " + windowEnd, "MWI " + q1.plusMonths(2));
    LocalDate q2 = windowEnd.plusDays(10);
    driver.on(q2, id, EventType.CLARIFICATION_REQUESTED, "ETH");
    LocalDate a1 = windowEnd.plusDays(15);
    driver.on(a1, id, EventType.CLARIFICATION_ANSWERED, "UGA");
    assertThat(driver.review(id).openSteps())
        .filteredOn(st -> st.step() == Step.DIALOGUE)
        .extracting(st -> st.state() + " " + st.due())
        .as("Ethiopia's request still open")
        .containsExactlyInAnyOrder("null " + windowEnd, "MWI " + q2.plusMonths(2));
    LocalDate a2 = windowEnd.plusDays(20);
    driver.on(a2, id, EventType.CLARIFICATION_ANSWERED, "ETH");

    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                toDialogue(t0, "MWI", "UGA", "ETH"),
                toEach(q1, NoticeKind.CLARIFICATION_REQUESTED, Step.DIALOGUE, "MWI", fp("MWI")),
                toEach(q2, NoticeKind.CLARIFICATION_REQUESTED, Step.DIALOGUE, "MWI", fp("MWI")),
                ladder(Step.DIALOGUE, "MWI", q1, q1.plusMonths(2), a1.minusDays(1), fp("MWI")),
                ladder(Step.DIALOGUE, "MWI", q2, q2.plusMonths(2), a2.minusDays(1), fp("MWI")),
                toEach(a1, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, "UGA", fp("UGA")),
                toEach(a2, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, "ETH", fp("ETH")),
                toEach(a2, NoticeKind.STEP_DONE, Step.DIALOGUE, null, fps("MWI", "UGA", "ETH")),
                opened(a2, Step.OBSERVATIONS, "UGA", fp("UGA")),
                opened(a2, Step.OBSERVATIONS, "ETH", fp("ETH"))));
    // Closed now: a late request has no dialogue to join.
    assertThatThrownBy(() -> driver.on(a2, id, EventType.CLARIFICATION_REQUESTED, "UGA"))
        .hasMessageContaining("dialogue is not open");
    assertThat(driver.notices(id))
        .filteredOn(l -> l.contains("CLARIFICATION_REQUESTED"))
        .hasSize(2);
  }

  @Test
  void theAnswerToAReplacedReviewersRequestGoesToTheStateThatTookItsPlaceNotToTheReleasedOne() {
    driver.permanentRepresentatives("SUR", "UGA", "ETH", "LCA");
    String id = driver.launch("SUR", 1, "UGA", "ETH");
    LocalDate t0 = driver.time().today();
    LocalDate f = driver.reachDialogue(id, "SUR", "UGA", "ETH");
    LocalDate q = f.plusDays(5);
    driver.on(q, id, EventType.CLARIFICATION_REQUESTED, "ETH");
    LocalDate r = f.plusDays(10);
    driver.replaceReviewer(r, id, "ETH", "LCA");
    LocalDate a = f.plusDays(20);
    driver.on(a, id, EventType.CLARIFICATION_ANSWERED);

    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                toDialogue(t0, "SUR", "UGA", "ETH"),
                toEach(q, NoticeKind.CLARIFICATION_REQUESTED, Step.DIALOGUE, "SUR", fp("SUR")),
                List.of(
                    line(r, NoticeKind.REVIEW_LAUNCHED, null, "LCA", pr("LCA"), SECRETARIAT),
                    line(r, NoticeKind.REVIEWER_RELEASED, null, "ETH", fp("ETH"), SECRETARIAT)),
                toEach(r, NoticeKind.REVIEWER_REPLACED, null, "LCA", fp("SUR"), fp("UGA")),
                focalPointLadder("LCA", r, r.plusWeeks(2), a.minusDays(1), fp("SUR"), fp("UGA")),
                ladder(Step.EXPERTS, "LCA", r, r.plusWeeks(4), a.minusDays(1), pr("LCA")),
                ladder(Step.DIALOGUE, "SUR", q, q.plusMonths(2), a.minusDays(1), fp("SUR")),
                // Released, Ethiopia hears nothing more: the State that took over its part learns
                // of the answer.
                toEach(a, NoticeKind.CLARIFICATION_ANSWERED, Step.DIALOGUE, "LCA", pr("LCA"))));
    assertThat(driver.notices(id))
        .filteredOn(l -> l.contains("eth.example"))
        .allMatch(l -> !LocalDate.parse(l.substring(0, 10)).isAfter(r));
  }
}
