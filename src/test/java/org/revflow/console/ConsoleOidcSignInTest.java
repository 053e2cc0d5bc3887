package org.revflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.TestOidcProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OpenID Connect sign-in to the pages against a real provider (NAV's mock-oauth2-server, on
 * loopback): the authorization code flow with PKCE, the role SECRETARIAT read from the token's
 * claims as for the API, a session in the database, and the page for a user without the role.
 */
@RevFlowTest
class ConsoleOidcSignInTest {

  @LocalServerPort int port;
  @Autowired TestOidcProvider provider;
  @Autowired JdbcTemplate jdbc;

  /**
   * The browser's trip: RevFlow's start, the provider's authorization endpoint, back to RevFlow
   * with a code.
   */
  private ConsoleClient.Response signInWithTheProvider(ConsoleClient browser) {
    String login = browser.get("/console/login").body();
    assertThat(login)
        .contains("href=\"/console/oauth2/authorization/revflow\"", "the test provider");

    ConsoleClient.Response start = browser.get("/console/oauth2/authorization/revflow");
    assertThat(start.status()).isEqualTo(302);
    URI authorize = URI.create(start.location());
    assertThat(start.location()).startsWith(provider.issuerUri() + "/authorize");
    assertThat(authorize.getQuery())
        .contains(
            "response_type=code",
            "client_id=" + TestOidcProvider.CLIENT_ID,
            "scope=openid",
            "code_challenge_method=S256",
            "code_challenge=",
            "state=",
            "nonce=");

    ConsoleClient.Response provided = browser.get(start.location());
    assertThat(provided.status()).isEqualTo(302);
    assertThat(provided.location())
        .startsWith("http://localhost:" + port + "/console/login/oauth2/code/revflow?");
    return browser.get(provided.location());
  }

  @Test
  void anOfficerWithTheRoleSignsInWithTheProviderAndGetsASession() {
    provider.nextSignIn("amina.officer", List.of("SECRETARIAT"));
    ConsoleClient browser = new ConsoleClient(port);
    ConsoleClient.Response back = signInWithTheProvider(browser);
    assertThat(back.status()).isEqualTo(302);
    assertThat(back.location()).endsWith("/console/");

    ConsoleClient.Response dashboard = browser.follow(back);
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains("<h1>Dashboard</h1>", "Signed in as amina.officer");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM CONSOLE_SESSION WHERE PRINCIPAL_NAME = 'amina.officer'",
                Integer.class))
        .isEqualTo(1);

    // Signing out ends the session here (and, where the provider offers it, there).
    ConsoleClient.Response out = browser.post("/console/logout", Map.of());
    assertThat(out.status()).isEqualTo(302);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM CONSOLE_SESSION WHERE PRINCIPAL_NAME = 'amina.officer'",
                Integer.class))
        .isZero();
    assertThat(browser.get("/console/").status()).isEqualTo(302);
  }

  @Test
  void aUserWithoutTheRoleIsSignedInButSeesThePageThatSaysSo() {
    provider.nextSignIn("oleg.auditor", List.of("READER"));
    ConsoleClient browser = new ConsoleClient(port);
    ConsoleClient.Response back = signInWithTheProvider(browser);
    assertThat(back.status()).isEqualTo(302);

    ConsoleClient.Response denied = browser.get("/console/reviews");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body())
        .contains(
            "You do not have access to these pages", "signed in as oleg.auditor", "SECRETARIAT");
  }

  @Test
  void aForgedAnswerFromTheProviderSignsNobodyIn() {
    ConsoleClient browser = new ConsoleClient(port);
    browser.get("/console/oauth2/authorization/revflow");
    // A code and state the provider never gave to this browser.
    ConsoleClient.Response forged =
        browser.get("/console/login/oauth2/code/revflow?code=made-up&state=made-up");
    assertThat(forged.status()).isEqualTo(302);
    assertThat(forged.location()).contains("/console/login?oidc-error");
    assertThat(browser.follow(forged).body()).doesNotContain("Signed in as");
    assertThat(browser.get("/console/").status()).isEqualTo(302);
  }
}
