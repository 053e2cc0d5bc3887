package org.revflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.process.ProcessConstants;
import org.revflow.testsupport.EmbeddedServices;
import org.revflow.testsupport.IntegrationTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.SimulatedTime;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database connection lost, then back: RevFlow reaches its database through a proxy that cuts
 * every connection. First while notices are in the SMTP exchange (the server accepts them, the
 * record of the send cannot be written), then while notice jobs start (nothing can be read). Each
 * job fails and is retried; every notice reaches the SMTP server exactly once. Runs on its own
 * engine, database and SMTP server, so the cut touches no other test.
 */
@IntegrationTest
class DatabaseConnectionLossFaultTest {

  @Test
  void connectionCutDuringSendsAndBeforeThemLosesNothingAndRepeatsNothing() throws Exception {
    EmbeddedServices services =
        EmbeddedServices.isolated(
            "revflow_fault_db_" + UUID.randomUUID().toString().substring(0, 8));
    Matcher m = Pattern.compile("//localhost:(\\d+)/").matcher(services.jdbcUrl());
    assertThat(m.find()).as("database port in %s", services.jdbcUrl()).isTrue();
    int dbPort = Integer.parseInt(m.group(1));
    ConfigurableApplicationContext context = null;
    try (CuttableTcpProxy proxy = new CuttableTcpProxy(dbPort);
        SlowSmtpServer smtp = new SlowSmtpServer(1_500)) {
      String url =
          services
              .jdbcUrl()
              .replace("//localhost:" + dbPort + "/", "//127.0.0.1:" + proxy.port() + "/");
      context =
          IsolatedRevFlow.start(
              services,
              Map.of(
                  "spring.datasource.url",
                  url,
                  "spring.datasource.hikari.connection-timeout",
                  "3000",
                  "spring.mail.port",
                  smtp.port()));
      SimulatedTime time = services.time();
      time.pinAt(LocalDate.of(2027, 3, 1), LocalTime.of(7, 0));
      ReviewDriver driver = context.getBean(ReviewDriver.class);
      NoticeRepository notices = context.getBean(NoticeRepository.class);
      driver.permanentRepresentatives("AUT", "DEU", "KEN");
      String id = driver.launch("AUT", 1, "DEU", "KEN");
      LocalDate t0 = time.today();
      time.walkTo(t0.plusDays(6));
      EngineIncidents engineLog = new EngineIncidents(services.engine());

      // 1. Cut while the three focal-point reminders of T0 + 7 are with the (slow) SMTP server.
      int acceptedBefore = smtp.accepted().size();
      int[] inFlightAtCut = new int[1];
      Thread cutter =
          new Thread(
              () -> {
                long until = System.currentTimeMillis() + 60_000;
                while (smtp.inProgress() == 0 && System.currentTimeMillis() < until) {
                  Thread.onSpinWait();
                }
                proxy.cut();
                inFlightAtCut[0] = smtp.inProgress();
                while (smtp.inProgress() > 0 && System.currentTimeMillis() < until) {
                  sleep(20);
                }
                sleep(4_000); // the workers try to record the sends and fail their jobs while the
                // database is away
                proxy.restore();
              },
              "db-cutter");
      cutter.start();
      time.advanceTo(t0.plusDays(7), LocalTime.of(9, 0));
      cutter.join(90_000);
      int failuresDuringSends = engineLog.failures(ProcessConstants.JOB_NOTICE);
      time.walkTo(t0.plusDays(8));

      // 2. Cut before the interim notices of T0 + 15 start: their jobs cannot even read the
      // registry.
      time.walkTo(t0.plusDays(15), LocalTime.of(8, 0));
      proxy.cut();
      time.advanceTo(t0.plusDays(15), LocalTime.of(9, 0));
      Thread.sleep(5_000);
      proxy.restore();
      time.walkTo(t0.plusDays(16));
      int failures = engineLog.failures(ProcessConstants.JOB_NOTICE);

      List<Notice> rows = notices.findByReviewIdOrderById(id);
      Map<String, Set<String>> accepted = smtp.byNotice(id);
      int duplicates = DeliveredMail.duplicates(accepted);
      NoticeJobInvariant.Result invariant =
          NoticeJobInvariant.check(
              engineLog, context.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
      FaultReport.figure(
          "database connection lost",
          "cut with "
              + inFlightAtCut[0]
              + " sends in the SMTP exchange, then "
              + "before the interim notices: "
              + failures
              + " notice job failures ("
              + failuresDuringSends
              + " during the sends), all retried; "
              + rows.size()
              + " notices, "
              + (smtp.accepted().size() - acceptedBefore)
              + " emails accepted since the first cut, "
              + duplicates
              + " duplicates, "
              + rows.stream().filter(n -> n.getStatus() != Notice.Status.SENT).count()
              + " not sent; "
              + invariant.line());

      assertThat(inFlightAtCut[0]).as("sends in flight when the connection was cut").isPositive();
      assertThat(failuresDuringSends)
          .as("the jobs whose record could not be written failed")
          .isPositive();
      assertThat(failures).isGreaterThan(failuresDuringSends);
      assertThat(rows).filteredOn(n -> n.getKind() == NoticeKind.FOCAL_POINT_REMINDER).hasSize(3);
      assertThat(rows)
          .filteredOn(n -> n.getKind() == NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE)
          .hasSize(3);
      assertThat(rows).allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notice.Status.SENT));
      assertThat(accepted.keySet())
          .containsExactlyInAnyOrderElementsOf(rows.stream().map(Notice::getDedupKey).toList());
      assertThat(duplicates).isZero();
      assertThat(engineLog.open()).as("no incident").isEmpty();
      assertThat(invariant.completedJobs()).isPositive();
      assertThat(invariant.violations()).isEmpty();
    } finally {
      if (context != null) {
        context.close();
      }
      services.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
