package org.revflow.local;

import java.util.Map;
import org.revflow.RevFlowApplication;
import org.revflow.testsupport.EmbeddedServices;
import org.revflow.testsupport.EmbeddedServicesInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.env.Environment;

/**
 * Command 1 of the README: {@code ./mvnw spring-boot:test-run}. Starts RevFlow with the embedded
 * engine, database and SMTP server on fixed local ports (each overridable with a {@code
 * --revflow.embedded.*-port=} argument). Lives in {@code src/local}, on the test class path only,
 * because the in-memory engine may not ship in the production jar.
 */
public final class LocalRevFlow {

  private static final Logger log = LoggerFactory.getLogger(LocalRevFlow.class);

  private LocalRevFlow() {}

  private static void announce(ApplicationReadyEvent ready) {
    Environment env = ready.getApplicationContext().getEnvironment();
    EmbeddedServices services = ready.getApplicationContext().getBean(EmbeddedServices.class);
    String base = "http://127.0.0.1:" + env.getProperty("local.server.port", "8080");
    log.info(
        """

        ==================== RevFlow local run ====================
          Secretariat pages   {}/console/   (open this first)
          Sign in             {}   (the pages' form and HTTP Basic; generated at each start unless configured)
          API                 {}/api   (OpenAPI: {}/swagger-ui.html)
          Try                 curl -u {} {}/api/reviews
          Captured mail       {}/local/mail.html  (JSON: {}/local/mail)
          Health              {}/actuator/health
          Zeebe (in memory)   grpc://127.0.0.1:{}   (deployed models from bpmn/)
          MariaDB (embedded)  {}   (user {}, password {})
          SMTP (embedded)     127.0.0.1:{}
          Everything listens on 127.0.0.1 only.
          Data lives only as long as this process. Stop with Ctrl+C.
        ===========================================================""",
        base,
        credentials(env),
        base,
        base,
        credentials(env),
        base,
        base,
        base,
        base,
        services.enginePort(),
        services.jdbcUrl(),
        env.getProperty("spring.datasource.username"),
        env.getProperty("spring.datasource.password"),
        services.smtpPort());
  }

  /**
   * The first configured user as user:password, or what was configured instead of the generated
   * one.
   */
  private static String credentials(Environment env) {
    String name = env.getProperty("revflow.security.users[0].name", "(no user configured)");
    String password = env.getProperty("revflow.security.users[0].password", "");
    return name
        + ":"
        + (password.startsWith("{noop}") ? password.substring(6) : "(the password you configured)");
  }

  /**
   * The local run's settings (each overridable on the command line). The web port listens on the
   * loopback interface, like the embedded engine, database and SMTP server: the local run's login
   * is printed in its banner and its data is demo data, for this machine only.
   */
  static Map<String, Object> defaults() {
    return Map.of(
        "server.address",
        "127.0.0.1",
        "revflow.embedded.engine-port",
        26500,
        "revflow.embedded.smtp-port",
        2525,
        "revflow.embedded.database-port",
        3307,
        "revflow.local.enabled",
        true,
        "revflow.local.demo-contacts",
        true);
  }

  public static void main(String[] args) {
    int simulated = org.revflow.simulation.SimulationCli.runIfAsked(args);
    if (simulated >= 0) {
      // A simulation runs on services of its own and ends the process with its status.
      System.exit(simulated);
    }
    SpringApplication app = new SpringApplication(RevFlowApplication.class);
    app.setDefaultProperties(defaults());
    app.addInitializers(new EmbeddedServicesInitializer());
    app.addListeners((ApplicationReadyEvent ready) -> announce(ready));
    app.run(args);
  }
}
