package org.revflow.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The secretariat's pages ({@code /console/**}): their own filter chain, ahead of the API's, which
 * stays stateless. A session (kept in the database, so any replica serves it) after a sign-in with
 * the form (the configured users) or with OpenID Connect (authorization code, when configured); the
 * role SECRETARIAT as for the API; CSRF tokens on every form; a page, not a problem body, for every
 * refusal. The pages themselves live in the {@code console} package; this class knows their paths
 * only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PageSignInProperties.class)
class PageSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PageSecurityConfiguration.class);

  static final String LOGIN = "/console/login";
  static final String DENIED = "/console/denied";

  @Bean
  OidcSignIn oidcSignIn(PageSignInProperties pages, ApiSecurityProperties api) {
    return new OidcSignIn(
        pages.oidc(), new JwtRoles(api.rolesClaim(), api.usernameClaim()), api.usernameClaim());
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 20)
  SecurityFilterChain revflowPages(
      HttpSecurity http,
      OidcSignIn oidc,
      SignInThrottle throttle,
      ObjectProvider<org.revflow.config.RevFlowProperties> revflow)
      throws Exception {
    String formAction =
        "'self'" + (oidc.enabled() ? " " + origin(URI.create(oidc.issuerUri())) : "");
    http.securityMatcher("/", "/console", "/console/**")
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll()
                    .requestMatchers("/", LOGIN, "/console/assets/**", "/console/webjars/**")
                    .permitAll()
                    .anyRequest()
                    .hasRole(ApiSecurityProperties.SECRETARIAT))
        .formLogin(
            f ->
                f.loginPage(LOGIN)
                    .loginProcessingUrl(LOGIN)
                    .defaultSuccessUrl("/console/", false)
                    .failureHandler(new CountedFailure(throttle)))
        .addFilterBefore(new FormThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
        .logout(
            l ->
                l.logoutUrl("/console/logout")
                    .logoutSuccessHandler(
                        oidc.enabled()
                            ? oidc.logoutSuccessHandler("{baseUrl}" + LOGIN + "?signed-out")
                            : loggedOut()))
        // Where a signed-out user was going is remembered in a cookie, not in a session row per
        // visitor.
        .requestCache(r -> r.requestCache(new CookieRequestCache()))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new SignInFirst()).accessDeniedHandler(new Denied()))
        .headers(
            h ->
                h.frameOptions(f -> f.sameOrigin())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .contentSecurityPolicy(
                        c ->
                            c.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self';"
                                    + " img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none';"
                                    + " frame-ancestors 'self'; form-action "
                                    + formAction)));
    if (oidc.enabled()) {
      http.oauth2Login(
          o ->
              o.loginPage(LOGIN)
                  .clientRegistrationRepository(oidc.registrations())
                  // The provider's tokens are needed for the sign-in only: none is kept, in memory
                  // or in the session.
                  .authorizedClientRepository(oidc.noAuthorizedClients())
                  .authorizationEndpoint(a -> a.baseUri("/console/oauth2/authorization"))
                  .redirectionEndpoint(r -> r.baseUri("/console/login/oauth2/code/*"))
                  .userInfoEndpoint(u -> u.oidcUserService(oidc.userService()))
                  // As the form: where the user was going, else the dashboard (not "/", outside the
                  // pages' cookie path).
                  .defaultSuccessUrl("/console/", false)
                  .failureHandler(
                      (request, response, failure) -> {
                        log.warn("OpenID Connect sign-in failed: {}", failure.getMessage());
                        response.sendRedirect(request.getContextPath() + LOGIN + "?oidc-error");
                      }));
    }
    announce(oidc);
    return http.build();
  }

  private static void announce(OidcSignIn oidc) {
    log.info(
        "Secretariat pages at /console: sign-in with the configured users{}",
        oidc.enabled()
            ? " and with OpenID Connect (" + oidc.issuerUri() + ", client " + oidc.clientId() + ")"
            : "");
  }

  private static SimpleUrlLogoutSuccessHandler loggedOut() {
    SimpleUrlLogoutSuccessHandler h = new SimpleUrlLogoutSuccessHandler();
    h.setDefaultTargetUrl(LOGIN + "?signed-out");
    return h;
  }

  static String origin(URI uri) {
    String o = CrossSiteWrites.origin(uri.getScheme(), uri.getHost(), uri.getPort());
    return o == null ? "" : o;
  }

  /**
   * Not signed in: to the sign-in page. An htmx request (a part of a page being refreshed) is told
   * to load the sign-in page as a whole instead of showing it inside the part.
   */
  static final class SignInFirst extends LoginUrlAuthenticationEntryPoint {
    SignInFirst() {
      super(LOGIN);
    }

    @Override
    public void commence(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.core.AuthenticationException e)
        throws IOException, ServletException {
      if (request.getHeader("HX-Request") != null) {
        response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      super.commence(request, response, e);
    }
  }

  /**
   * A refusal after the sign-in, shown as a page: a form whose CSRF token is missing or wrong
   * (forged, or from an ended session: then the sign-in page says so), or a user without the role.
   */
  static final class Denied implements AccessDeniedHandler {
    @Override
    public void handle(
        HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
        throws IOException, ServletException {
      if (response.isCommitted()) {
        return;
      }
      if (denied instanceof CsrfException
          && request.getRequestedSessionId() != null
          && !request.isRequestedSessionIdValid()) {
        // The form came from a session that has ended: nothing was done; sign in again.
        response.sendRedirect(request.getContextPath() + LOGIN + "?expired");
        return;
      }
      request.setAttribute("revflow.denied", denied instanceof CsrfException ? "csrf" : "role");
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      request.getRequestDispatcher(DENIED).forward(request, response);
    }
  }

  /** Failed form sign-ins count against the same limits as failed HTTP Basic ones. */
  static final class CountedFailure extends SimpleUrlAuthenticationFailureHandler {
    private final SignInThrottle throttle;

    CountedFailure(SignInThrottle throttle) {
      super(LOGIN + "?error");
      this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(
        HttpServletRequest request,
        HttpServletResponse response,
        org.springframework.security.core.AuthenticationException e)
        throws IOException, ServletException {
      throttle.failed(request.getParameter("username"), request.getRemoteAddr());
      super.onAuthenticationFailure(request, response, e);
    }
  }

  /**
   * Past the limit, the form is not even tried, right password or not, until the failures age out.
   */
  static final class FormThrottle extends OncePerRequestFilter {
    private final SignInThrottle throttle;

    FormThrottle(SignInThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !LOGIN.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
        response.setHeader("Retry-After", String.valueOf(throttle.retryAfterSeconds()));
        response.sendRedirect(request.getContextPath() + LOGIN + "?throttled");
        return;
      }
      chain.doFilter(request, response);
    }
  }

  static OidcClientInitiatedLogoutSuccessHandler providerLogout(
      org.springframework.security.oauth2.client.registration.ClientRegistrationRepository
          registrations,
      String after) {
    OidcClientInitiatedLogoutSuccessHandler h =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    h.setPostLogoutRedirectUri(after);
    h.setDefaultTargetUrl(LOGIN + "?signed-out");
    return h;
  }
}
