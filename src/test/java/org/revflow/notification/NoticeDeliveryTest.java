package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RejectingSmtpServer;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.SimulatedTime;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Exactly once per notice and addressee, whatever the workers and the mail server do. */
@RevFlowTest
@org.junit.jupiter.api.extension.ExtendWith(
    org.springframework.boot.test.system.OutputCaptureExtension.class)
class NoticeDeliveryTest {

  @Autowired NoticeService service;
  @Autowired NoticeRepository notices;
  @Autowired GreenMail greenMail;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired SimulatedTime time;
  @Autowired ReviewDriver driver;
  @Autowired org.revflow.registry.RegistryLookups registry;
  @Autowired org.revflow.registry.PersonService people;
  @Autowired org.revflow.registry.DesignationService designations;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  @org.junit.jupiter.api.AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  /** An escalation of the questionnaire of a real review of {@code state}, outside its process. */
  private NoticeJob escalation(String state, String... reviewers) {
    driver.permanentRepresentatives(state);
    driver.permanentRepresentatives(reviewers);
    String reviewId = driver.launch(state, 1, reviewers);
    LocalDate due = time.today().minusDays(40);
    return new NoticeJob(
        reviewId,
        null,
        "ESCALATION@" + due.plusDays(31),
        NoticeKind.ESCALATION,
        Step.SAQ,
        state,
        due,
        0,
        null);
  }

