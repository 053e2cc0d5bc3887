package org.revflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.revflow.config.RevFlowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Everything but the action pages ({@code /act/**}, which have their own chain, ordered before this
 * one, and work by token): the secretariat API and the actuator need a user with the role
 * SECRETARIAT, except {@code /actuator/health}, which the deployment's probes call without one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class ApiSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

  /** Configured users; an empty manager (no users) makes Spring Boot generate none either. */
  @Bean
  UserDetailsService revflowUsers(
      ApiSecurityProperties properties, ObjectProvider<PlainTextPasswords> plainText) {
    boolean plainTextAllowed = plainText.getIfAvailable() != null;
    List<UserDetails> users = new ArrayList<>();
    for (ApiSecurityProperties.User u : properties.users()) {
      if (u.name() == null || u.name().isBlank()) {
        throw new IllegalStateException("revflow.security.users: a user without a name");
      }
      users.add(
          User.withUsername(u.name().strip())
              .password(PasswordHashes.check(u.name(), u.password(), plainTextAllowed))
              .authorities(
                  u.roles().stream()
                      .map(ApiSecurityProperties.User::authority)
                      .toArray(String[]::new))
              .build());
    }
    return new InMemoryUserDetailsManager(users);
  }

  @Bean
  SecurityProblems securityProblems(
      ObjectMapper json, ApiSecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
    return new SecurityProblems(
        json, !properties.users().isEmpty(), jwtDecoder.getIfUnique() != null);
  }

  @Bean
  SignInThrottle signInThrottle(
      ApiSecurityProperties properties,
      ObjectProvider<java.time.Clock> clock,
      SecurityProblems problems) {
    return new SignInThrottle(
        properties.signInThrottle(), clock.getIfAvailable(java.time.Clock::systemUTC), problems);
  }

  /** The throttle runs inside the API's filter chain only, not as a servlet filter of its own. */
  @Bean
  FilterRegistrationBean<SignInThrottle> signInThrottleNotAServletFilter(SignInThrottle throttle) {
    FilterRegistrationBean<SignInThrottle> registration = new FilterRegistrationBean<>(throttle);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 10)
  SecurityFilterChain revflowApi(
      HttpSecurity http,
      ApiSecurityProperties properties,
      ObjectProvider<JwtDecoder> jwtDecoder,
      SecurityProblems problems,
      SignInThrottle signInThrottle,
      ObjectProvider<RevFlowProperties> revflow,
      Environment environment)
      throws Exception {
    requireAudienceWithIssuer(environment);
    boolean basic = !properties.users().isEmpty();
    boolean bearer = jwtDecoder.getIfUnique() != null;
    announce(properties, basic, bearer);
    RevFlowProperties settings = revflow.getIfAvailable();

    http
        // Neither sessions nor cookies: every request carries its own credentials.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        // CSRF defends cookie sessions: the API has none, and a bearer token or Basic credentials
        // are
        // not sent by a browser on its own, so API clients need no CSRF token. The exception, a
        // browser's remembered Basic login, is covered by CrossSiteWrites below.
        .csrf(c -> c.ignoringRequestMatchers("/api/**"))
        .addFilterBefore(
            new CrossSiteWrites(problems, settings == null ? null : settings.publicBaseUrl()),
            BasicAuthenticationFilter.class)
        .addFilterBefore(signInThrottle, BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    // The API, the rest of the actuator, the OpenAPI description and Swagger UI
                    // alike.
                    .anyRequest()
                    .hasRole(ApiSecurityProperties.SECRETARIAT))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    if (basic) {
      http.httpBasic(b -> b.authenticationEntryPoint(problems));
    } else {
      http.httpBasic(AbstractHttpConfigurer::disable);
    }
    if (bearer) {
      http.oauth2ResourceServer(
          o ->
              o.jwt(
                      j ->
                          j.jwtAuthenticationConverter(
                              new JwtRoles(properties.rolesClaim(), properties.usernameClaim())))
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems));
    }
    return http.build();
  }

  /**
   * The ways to sign in that this installation accepts, so that Swagger UI's "Authorize" offers
   * them and no other. The action pages take no login: {@code ApiReference} marks them so.
   */
  @Bean
  OpenApiCustomizer apiSecuritySchemes(
      ApiSecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
    boolean basic = !properties.users().isEmpty();
    boolean bearer = jwtDecoder.getIfUnique() != null;
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      if (basic) {
        api.getComponents()
            .addSecuritySchemes(
                "basic",
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("basic")
                    .description(
                        "A configured user's name and password (the local run's login). "
                            + "The user needs the role SECRETARIAT."));
        api.addSecurityItem(new SecurityRequirement().addList("basic"));
      }
      if (bearer) {
        api.getComponents()
            .addSecuritySchemes(
                "bearer",
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description(
                        "An access token from the OpenID Connect provider "
                            + "RevFlow trusts, issued for RevFlow's audience, whose roles claim holds SECRETARIAT."));
        api.addSecurityItem(new SecurityRequirement().addList("bearer"));
      }
    };
  }

  private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  /**
   * A provider issues tokens for all its applications; without an audience, a token it made for
   * another of them, carrying a role named like ours, would sign in here. So an issuer (or key set)
   * without an audience stops the start.
   */
  static void requireAudienceWithIssuer(Environment environment) {
    Binder binder = Binder.get(environment);
    String issuer = binder.bind(JWT + "issuer-uri", String.class).orElse("");
    String keys = binder.bind(JWT + "jwk-set-uri", String.class).orElse("");
    List<String> audiences =
        binder.bind(JWT + "audiences", Bindable.listOf(String.class)).orElse(List.of()).stream()
            .filter(a -> !a.isBlank())
            .toList();
    if ((!issuer.isBlank() || !keys.isBlank()) && audiences.isEmpty()) {
      throw new IllegalStateException(
          "REVFLOW_OIDC_ISSUER_URI ("
              + (issuer.isBlank() ? keys : issuer)
              + ") is set but REVFLOW_OIDC_AUDIENCE is not: set it to the audience (client id) the provider puts in"
              + " RevFlow's tokens, or any token the provider issued for another application would be accepted"
              + " (spring.security.oauth2.resourceserver.jwt.audiences)");
    }
  }

  private static void announce(ApiSecurityProperties properties, boolean basic, boolean bearer) {
    if (!basic && !bearer) {
      log.warn(
          "API security: no users (revflow.security.users) and no OpenID Connect issuer "
              + "(spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri) are configured: "
              + "the API refuses every request.");
      return;
    }
    log.info(
        "API security: role {} required;{}{}",
        ApiSecurityProperties.SECRETARIAT,
        basic ? " " + properties.users().size() + " configured user(s) by HTTP Basic" : "",
        bearer
            ? (basic ? " and" : "")
                + " OpenID Connect bearer tokens (roles from claim '"
                + properties.rolesClaim()
                + "', name from '"
                + properties.usernameClaim()
                + "')"
            : "");
  }
}
