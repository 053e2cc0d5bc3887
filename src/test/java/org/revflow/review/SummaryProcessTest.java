package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.testsupport.ExpectedNotices.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.vocabulary.NoticeKind.*;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.ReceivedMail;
import org.revflow.testsupport.ReceivedMail.Mail;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #18, item 4: each reviewing State clears its part of the summary ({@code SUMMARY_CLEARED}
 * with its State), then the reviewed State agrees it in a step of its own, with its own ladder and
 * action link; no reviewing State is chased for the reviewed State's delay.
 */
@RevFlowTest
class SummaryProcessTest {

  private static final Pattern ACTION_LINK =
      Pattern.compile("https?://[^\\s\"<>]+(/act/[A-Za-z0-9_.\\-]+)");

  @Autowired ReviewDriver driver;
  @Autowired GreenMail greenMail;
  @LocalServerPort int port;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void theReviewedStateLateOnTheSummaryAgreementGetsItsOwnLadderAndNoReviewingStateIsChased()
      throws Exception {
    driver.permanentRepresentatives("JAM", "TTO", "GUY");
    String id = driver.launch("JAM", 1, "TTO", "GUY");
    LocalDate t0 = driver.time().today();
    LocalDate f = driver.reachDialogue(id, "JAM", "TTO", "GUY");
    LocalDate c = f.plusDays(5);
    driver.on(c, id, EventType.DIALOGUE_CLOSED);
    LocalDate o = f.plusDays(30);
    driver.on(o, id, EventType.OBSERVATIONS_CLEARED, "TTO");
    driver.on(o, id, EventType.OBSERVATIONS_CLEARED, "GUY");
    LocalDate a = f.plusDays(40);
    driver.on(a, id, EventType.OBSERVATIONS_AGREED);
    driver.on(a.plusDays(3), id, EventType.SUMMARY_CLEARED, "TTO");
    assertThatThrownBy(() -> driver.on(a.plusDays(4), id, EventType.SUMMARY_CLEARED))
        .hasMessageContaining("needs the reviewing 'state'");
    assertThatThrownBy(() -> driver.on(a.plusDays(4), id, EventType.SUMMARY_AGREED))
        .as("agreed before every part is cleared")
        .hasMessageContaining("SUMMARY_AGREEMENT for JAM is not open");
    LocalDate opened = a.plusDays(5);
    driver.on(opened, id, EventType.SUMMARY_CLEARED, "GUY");
    // The opening notice brings the reviewed State's focal point to the page where it agrees.
    Mail openedMail =
        ReceivedMail.of(greenMail, driver.noticeRows(id)).stream()
            .filter(m -> m.kind() == STEP_OPENED && "SUMMARY_AGREEMENT".equals(m.step()))
            .findFirst()
            .orElseThrow();
    assertThat(openedMail.to()).isEqualTo(fp("JAM"));
    Matcher link = ACTION_LINK.matcher(openedMail.body());
    assertThat(link.find()).as("an action link in " + openedMail).isTrue();
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + link.group(1)))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("value=\"SUMMARY_AGREED\"");
    LocalDate due = opened.plusMonths(1);
    LocalDate agreed = due.plusDays(35);
    driver.on(agreed, id, EventType.SUMMARY_AGREED);

    String[] all = fps("JAM", "TTO", "GUY");
    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                toDialogue(t0, "JAM", "TTO", "GUY"),
                toEach(c, STEP_DONE, Step.DIALOGUE, null, all),
                openedForEach(c, Step.OBSERVATIONS, "TTO", "GUY"),
                toEach(o, STEP_DONE, Step.OBSERVATIONS, "TTO", all),
                toEach(o, STEP_DONE, Step.OBSERVATIONS, "GUY", all),
                opened(o, Step.OBSERVATIONS_AGREEMENT, "JAM", fp("JAM")),
                toEach(a, STEP_DONE, Step.OBSERVATIONS_AGREEMENT, "JAM", all),
                openedForEach(a, Step.SUMMARY, "TTO", "GUY"),
                // Each part has its own (one-month) ladder until its State clears it.
                ladder(Step.SUMMARY, "TTO", a, a.plusMonths(1), a.plusDays(2), fp("TTO")),
                ladder(Step.SUMMARY, "GUY", a, a.plusMonths(1), opened.minusDays(1), fp("GUY")),
                toEach(a.plusDays(3), STEP_DONE, Step.SUMMARY, "TTO", all),
                toEach(opened, STEP_DONE, Step.SUMMARY, "GUY", all),
                opened(opened, Step.SUMMARY_AGREEMENT, "JAM", fp("JAM")),
                ladder(Step.SUMMARY_AGREEMENT, "JAM", opened, due, agreed.minusDays(1), fp("JAM")),
                toEach(agreed, STEP_DONE, Step.SUMMARY_AGREEMENT, "JAM", all),
                List.of(line(agreed, STEP_OPENED, Step.FINALISATION, null, SECRETARIAT))));
    assertThat(driver.notices(id))
        .filteredOn(
            l ->
                l.contains(" SUMMARY_AGREEMENT ")
                    && (l.contains("tto.example") || l.contains("guy.example")))
        .allMatch(l -> l.contains(" STEP_DONE "));
    assertThat(driver.notices(id))
        .filteredOn(l -> l.contains(" ESCALATION SUMMARY_AGREEMENT JAM "))
        .hasSize(1);
  }

  /** Opening notices of one step for several reviewing States, each to its own focal point. */
  private static List<String> openedForEach(LocalDate on, Step step, String... states) {
    return java.util.Arrays.stream(states)
        .flatMap(s -> opened(on, step, s, fp(s)).stream())
        .toList();
  }
}
