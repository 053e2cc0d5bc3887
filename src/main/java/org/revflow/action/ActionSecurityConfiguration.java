package org.revflow.action;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.Language;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The action pages' own filter chain, ahead of the API's: no login (the token is the credential),
 * CSRF protection on the confirming POST, and headers that keep the token from leaking (no
 * referrer, no framing, nothing loaded from elsewhere).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ActionSecurityConfiguration {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain actionPagesFilterChain(
      HttpSecurity http, ActionPages pages, ActionService actions, RevFlowProperties properties)
      throws Exception {
    http.securityMatcher("/act/**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        // Replicas share nothing (deploy/kubernetes), so the CSRF token cannot live in a session
        // the
        // next request may not find: it is a cookie for /act only, compared with the form's copy.
        .csrf(
            c ->
                c.csrfTokenRepository(csrfCookie())
                    .csrfTokenRequestHandler(new GarbleTolerantCsrfHandler()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .headers(
            h ->
                h.referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .contentSecurityPolicy(
                        c ->
                            c.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")))
        .exceptionHandling(
            e ->
                e.accessDeniedHandler(
                    (request, response, denied) -> {
                      // A missing or wrong CSRF token: the form did not come from our page (or the
                      // session ended).
                      response.setStatus(403);
                      response.setContentType("text/html;charset=UTF-8");
                      String path = request.getRequestURI();
                      String token = path.substring(path.lastIndexOf('/') + 1);
                      Language lang = actions.languageOf(token);
                      response
                          .getOutputStream()
                          .write(
                              pages
                                  .forbidden(lang, properties.secretariatEmail())
                                  .getBytes(StandardCharsets.UTF_8));
                    }));
    return http.build();
  }

  /**
   * Spring Security's default (BREACH-masked) handler throws on a submitted value that does not
   * unmask to UTF-8, which would answer a tampered form with 500; such a value is simply wrong:
   * 403.
   */
  static final class GarbleTolerantCsrfHandler implements CsrfTokenRequestHandler {
    private final XorCsrfTokenRequestAttributeHandler delegate =
        new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(
        HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
      delegate.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
      try {
        return delegate.resolveCsrfTokenValue(request, csrfToken);
      } catch (IllegalArgumentException garbled) {
        return null;
      }
    }
  }

  private static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
    repository.setCookieName("REVFLOW-ACT-CSRF");
    repository.setCookiePath("/act");
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    return repository;
  }
}
