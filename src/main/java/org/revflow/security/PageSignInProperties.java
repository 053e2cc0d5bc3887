package org.revflow.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the secretariat signs in to the pages (prefix {@code revflow.security.pages}). The configured
 * users of {@link ApiSecurityProperties} sign in with a form; an OpenID Connect provider, when
 * {@code oidc.issuerUri} and {@code oidc.clientId} are both set, with the authorization code flow.
 * Roles and the recorded name come from the same claims as the API's tokens.
 *
 * @param oidc the OpenID Connect client; off while its issuer or client id is empty
 */
@ConfigurationProperties("revflow.security.pages")
public record PageSignInProperties(Oidc oidc) {

  public PageSignInProperties {
    oidc = oidc == null ? new Oidc(null, null, null, null, null) : oidc;
  }

  /**
   * @param issuerUri the provider (its discovery document is read on the first sign-in, not at
   *     start)
   * @param clientId RevFlow's client id at the provider
   * @param clientSecret its secret; empty for a public client, which then relies on PKCE alone
   * @param scopes requested scopes; default openid, profile, email
   * @param name the provider's name on the sign-in button; default "your organisation's account"
   */
  public record Oidc(
      String issuerUri, String clientId, String clientSecret, List<String> scopes, String name) {

    public Oidc {
      issuerUri = blankToNull(issuerUri);
      clientId = blankToNull(clientId);
      clientSecret = blankToNull(clientSecret);
      scopes =
          scopes == null || scopes.isEmpty()
              ? List.of("openid", "profile", "email")
              : List.copyOf(scopes);
      name = blankToNull(name);
    }

    public boolean enabled() {
      return issuerUri != null && clientId != null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
