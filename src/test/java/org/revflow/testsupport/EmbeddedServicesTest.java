package org.revflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The services of the tests and the local run listen on the loopback interface only (nobody else on
 * the network reaches a developer's engine, database or mail), and the database takes no login
 * without its user's password.
 */
@IntegrationTest
class EmbeddedServicesTest {

  /** Local addresses (hex, as the kernel lists them) of the sockets listening on {@code port}. */
  private static List<String> listening(int port) throws Exception {
    List<String> out = new ArrayList<>();
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
        String[] f = line.strip().split("\\s+");
        String[] local = f[1].split(":");
        if (local[1].equals(hexPort) && f[3].equals("0A")) { // 0A: LISTEN
          out.add(local[0]);
        }
      }
    }
    return out;
  }

  private static boolean loopback(String hex) {
    return hex.endsWith("7F") && hex.length() == 8 // 127.x.x.x, little-endian
        || hex.equals("00000000000000000000000001000000") // ::1
        || hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"); // ::ffff:127.x.x.x
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void engineDatabaseAndSmtpListenOnLoopbackOnly() throws Exception {
    EmbeddedServices services = EmbeddedServices.get();
    Map<String, Integer> ports =
        new java.util.LinkedHashMap<>(
            Map.of("engine gRPC", services.enginePort(), "SMTP", services.smtpPort()));
    if (System.getenv("REVFLOW_TEST_DB_URL") == null) {
      ports.put(
          "database",
          Integer.parseInt(services.jdbcUrl().replaceFirst(".*//[^:/]+:(\\d+)/.*", "$1")));
    }
    for (Map.Entry<String, Integer> service : ports.entrySet()) {
      List<String> addresses = listening(service.getValue());
      assertThat(addresses)
          .as(service.getKey() + " on port " + service.getValue())
          .isNotEmpty()
          .allSatisfy(
              a -> assertThat(loopback(a)).as(service.getKey() + " listens on " + a).isTrue());
    }
  }

  @Test
  @org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(
      named = "REVFLOW_TEST_DB_URL",
      matches = ".+",
      disabledReason = "an external test database has its own logins")
  void theDatabaseTakesNoLoginWithoutItsUsersPassword() throws Exception {
    EmbeddedServices services = EmbeddedServices.get();
    Map<String, Object> p = services.springProperties();
    String url = (String) p.get("spring.datasource.url");
    String user = (String) p.get("spring.datasource.username");
    String password = (String) p.get("spring.datasource.password");
    assertThat(password).isNotBlank();
    for (String[] login :
        List.of(
            new String[] {"root", ""},
            new String[] {user, ""},
            new String[] {"", ""},
            new String[] {user, password + "x"})) {
      assertThatThrownBy(() -> DriverManager.getConnection(url, login[0], login[1]).close())
          .as(login[0] + " with a wrong or no password")
          .isInstanceOf(SQLException.class);
    }
    try (var c = DriverManager.getConnection(url, user, password)) {
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
