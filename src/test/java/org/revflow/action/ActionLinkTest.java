package org.revflow.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.action.WebClient.form;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revflow.notification.ActionLinkProvider;
import org.revflow.notification.Addressee;
import org.revflow.notification.NoticeJob;
import org.revflow.registry.Language;
import org.revflow.registry.RegistryLookups;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewStep;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.Throttles;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules of action links on the real application: binding, replacement, expiry by the clock,
 * single use under concurrency, CSRF, throttling. Links are signed here as the notices sign them.
 */
@RevFlowTest
@org.junit.jupiter.api.extension.ExtendWith(
    org.springframework.boot.test.system.OutputCaptureExtension.class)
class ActionLinkTest {

  @Autowired ReviewDriver driver;
  @Autowired ReviewLookups reviews;
  @Autowired RegistryLookups registry;
  @Autowired ActionTokens tokens;
  @Autowired Throttles throttle;
  @Autowired JdbcTemplate jdbc;
  @Autowired ActionLinkProvider links;
  @LocalServerPort int port;

  @BeforeEach
  void cleanSlate() {
    throttle.forgetFailures();
  }

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void aLinkIsBoundToItsReviewStepStateAndPerson() {
    driver.permanentRepresentatives("URY", "FIN", "GHA");
    String id = driver.launch("URY", 4, "FIN", "GHA");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0, id, "URY");
    ReviewStep saq = openStep(id, Step.SAQ, "URY");
    long fp = focalPoint(id, "URY");
    String good = link(id, saq.getId(), "URY", fp);
    WebClient web = new WebClient(port);

