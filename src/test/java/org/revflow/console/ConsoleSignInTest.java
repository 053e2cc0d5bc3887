package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in to the pages with the form, and what a session is: a cookie for /console only,
 * HttpOnly, SameSite=Lax, a row in the database; the role SECRETARIAT; signing out; and the API
 * staying stateless.
 */
@RevFlowTest
class ConsoleSignInTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.revflow.testsupport.Throttles throttle;

  private ConsoleClient browser;

  @BeforeEach
  void newBrowser() {
    browser = new ConsoleClient(port);
    throttle.forgetFailures();
  }

  @Test
  void aVisitorIsSentToTheSignInPageAndTheRootLeadsToThePages() {
    ConsoleClient.Response root = browser.get("/");
    assertThat(root.status()).isEqualTo(302);
    assertThat(root.location()).endsWith("/console/");
    ConsoleClient.Response dashboard = browser.get("/console/");
    assertThat(dashboard.status()).isEqualTo(302);
    assertThat(dashboard.location()).endsWith("/console/login");
    ConsoleClient.Response login = browser.follow(dashboard);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body())
        .contains("<label for=\"username\"", "<label for=\"password\"", "name=\"_csrf\"");
  }

  @Test
  void theSecretariatSignsInGetsASessionCookieForThePagesOnlyAndSignsOut() {
    ConsoleClient.Response signedIn =
        browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/console/");
    String cookie =
        signedIn.setCookies().stream()
            .filter(c -> c.startsWith("REVFLOW_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("Path=/console", "HttpOnly", "SameSite=Lax");
    // Plain HTTP here: Secure follows the request's scheme (TLS, or X-Forwarded-Proto from a
    // trusted proxy).
    assertThat(cookie).doesNotContain("Secure");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM CONSOLE_SESSION WHERE PRINCIPAL_NAME = ?",
                Integer.class,
                TestUsers.SECRETARIAT))
        .isPositive();

    ConsoleClient.Response dashboard = browser.follow(signedIn);
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains("<h1>Dashboard</h1>", "Signed in as secretariat");
    assertThat(dashboard.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'self'");

    ConsoleClient.Response out = browser.post("/console/logout", Map.of());
    assertThat(out.status()).isEqualTo(302);
    assertThat(out.location()).contains("/console/login?signed-out");
    assertThat(browser.follow(out).body()).contains("You are signed out.");
    assertThat(browser.get("/console/").status()).isEqualTo(302);
  }

  @Test
  void aWrongPasswordIsSaidOnTheSignInPage() {
    ConsoleClient.Response wrong = browser.signIn(TestUsers.SECRETARIAT, "not-the-password");
    assertThat(wrong.status()).isEqualTo(302);
    assertThat(wrong.location()).contains("/console/login?error");
    assertThat(browser.follow(wrong).body()).contains("The user name or password is wrong.");
    assertThat(browser.get("/console/").status()).isEqualTo(302);
  }

  @Test
  void aUserWithoutTheRoleGetsAPageThatSaysSo() {
    ConsoleClient.Response signedIn = browser.signIn(TestUsers.READER, TestUsers.READER_PASSWORD);
    assertThat(signedIn.status()).isEqualTo(302);
    ConsoleClient.Response denied = browser.get("/console/reviews");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body())
        .contains(
            "You do not have access to these pages",
            "signed in as reader",
            "SECRETARIAT",
            "id=\"sign-out\"");
  }

  @Test
  void tenFailedSignInsForOneNameStopTheFormRightPasswordOrNot() {
    for (int i = 0; i < 10; i++) {
      assertThat(browser.signIn(TestUsers.SECRETARIAT, "wrong-" + i).location()).contains("?error");
    }
    ConsoleClient.Response blocked =
        browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
    assertThat(blocked.location()).contains("/console/login?throttled");
    assertThat(browser.follow(blocked).body()).contains("Too many failed sign-ins");
    assertThat(browser.get("/console/").status()).isEqualTo(302);
  }

  @Test
  void theApiStaysStatelessBesideThePages() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/reviews?size=1"))
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            (TestUsers.SECRETARIAT + ":" + TestUsers.SECRETARIAT_PASSWORD)
                                .getBytes()))
            .build();
    var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    // A signed-in page session does not open the API: the session cookie is not even sent there.
    browser.signIn(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
    assertThat(browser.get("/api/reviews").status()).isEqualTo(401);
  }
}