  private List<MimeMessage> received(NoticeJob job) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      String[] h = m.getHeader("X-RevFlow-Notice");
      if (h != null && Arrays.asList(h).contains(job.identity())) {
        out.add(m);
      }
    }
    return out;
  }

  private static long distinctMessageIds(List<MimeMessage> messages) throws Exception {
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : messages) {
      ids.add(m.getMessageID());
    }
    return ids.stream().distinct().count();
  }

  private Notice escalationNotice(NoticeJob job) {
    return notices.findByReviewIdOrderById(job.reviewId()).stream()
        .filter(n -> n.getKind() == NoticeKind.ESCALATION)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void workersRacingOnTheSameJobSendOneEmail() throws Exception {
    NoticeJob job = escalation("ISL", "DNK");
    int workers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return service.deliver(job, 1L);
              }));
    }
    start.countDown();
    int completed = 0;
    for (Future<?> f : results) {
      try {
        f.get(30, TimeUnit.SECONDS);
        completed++;
      } catch (java.util.concurrent.ExecutionException e) {
        // A loser must not complete its job: it fails and retries later.
        assertThat(e.getCause())
            .isInstanceOf(NoticeDeliveryException.class)
            .hasMessageContaining("being sent by another worker");
      }
    }
    pool.shutdown();
    assertThat(completed).isPositive();
    // To and Cc each get a copy of the one message.
    assertThat(distinctMessageIds(received(job))).isEqualTo(1);
    assertThat(notices.findByReviewIdOrderById(job.reviewId()))
        .filteredOn(n -> n.getKind() == NoticeKind.ESCALATION)
        .singleElement()
        .satisfies(n -> assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT));
    // The retried jobs of the losers find the notice sent and do not send it again.
    assertThat(service.deliver(job, 2L)).isEqualTo(new NoticeService.Delivery(0, 1));
    assertThat(distinctMessageIds(received(job))).isEqualTo(1);
  }

  @Test
  void aFailedSendFailsTheDeliveryAndTheRetrySendsOnce() throws Exception {
    NoticeJob job = escalation("LUX", "LIE");
    int port = mailSender.getPort();
    mailSender.setPort(1);
    try {
      assertThatThrownBy(() -> service.deliver(job, 1L))
          .isInstanceOf(NoticeDeliveryException.class)
          .hasMessageContaining(
              "ESCALATION for review " + job.reviewId() + " (LUX) not delivered to pr@lux.example");
    } finally {
      mailSender.setPort(port);
    }
    Notice failed = escalationNotice(job);
    assertThat(failed.getStatus()).isEqualTo(Notice.Status.FAILED);
    assertThat(failed.getFailureReason()).contains("MailSendException");

    assertThat(service.deliver(job, 1L)).isEqualTo(new NoticeService.Delivery(1, 0));
    assertThat(service.deliver(job, 1L)).isEqualTo(new NoticeService.Delivery(0, 1));
    assertThat(distinctMessageIds(received(job))).isEqualTo(1);
    Notice sent = escalationNotice(job);
    assertThat(sent.getStatus()).isEqualTo(Notice.Status.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(sent.getSmtpMessageId()).isNotBlank();
  }

  @Test
  void theMailServerRejectingOneAddresseeFailsOnlyThatNotice() throws Exception {
    driver.permanentRepresentatives("FIN", "EST", "LVA");
    String reviewId = driver.launch("FIN", 1, "EST", "LVA");
    for (String s : List.of("FIN", "EST", "LVA")) {
      driver.designateFocalPoint(time.today(), reviewId, s);
    }
    // "Step done" goes to the acting focal point of every participating State, one email each.
    NoticeJob job =
        new NoticeJob(
            reviewId,
            null,
            "DONE:TEST",
            NoticeKind.STEP_DONE,
            Step.PRELIMINARY_CONSULTATION,
            null,
            null,
            0,
            null);
    String host = mailSender.getHost();
    int port = mailSender.getPort();
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of("fp@est.example"))) {
      mailSender.setHost("127.0.0.1");
      mailSender.setPort(server.port());
      assertThatThrownBy(() -> service.deliver(job, 1L))
          .isInstanceOf(NoticeDeliveryException.class)
          .hasMessageContaining("fp@est.example")
          .hasMessageNotContaining("fp@fin.example")
          .hasMessageNotContaining("fp@lva.example");
      assertThat(server.accepted()).hasSize(2);
      // The retry sends nothing twice: the two delivered stay delivered, the rejected one fails
      // again.
      assertThatThrownBy(() -> service.deliver(job, 1L))
          .isInstanceOf(NoticeDeliveryException.class);
      assertThat(server.accepted()).hasSize(2);
    } finally {
      mailSender.setHost(host);
      mailSender.setPort(port);
    }
    var rows =
        notices.findByReviewIdOrderById(reviewId).stream()
            .filter(n -> "DONE:TEST".equals(n.getNoticeKey()))
            .toList();
    assertThat(rows)
        .extracting(n -> n.getAddresseeEmail() + ":" + n.getStatus())
        .containsExactlyInAnyOrder(
            "fp@fin.example:SENT", "fp@est.example:FAILED", "fp@lva.example:SENT");
    assertThat(rows)
        .filteredOn(n -> n.getStatus() == Notice.Status.FAILED)
        .singleElement()
        .satisfies(n -> assertThat(n.getFailureReason()).contains("550"));
  }

  /**
   * "Step done" to every participating State's acting focal point, with {@code rejected} refused by
   * the server.
   */
  private String stepDoneWithOneRejected(
      String underReview, String reviewer1, String reviewer2, String rejected, NoticeJob[] job) {
    driver.permanentRepresentatives(underReview, reviewer1, reviewer2);
    String reviewId = driver.launch(underReview, 1, reviewer1, reviewer2);
    for (String s : List.of(underReview, reviewer1, reviewer2)) {
      driver.designateFocalPoint(time.today(), reviewId, s);
    }
    job[0] =
        new NoticeJob(
            reviewId,
            null,
            "DONE:RETRY",
            NoticeKind.STEP_DONE,
            Step.PRELIMINARY_CONSULTATION,
            null,
            null,
            0,
            null);
    NoticeJob j = job[0];
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of(rejected))) {
      withServer(
          server,
          () ->
              assertThatThrownBy(() -> service.deliver(j, 1L))
                  .isInstanceOf(NoticeDeliveryException.class));
      assertThat(server.accepted()).hasSize(2);
    }
    return reviewId;
  }

  private void withServer(RejectingSmtpServer server, Runnable run) {
    String host = mailSender.getHost();
    int port = mailSender.getPort();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(server.port());
    try {
      run.run();
    } finally {
      mailSender.setHost(host);
      mailSender.setPort(port);
    }
  }

  private List<String> rows(String reviewId, String noticeKey) {
    return notices.findByReviewIdOrderById(reviewId).stream()
        .filter(n -> noticeKey.equals(n.getNoticeKey()))
        .map(n -> n.getAddresseeEmail() + ":" + n.getStatus())
        .toList();
  }

  private long personId(String email) {
    return registry.personByEmail(email).orElseThrow().id();
  }

  @Test
  void anAddressCorrectedAfterARejectionGetsTheNoticeOnTheRetry() throws Exception {
    NoticeJob[] job = new NoticeJob[1];
    String reviewId = stepDoneWithOneRejected("NZL", "PRT", "URY", "fp@prt.example", job);
    // The secretariat corrects the address the server refused (a 550), then the job comes back.
    people.updatePerson(
        personId("fp@prt.example"),
        new org.revflow.registry.PersonInput(
            "Focal point of PRT", "focal.point@prt.example", "en", null),
        "test");
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of())) {
      withServer(
          server,
          () ->
              assertThat(service.deliver(job[0], 1L)).isEqualTo(new NoticeService.Delivery(1, 2)));
      assertThat(server.accepted()).singleElement().asString().contains("focal.point@prt.example");
      // And once only: the next retry finds everything delivered.
      withServer(
          server,
          () ->
              assertThat(service.deliver(job[0], 1L)).isEqualTo(new NoticeService.Delivery(0, 3)));
      assertThat(server.accepted()).hasSize(1);
    }
    assertThat(rows(reviewId, "DONE:RETRY"))
        .containsExactlyInAnyOrder(
            "fp@nzl.example:SENT",
            "fp@prt.example:SUPERSEDED",
            "fp@ury.example:SENT",
            "focal.point@prt.example:SENT");
    assertThat(notices.findByReviewIdOrderById(reviewId))
        .filteredOn(n -> n.getStatus() == Notice.Status.SUPERSEDED)
        .singleElement()
        .satisfies(n -> assertThat(n.getFailureReason()).contains("address changed"));
    // The secretariat sees it in the notice log, with the reason and the role's State.
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, Object>> log =
        http.getForObject("/api/notices?status=SUPERSEDED", List.class);
    assertThat(log)
        .filteredOn(n -> reviewId.equals(n.get("reviewId")))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("to")).isEqualTo("fp@prt.example");
              assertThat(n.get("roleOf")).isEqualTo("PRT");
              assertThat((String) n.get("failureReason")).contains("focal.point@prt.example");
            });
  }

  @Test
  void aFocalPointReplacedBetweenTriesIsSupersededByTheNewOneAndNoStateIsAdded() throws Exception {
    NoticeJob[] job = new NoticeJob[1];
    String reviewId = stepDoneWithOneRejected("CHL", "SVN", "KOR", "fp@svn.example", job);
    // A new focal point for SVN, and a State that joins the review after the event (replaces KOR).
    designations.designateFocalPoint(
        reviewId,
        "SVN",
        new org.revflow.registry.PersonInput("New FP", "new.fp@svn.example", "fr", null),
        "NV/new",
        time.today(),
        null,
        "test");
    driver.permanentRepresentatives("HRV");
    driver.replaceReviewer(time.today(), reviewId, "KOR", "HRV");
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of())) {
      withServer(
          server,
          () ->
              assertThat(service.deliver(job[0], 1L)).isEqualTo(new NoticeService.Delivery(1, 2)));
      assertThat(server.accepted()).singleElement().asString().contains("new.fp@svn.example");
    }
    assertThat(rows(reviewId, "DONE:RETRY"))
        .containsExactlyInAnyOrder(
            "fp@chl.example:SENT",
            "fp@svn.example:SUPERSEDED",
            "fp@kor.example:SENT",
            "new.fp@svn.example:SENT");
    assertThat(notices.findByReviewIdOrderById(reviewId))
        .filteredOn(n -> n.getStatus() == Notice.Status.SUPERSEDED)
        .singleElement()
        .satisfies(
            n -> assertThat(n.getFailureReason()).contains("no longer", "FOCAL_POINT", "SVN"));
  }

  @Test
  void aRowStillFailingKeepsTheJobFromCompletingEvenWhenItsStateLeftTheReview() throws Exception {
    NoticeJob[] job = new NoticeJob[1];
    String reviewId = stepDoneWithOneRejected("MEX", "NLD", "POL", "fp@pol.example", job);
    // POL leaves the review after the event: today's resolution no longer names it, but its focal
    // point still holds the role the notice was for, and has not got it.
    driver.permanentRepresentatives("SVK");
    driver.replaceReviewer(time.today(), reviewId, "POL", "SVK");
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of("fp@pol.example"))) {
      withServer(
          server,
          () ->
              assertThatThrownBy(() -> service.deliver(job[0], 1L))
                  .isInstanceOf(NoticeDeliveryException.class)
                  .hasMessageContaining("fp@pol.example"));
      assertThat(server.accepted()).isEmpty();
    }
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of())) {
      withServer(
          server,
          () ->
              assertThat(service.deliver(job[0], 1L)).isEqualTo(new NoticeService.Delivery(1, 2)));
      assertThat(server.accepted()).singleElement().asString().contains("fp@pol.example");
    }
    assertThat(rows(reviewId, "DONE:RETRY"))
        .containsExactlyInAnyOrder(
            "fp@mex.example:SENT", "fp@nld.example:SENT", "fp@pol.example:SENT");
  }

  @Test
  void aFailedNoticeIsLoggedByPersonIdAndOnlyTheIncidentNamesTheAddress(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    driver.permanentRepresentatives("GRC", "CYP", "MLT");
    String reviewId = driver.launch("GRC", 1, "CYP", "MLT");
    driver.designateFocalPoint(time.today(), reviewId, "CYP");
    long person = personId("fp@cyp.example");
    io.camunda.client.api.response.ActivatedJob job =
        org.mockito.Mockito.mock(io.camunda.client.api.response.ActivatedJob.class);
    org.mockito.Mockito.when(job.getKey()).thenReturn(777L);
    org.mockito.Mockito.when(job.getRetries()).thenReturn(45);
    NoticeWorker.Input variables =
        new NoticeWorker.Input(
            reviewId,
            null,
            "DONE:LOG",
            NoticeKind.STEP_DONE,
            Step.PRELIMINARY_CONSULTATION,
            null,
            null);
    io.camunda.client.api.worker.JobClient client =
        org.mockito.Mockito.mock(
            io.camunda.client.api.worker.JobClient.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    try (RejectingSmtpServer server = new RejectingSmtpServer(java.util.Set.of("fp@cyp.example"))) {
      withServer(server, () -> new NoticeWorker(service).handle(client, job, variables));
    }
    // Operate's incident (the job's error message) names the address; the log names the person.
    var failCommand =
        org.mockito.Mockito.verify(
            client.newFailCommand(777L).retries(44).retryBackoff(java.time.Duration.ofMinutes(1)));
    failCommand.errorMessage(org.mockito.ArgumentMatchers.contains("fp@cyp.example"));
    // RevFlow's own lines (the test mail servers log addresses of their own).
    String revflowLog =
        String.join(
            "\n",
            output
                .getAll()
                .lines()
                .filter(l -> l.matches(".*\\bo(rg)?\\.r(evflow)?\\..*"))
                .toList());
    assertThat(revflowLog)
        .contains("DONE:LOG failed (44 retries left)", "person " + person)
        .doesNotContain("fp@cyp.example");
  }
}