    WebClient.Page page = web.get(good);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.lang()).isEqualTo("en/ltr");
    assertThat(page.body())
        .contains(
            id,
            "Self-assessment questionnaire",
            "Confirm: questionnaire cleared",
            "name=\"choice\" value=\"SAQ_CLEARED\"");

    // Tampered: one character of the claims changed, or of the signature.
    String token = good.substring("/act/".length());
    assertThat(web.get("/act/" + flip(token, 3)).status()).isEqualTo(404);
    assertThat(web.get("/act/" + flip(token, token.length() - 2)).status()).isEqualTo(404);
    assertThat(web.get("/act/not-a-token").body()).contains("lang=\"en\"", "Link not valid");
    // Signed by another key.
    ActionTokens otherKey = new ActionTokens(new ActionProperties("x".repeat(40), null));
    assertThat(
            web.get("/act/" + otherKey.sign(new ActionTokens.Claims(id, saq.getId(), "URY", fp)))
                .status())
        .isEqualTo(404);
    // Validly signed, but the step belongs to another review, or the State or person do not act for
    // it.
    assertThat(web.get(link("XXX-P1-2020", saq.getId(), "URY", fp)).status()).isEqualTo(404);
    assertThat(web.get(link(id, saq.getId(), "FIN", focalPointOrPr(id, "FIN"))).status())
        .isEqualTo(410);
    long pr = registry.permanentRepresentative("URY", driver.time().now()).orElseThrow().id();
    assertThat(web.get(link(id, saq.getId(), "URY", pr)).status()).isEqualTo(410);
    // A step nobody can act on from a link (the secretariat's consultation).
    ReviewStep consultation = openStep(id, Step.PRELIMINARY_CONSULTATION, null);
    assertThat(web.get(link(id, consultation.getId(), "URY", fp)).status()).isEqualTo(404);

    assertThat(eventsOf(id, EventType.SAQ_CLEARED)).isZero();
    assertThat(openStep(id, Step.SAQ, "URY").isOpen()).isTrue();
  }

  @Test
  void onlyTheActingFocalPointsNoticesAskingToActCarryALink() {
    driver.permanentRepresentatives("HND", "LTU", "ZMB");
    String id = driver.launch("HND", 4, "LTU", "ZMB");
    driver.designateFocalPoint(driver.time().today(), id, "HND");
    ReviewStep saq = openStep(id, Step.SAQ, "HND");
    long fp = focalPoint(id, "HND");
    long pr = registry.permanentRepresentative("HND", driver.time().now()).orElseThrow().id();
    Addressee toFp =
        new Addressee("FP", "fp@hnd.example", Language.EN, null, Addressee.Role.FOCAL_POINT, fp);
    Addressee toPr =
        new Addressee(
            "PR", "pr@hnd.example", Language.EN, null, Addressee.Role.PERMANENT_REPRESENTATIVE, pr);
    Addressee expert =
        new Addressee(
            "Expert", "x@hnd.example", Language.EN, null, Addressee.Role.EXPERT, 999_999L);
    Addressee secretariat =
        new Addressee("S", "s@example.org", Language.EN, null, Addressee.Role.SECRETARIAT);

    assertThat(links.actionLink(job(id, saq, NoticeKind.REMINDER), toFp))
        .hasValueSatisfying(
            uri -> assertThat(uri.getPath()).isEqualTo(link(id, saq.getId(), "HND", fp)));
    assertThat(links.actionLink(job(id, saq, NoticeKind.REMINDER), toFp))
        .as("deterministic: a retried notice carries the same link")
        .isEqualTo(links.actionLink(job(id, saq, NoticeKind.REMINDER), toFp));
    assertThat(links.actionLink(job(id, saq, NoticeKind.REMINDER), expert)).isEmpty();
    assertThat(links.actionLink(job(id, saq, NoticeKind.REMINDER), secretariat)).isEmpty();
    assertThat(links.actionLink(job(id, saq, NoticeKind.ESCALATION), toPr))
        .as("the PR is not interim")
        .isEmpty();
    assertThat(links.actionLink(job(id, saq, NoticeKind.OVERDUE), toFp))
        .as("copied to the PR")
        .isEmpty();
    assertThat(links.actionLink(job(id, saq, NoticeKind.STEP_DONE), toFp)).isEmpty();
    ReviewStep consultation = openStep(id, Step.PRELIMINARY_CONSULTATION, null);
    assertThat(links.actionLink(job(id, consultation, NoticeKind.REMINDER), toFp)).isEmpty();
  }

  private static NoticeJob job(String id, ReviewStep step, NoticeKind kind) {
    return new NoticeJob(
        id,
        step.getId(),
        "test",
        kind,
        step.getStep(),
        step.getStateCode(),
        step.getDueOn(),
        0,
        null);
  }

  @Test
  void aReplacedFocalPointsLinkStopsWorkingAtReplacement() {
    driver.permanentRepresentatives("PRY", "NOR", "SEN");
    String id = driver.launch("PRY", 4, "NOR", "SEN");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0, id, "PRY");
    ReviewStep saq = openStep(id, Step.SAQ, "PRY");
    String first = link(id, saq.getId(), "PRY", focalPoint(id, "PRY"));
    WebClient web = new WebClient(port);
    assertThat(web.get(first).status()).isEqualTo(200);

    driver.on(
        t0.plusDays(20),
        id,
        new ReviewCommands.RecordEvent(
            EventType.FOCAL_POINT_DESIGNATED,
            "PRY",
            null,
            null,
            "NV/new",
            null,
            null,
            null,
            null,
            null,
            new ReviewCommands.Person("New FP", "new-fp@pry.example", "es", null),
            null));
    String second = link(id, saq.getId(), "PRY", focalPoint(id, "PRY"));

    WebClient.Page old = web.get(first);
    assertThat(old.status()).isEqualTo(410);
    assertThat(
            web.post(first, form("_csrf", web.get(second).csrf(), "choice", "SAQ_CLEARED"))
                .status())
        .isEqualTo(410);
    assertThat(eventsOf(id, EventType.SAQ_CLEARED)).isZero();
    WebClient.Page now = web.get(second);
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.lang()).isEqualTo("es/ltr");
  }

  @Test
  void theInterimPermanentRepresentativeAcknowledgesAndTheLinkExpiresThirtyDaysAfterTheDeadline() {
    driver.permanentRepresentatives("BOL", "DNK", "MLI");
    String id = driver.launch("BOL", 4, "DNK", "MLI");
    LocalDate due = driver.time().today().plusWeeks(2);
    driver.time().walkTo(due.plusDays(1));
    ReviewStep bol = openStep(id, Step.FOCAL_POINT, "BOL");
    ReviewStep dnk = openStep(id, Step.FOCAL_POINT, "DNK");
    String ack = link(id, bol.getId(), "BOL", focalPointOrPr(id, "BOL"));
    String late = link(id, dnk.getId(), "DNK", focalPointOrPr(id, "DNK"));
    WebClient web = new WebClient(port);

    WebClient.Page page = web.get(ack);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("interim focal point", "name=\"choice\" value=\"INTERIM_ROLE_ACKNOWLEDGED\"");
    WebClient.Page done =
        web.post(ack, form("_csrf", page.csrf(), "choice", "INTERIM_ROLE_ACKNOWLEDGED"));
    assertThat(done.status()).isEqualTo(200);
    driver.time().settle();
    assertThat(
            jdbc.queryForList(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = ?",
                String.class,
                id,
                EventType.INTERIM_ROLE_ACKNOWLEDGED.name()))
        .containsExactly("pr@bol.example via action link");
    assertThat(openStep(id, Step.FOCAL_POINT, "BOL").isOpen())
        .as("the acknowledgement does not end the step")
        .isTrue();

    // Valid through the last day (deadline + 30), gone the day after, by the application's clock.
    driver.time().walkTo(due.plusDays(30), java.time.LocalTime.of(23, 0));
    assertThat(web.get(late).status()).isEqualTo(200);
    driver.time().walkTo(due.plusDays(31), java.time.LocalTime.of(0, 30));
    WebClient.Page expired = web.get(late);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("Link expired");
    assertThat(
            web.post(late, form("_csrf", page.csrf(), "choice", "INTERIM_ROLE_ACKNOWLEDGED"))
                .status())
        .isEqualTo(410);
    assertThat(eventsOf(id, EventType.INTERIM_ROLE_ACKNOWLEDGED)).isEqualTo(1);
  }

  @Test
  void twoConcurrentConfirmationsRecordExactlyOneEvent() throws Exception {
    driver.permanentRepresentatives("ECU", "ISL", "NER");
    String id = driver.launch("ECU", 4, "ISL", "NER");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0, id, "ECU");
    String link = link(id, openStep(id, Step.SAQ, "ECU").getId(), "ECU", focalPoint(id, "ECU"));
    WebClient a = new WebClient(port);
    WebClient b = new WebClient(port);
    String csrfA = a.get(link).csrf();
    String csrfB = b.get(link).csrf();

    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () -> {
              await(together);
              return a.post(link, form("_csrf", csrfA, "choice", "SAQ_CLEARED")).status();
            });
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(
            () -> {
              await(together);
              return b.post(link, form("_csrf", csrfB, "choice", "SAQ_CLEARED")).status();
            });
    List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
    statuses.sort(null);
    assertThat(statuses).containsExactly(200, 409);
    driver.time().settle();

    assertThat(eventsOf(id, EventType.SAQ_CLEARED)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM action_link_use WHERE review_id = ?", Integer.class, id))
        .isEqualTo(1);
    WebClient.Page again = a.get(link);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already been used");
    assertThat(reviews.openSteps(id))
        .anyMatch(s -> s.getStep() == Step.FEEDBACK && "ISL".equals(s.getStateCode()));
  }

  @Test
  void aPostWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
    driver.permanentRepresentatives("CRI", "IRL", "TGO");
    String id = driver.launch("CRI", 4, "IRL", "TGO");
    driver.designateFocalPoint(driver.time().today(), id, "CRI");
    String link = link(id, openStep(id, Step.SAQ, "CRI").getId(), "CRI", focalPoint(id, "CRI"));
    WebClient web = new WebClient(port);
    String csrf = web.get(link).csrf();

    assertThat(web.post(link, form("choice", "SAQ_CLEARED")).status()).isEqualTo(403);
    // Wrong anywhere: some changes still unmask to text, others to bytes that are not even UTF-8.
    for (int i = 0; i < csrf.length(); i += 3) {
      WebClient.Page wrong = web.post(link, form("_csrf", flip(csrf, i), "choice", "SAQ_CLEARED"));
      assertThat(wrong.status()).as("CSRF value changed at " + i).isEqualTo(403);
      assertThat(wrong.body()).contains("Nothing was changed");
    }
    assertThat(web.post(link, form("_csrf", "%%%not base64", "choice", "SAQ_CLEARED")).status())
        .isEqualTo(403);
    // Another session's token is no better.
    WebClient other = new WebClient(port);
    assertThat(other.post(link, form("_csrf", csrf, "choice", "SAQ_CLEARED")).status())
        .isEqualTo(403);

    driver.time().settle();
    assertThat(eventsOf(id, EventType.SAQ_CLEARED)).isZero();
    assertThat(openStep(id, Step.SAQ, "CRI").isOpen()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM action_link_use WHERE review_id = ?", Integer.class, id))
        .isZero();
    // The right token still works afterwards.
    assertThat(web.post(link, form("_csrf", csrf, "choice", "SAQ_CLEARED")).status())
        .isEqualTo(200);
  }

  @Test
  void anAddressWithTooManyInvalidAttemptsIsThrottledForTheWindow() {
    driver.permanentRepresentatives("PAN", "EST", "BEN");
    String id = driver.launch("PAN", 4, "EST", "BEN");
    driver.designateFocalPoint(driver.time().today(), id, "PAN");
    String link = link(id, openStep(id, Step.SAQ, "PAN").getId(), "PAN", focalPoint(id, "PAN"));
    WebClient web = new WebClient(port);

    for (int i = 0; i < 10; i++) {
      assertThat(web.get("/act/guess" + i + "." + "A".repeat(43)).status()).isEqualTo(404);
    }
    assertThat(web.get(link).status()).as("blocked even with a good link").isEqualTo(429);
    assertThat(web.post(link, form("_csrf", "whatever", "choice", "SAQ_CLEARED")).status())
        .isIn(403, 429);
    assertThat(eventsOf(id, EventType.SAQ_CLEARED)).isZero();

    driver.time().advance(Duration.ofMinutes(16));
    assertThat(web.get(link).status()).isEqualTo(200);
  }

  /**
   * The other spellings of a token's signature: its 256 bits take 43 Base64 characters, whose last
   * has two spare bits that a lenient decoder ignores.
   */
  private static List<String> otherSpellings(String token) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    List<String> out = new ArrayList<>();
    for (int spare = 0; spare < 4; spare++) {
      int v = (last & ~3) | spare;
      if (v != last) {
        out.add(token.substring(0, token.length() - 1) + alphabet.charAt(v));
      }
    }
    return out;
  }

  @Test
  void aLinkHasOneSpellingAndIsUsedOnce() {
    driver.permanentRepresentatives("MNG", "SWE", "TZA");
    String id = driver.launch("MNG", 4, "SWE", "TZA");
    driver.designateFocalPoint(driver.time().today(), id, "MNG");
    String link = link(id, openStep(id, Step.SAQ, "MNG").getId(), "MNG", focalPoint(id, "MNG"));
    String token = link.substring("/act/".length());
    List<String> others = otherSpellings(token);
    assertThat(others).hasSize(3);
    WebClient web = new WebClient(port);

    for (String other : others) {
      assertThat(tokens.verify(other)).as(other).isEmpty();
      assertThat(web.get("/act/" + other).status()).as(other).isEqualTo(404);
    }
    throttle.forgetFailures();
    String csrf = web.get(link).csrf();
    assertThat(web.post(link, form("_csrf", csrf, "choice", "SAQ_CLEARED")).status())
        .isEqualTo(200);
    // Used is used, however the link is spelt.
    for (String other : others) {
      assertThat(web.post("/act/" + other, form("_csrf", csrf, "choice", "SAQ_CLEARED")).status())
          .as(other)
          .isNotEqualTo(200);
    }
    assertThat(web.get(link).status()).isEqualTo(409);
    driver.time().settle();
    assertThat(eventsOf(id, EventType.SAQ_CLEARED)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM action_link_use WHERE review_id = ?", Integer.class, id))
        .isEqualTo(1);
  }

  @Test
  void aClientCannotNameItsOwnAddressThroughForwardedHeaders() throws Exception {
    // The test client connects from 127.0.0.1, which is no configured proxy: whatever it writes in
    // X-Forwarded-For, its failures count against its own address.
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.IntUnaryOperator get =
        i -> {
          try {
            return http.send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(
                                "http://localhost:"
                                    + port
                                    + "/act/guess"
                                    + i
                                    + "."
                                    + "A".repeat(43)))
                        .header("X-Forwarded-For", "198.51.100." + i)
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    for (int i = 0; i < 10; i++) {
      assertThat(get.applyAsInt(i)).isEqualTo(404);
    }
    assertThat(get.applyAsInt(11)).as("a new forwarded address is no new allowance").isEqualTo(429);
  }

  @Test
  void aConfirmationIsLoggedByPersonIdNotAddress(
      org.springframework.boot.test.system.CapturedOutput output) {
    driver.permanentRepresentatives("KAZ", "ARM", "MDA");
    String id = driver.launch("KAZ", 4, "ARM", "MDA");
    driver.designateFocalPoint(driver.time().today(), id, "KAZ");
    long fp = focalPoint(id, "KAZ");
    String link = link(id, openStep(id, Step.SAQ, "KAZ").getId(), "KAZ", fp);
    WebClient web = new WebClient(port);
    assertThat(
            web.post(link, form("_csrf", web.get(link).csrf(), "choice", "SAQ_CLEARED")).status())
        .isEqualTo(200);
    // RevFlow's own lines (the test mail server logs addresses of its own).
    String revflowLog =
        String.join(
            "\n",
            output
                .getAll()
                .lines()
                .filter(l -> l.matches(".*\\bo(rg)?\\.r(evflow)?\\..*"))
                .toList());
    assertThat(revflowLog)
        .contains("SAQ_CLEARED recorded on " + id + " for KAZ by person " + fp)
        .doesNotContain("fp@kaz.example");
  }

  @Test
  void changesAreRequestedOnlyWithAComment() {
    driver.permanentRepresentatives("GTM", "LVA", "CIV");
    String id = driver.launch("GTM", 4, "LVA", "CIV");
    LocalDate t0 = driver.time().today();
    for (String s : List.of("GTM", "LVA", "CIV")) {
      driver.designateFocalPoint(t0, id, s);
    }
    driver.on(t0, id, EventType.SAQ_CLEARED);
    driver.on(t0, id, EventType.FEEDBACK_CLEARED, "LVA");
    driver.on(t0, id, EventType.FEEDBACK_CLEARED, "CIV");
    driver.on(t0, id, EventType.DIALOGUE_CLOSED);
    driver.on(t0, id, EventType.OBSERVATIONS_CLEARED, "LVA");
    driver.on(t0, id, EventType.OBSERVATIONS_CLEARED, "CIV");
    ReviewStep agreement = openStep(id, Step.OBSERVATIONS_AGREEMENT, "GTM");
    String link = link(id, agreement.getId(), "GTM", focalPoint(id, "GTM"));
    WebClient web = new WebClient(port);
    WebClient.Page page = web.get(link);
    assertThat(page.body())
        .contains("value=\"OBSERVATIONS_AGREED\"", "value=\"CHANGES_REQUESTED\"", "<textarea");

    assertThat(
            web.post(
                    link,
                    form("_csrf", page.csrf(), "choice", "CHANGES_REQUESTED", "comment", "  "))
                .status())
        .isEqualTo(400);
    assertThat(web.post(link, form("_csrf", page.csrf(), "choice", "FINALISED")).status())
        .isEqualTo(400);
    assertThat(eventsOf(id, EventType.CHANGES_REQUESTED)).isZero();
    WebClient.Page done =
        web.post(
            link,
            form(
                "_csrf",
                page.csrf(),
                "choice",
                "CHANGES_REQUESTED",
                "comment",
                "Paragraph 4 of the Latvian list needs the 2024 statistics."));
    assertThat(done.status()).isEqualTo(200);
    driver.time().settle();
    assertThat(
            jdbc.queryForObject(
                "SELECT details FROM review_event WHERE review_id = ? AND type = 'CHANGES_REQUESTED'",
                String.class,
                id))
        .contains("Paragraph 4 of the Latvian list");
    assertThat(reviews.openSteps(id)).filteredOn(s -> s.getStep() == Step.OBSERVATIONS).hasSize(2);
  }

  // ---------------------------------------------------------------- helpers

  private String link(String reviewId, long stepId, String state, long personId) {
    return "/act/" + tokens.sign(new ActionTokens.Claims(reviewId, stepId, state, personId));
  }

  private ReviewStep openStep(String id, Step step, String state) {
    return reviews.openSteps(id).stream()
        .filter(s -> s.getStep() == step && java.util.Objects.equals(state, s.getStateCode()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open " + step + " for " + state));
  }

  private long focalPoint(String id, String state) {
    return registry.designatedFocalPoint(id, state, driver.time().now()).orElseThrow().id();
  }

  private long focalPointOrPr(String id, String state) {
    return registry
        .designatedFocalPoint(id, state, driver.time().now())
        .or(() -> registry.permanentRepresentative(state, driver.time().now()))
        .orElseThrow()
        .id();
  }

  private int eventsOf(String id, EventType type) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM review_event WHERE review_id = ? AND type = ?",
        Integer.class,
        id,
        type.name());
  }

  private static String flip(String s, int i) {
    char c = s.charAt(i);
    return s.substring(0, i) + (c == 'A' ? 'B' : 'A') + s.substring(i + 1);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
