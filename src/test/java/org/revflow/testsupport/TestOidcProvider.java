package org.revflow.testsupport;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * An OpenID Connect provider with an authorization endpoint, for the pages' sign-in (authorization
 * code flow): NAV's mock-oauth2-server from Maven Central, on loopback, started once per JVM by
 * {@link EmbeddedServicesInitializer}. It signs in whoever comes without asking; {@link
 * #nextSignIn} says who that is and with which roles.
 */
public final class TestOidcProvider {

  /** The provider's issuer id (its path) and RevFlow's client there. */
  public static final String ISSUER_ID = "revflow-pages";

  public static final String CLIENT_ID = "revflow-pages";
  public static final String CLIENT_SECRET = generated();

  private final MockOAuth2Server server = new MockOAuth2Server();

  TestOidcProvider() {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  public String issuerUri() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** The next sign-in is {@code username}'s, with these roles (in the claim {@code roles}). */
  public void nextSignIn(String username, List<String> roles) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID,
            "sub-" + username,
            "JWT",
            List.of(CLIENT_ID),
            Map.of("preferred_username", username, "roles", roles),
            3600));
  }

  Map<String, Object> springProperties() {
    return Map.of(
        "revflow.security.pages.oidc.issuer-uri",
        issuerUri(),
        "revflow.security.pages.oidc.client-id",
        CLIENT_ID,
        "revflow.security.pages.oidc.client-secret",
        CLIENT_SECRET,
        "revflow.security.pages.oidc.name",
        "the test provider");
  }

  void stop() {
    server.shutdown();
  }

  private static String generated() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
