package org.revflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.simulation.PreviewService;
import org.revflow.testsupport.EmbeddedServices;
import org.revflow.testsupport.IntegrationTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.SimulatedTime;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application restart in the middle of a review: the application context is closed and a new one
 * started on the same engine, database and SMTP server (a deployment, a crash and restart). The new
 * instance sends exactly the notices the old one had planned, on their dates, and nothing twice.
 */
@IntegrationTest
class RestartMidReviewFaultTest {

  private static final int DAYS_AFTER_RESTART = 60;

  @Test
  void aNewContextOnTheSameEngineContinuesTheReviewOnTime() {
    EmbeddedServices services =
        EmbeddedServices.isolated(
            "revflow_fault_restart_" + UUID.randomUUID().toString().substring(0, 8));
    ConfigurableApplicationContext before = null;
    ConfigurableApplicationContext after = null;
    try {
      before = IsolatedRevFlow.start(services, Map.of());
      SimulatedTime time = services.time();
      time.pinAt(LocalDate.of(2027, 3, 1), LocalTime.of(7, 0));
      ReviewDriver driver = before.getBean(ReviewDriver.class);
      driver.permanentRepresentatives("AUT", "DEU", "KEN");
      String id = driver.launch("AUT", 1, "DEU", "KEN");
      LocalDate t0 = time.today();
      driver.designateFocalPoint(t0.plusDays(3), id, "AUT");
      driver.time().walkTo(t0.plusDays(10));
      LocalDate restartDay = time.today();
      List<String> planned = new ArrayList<>();
      for (PreviewService.PlannedNotice p :
          before.getBean(PreviewService.class).preview(id, DAYS_AFTER_RESTART)) {
        p.to()
            .forEach(
                to ->
                    planned.add(
                        p.on() + " " + p.kind() + " " + p.step() + " " + p.state() + " -> " + to));
      }
      int sentBefore = before.getBean(NoticeRepository.class).findByReviewIdOrderById(id).size();
      before.close();
      before = null;

      // Engine records from here on: the jobs the new context completes.
      EngineIncidents engineLog = new EngineIncidents(services.engine());
      after = IsolatedRevFlow.start(services, Map.of());
      ReviewDriver driver2 = after.getBean(ReviewDriver.class);
      driver2.time().walkTo(restartDay.plusDays(DAYS_AFTER_RESTART));
      List<Notice> rows = after.getBean(NoticeRepository.class).findByReviewIdOrderById(id);
      List<String> sentAfter =
          rows.stream()
              .filter(n -> n.getSentOn() != null && n.getSentOn().isAfter(restartDay))
              .map(
                  n ->
                      n.getSentOn()
                          + " "
                          + n.getKind()
                          + " "
                          + n.getStep()
                          + " "
                          + n.getStateCode()
                          + " -> "
                          + n.getAddresseeEmail())
              .toList();
      Map<String, Set<String>> smtp = DeliveredMail.byNotice(services.greenMail(), id);
      int duplicates = DeliveredMail.duplicates(smtp);
      long missing = planned.stream().filter(p -> !sentAfter.contains(p)).count();
      NoticeJobInvariant.Result invariant =
          NoticeJobInvariant.check(
              engineLog, after.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
      FaultReport.figure(
          "application restart",
          sentBefore
              + " notices before the restart on day 10, "
              + sentAfter.size()
              + " in the "
              + DAYS_AFTER_RESTART
              + " days after it by the new context ("
              + planned.size()
              + " planned), "
              + missing
              + " missing, "
              + duplicates
              + " duplicates; "
              + invariant.line());

      assertThat(planned).isNotEmpty();
      assertThat(sentAfter).containsExactlyInAnyOrderElementsOf(planned);
      assertThat(rows).allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT));
      assertThat(smtp.keySet())
          .containsExactlyInAnyOrderElementsOf(rows.stream().map(Notice::getDedupKey).toList());
      assertThat(duplicates).isZero();
      assertThat(invariant.completedJobs()).isPositive();
      assertThat(invariant.violations()).isEmpty();
    } finally {
      if (before != null) {
        before.close();
      }
      if (after != null) {
        after.close();
      }
      services.close();
    }
  }
}
