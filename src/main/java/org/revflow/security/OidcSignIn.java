package org.revflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * OpenID Connect sign-in to the pages, when an issuer and a client id are configured. The
 * provider's discovery document is read on first use, not at start, so that RevFlow (its API, its
 * workers) starts while the provider is away; a failed read is tried again after half a minute. The
 * user's roles and name come from the same claims as the API's tokens ({@link JwtRoles}), read from
 * the ID token and the user-info answer together.
 */
public final class OidcSignIn {

  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

  /**
   * The one registration: its id appears in the paths /console/oauth2/authorization/revflow and the
   * redirect URI.
   */
  public static final String REGISTRATION = "revflow";

  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final PageSignInProperties.Oidc settings;
  private final JwtRoles roles;
  private final String usernameClaim;
  private volatile ClientRegistration registration;
  private volatile Instant lastFailure;

  OidcSignIn(PageSignInProperties.Oidc settings, JwtRoles roles, String usernameClaim) {
    this.settings = settings;
    this.roles = roles;
    this.usernameClaim = usernameClaim;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** What the sign-in button calls the provider. */
  public String providerName() {
    return settings.name();
  }

  String issuerUri() {
    return settings.issuerUri();
  }

  String clientId() {
    return settings.clientId();
  }

  /** Whether the provider can be used now: configured, and its discovery document read. */
  public boolean available() {
    return enabled() && registration() != null;
  }

  /** Where the sign-in with the provider starts. */
  public String startPath() {
    return "/console/oauth2/authorization/" + REGISTRATION;
  }

  ClientRegistrationRepository registrations() {
    return id -> REGISTRATION.equals(id) ? registration() : null;
  }

  private ClientRegistration registration() {
    ClientRegistration r = registration;
    if (r != null || !enabled()) {
      return r;
    }
    synchronized (this) {
      if (registration != null) {
        return registration;
      }
      if (lastFailure != null && Instant.now().isBefore(lastFailure.plus(RETRY_AFTER))) {
        return null;
      }
      try {
        ClientRegistration.Builder b =
            ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .userNameAttributeName("sub")
                // PKCE as well as the client secret: an intercepted code is worth nothing alone.
                .clientSettings(
                    ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (settings.clientSecret() == null) {
          b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
          b.clientSecret(settings.clientSecret());
        }
        registration = b.build();
        log.info("OpenID Connect sign-in to the pages: provider {} read", settings.issuerUri());
        return registration;
      } catch (RuntimeException e) {
        lastFailure = Instant.now();
        log.warn(
            "OpenID Connect sign-in to the pages is unavailable: the provider {} could not be read ({});"
                + " tried again in {} s",
            settings.issuerUri(),
            e.getMessage(),
            RETRY_AFTER.toSeconds());
        return null;
      }
    }
  }

  /**
   * The signed-in user: roles and name from the configured claims, as for the API's bearer tokens.
   */
  OAuth2UserService<OidcUserRequest, OidcUser> userService() {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      List<GrantedAuthority> authorities = roles.authorities(user.getClaims());
      Object name = user.getClaims().get(usernameClaim);
      String nameKey = name instanceof String s && !s.isBlank() ? usernameClaim : "sub";
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
    };
  }

  /** Keeps none of the provider's tokens: they serve the sign-in only. */
  OAuth2AuthorizedClientRepository noAuthorizedClients() {
    return new OAuth2AuthorizedClientRepository() {
      @Override
      public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
          String id, Authentication principal, HttpServletRequest request) {
        return null;
      }

      @Override
      public void saveAuthorizedClient(
          OAuth2AuthorizedClient client,
          Authentication principal,
          HttpServletRequest request,
          HttpServletResponse response) {
        // not kept
      }

      @Override
      public void removeAuthorizedClient(
          String id,
          Authentication principal,
          HttpServletRequest request,
          HttpServletResponse response) {
        // nothing kept
      }
    };
  }

  /**
   * After signing out of the pages, out of the provider too when it offers that (RP-initiated
   * logout).
   */
  LogoutSuccessHandler logoutSuccessHandler(String after) {
    return PageSecurityConfiguration.providerLogout(registrations(), after);
  }
}
