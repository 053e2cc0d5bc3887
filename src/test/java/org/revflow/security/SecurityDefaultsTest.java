package org.revflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The security wiring alone, without the engine: what happens with nothing configured, or only
 * users.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityDefaultsTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  WebMvcAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  UserDetailsServiceAutoConfiguration.class,
                  OAuth2ResourceServerAutoConfiguration.class))
          .withUserConfiguration(ApiSecurityConfiguration.class);

  private static MockHttpServletResponse call(
      WebApplicationContext context, String user, String password) throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    var request = get("/api/reviews");
    if (user != null) {
      request.with(
          org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .httpBasic(user, password));
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void withNoUsersAndNoProviderEveryoneIsRefusedAndTheLogSaysSo(CapturedOutput output) {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          MockHttpServletResponse r = call(context, "user", "password");
          assertThat(r.getStatus()).isEqualTo(401);
          assertThat(r.getContentType()).startsWith("application/problem+json");
          assertThat(r.getContentAsString()).contains("refuses every request");
          // No generated Spring Boot user either.
          assertThat(output)
              .doesNotContain("Using generated security password")
              .contains("the API refuses every request");
        });
  }

  @Test
  void configuredUsersSignInByBasicAndNoBearerIsOffered() {
    String bcrypt =
        new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("s3cret");
    runner
        .withPropertyValues(
            "revflow.security.users[0].name=clerk",
            "revflow.security.users[0].password=" + bcrypt,
            "revflow.security.users[0].roles[0]=secretariat")
        .run(
            context -> {
              MockHttpServletResponse refused = call(context, "clerk", "wrong");
              assertThat(refused.getStatus()).isEqualTo(401);
              assertThat(refused.getHeaders("WWW-Authenticate"))
                  .containsExactly("Basic realm=\"RevFlow\"");
              // Past security: no controller in this context, so the request ends as not found.
              assertThat(call(context, "clerk", "s3cret").getStatus()).isEqualTo(404);
            });
  }

  @Test
  void aPlainTextPasswordStopsTheStart() {
    runner
        .withPropertyValues(
            "revflow.security.users[0].name=clerk",
            "revflow.security.users[0].password=plain",
            "revflow.security.users[0].roles[0]=SECRETARIAT")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("must be a bcrypt hash"));
  }

  @Test
  void aPlainTextPasswordMarkedNoopStopsTheStartOutsideTheLocalRunAndTheTests() {
    runner
        .withPropertyValues(
            "revflow.security.users[0].name=clerk",
            "revflow.security.users[0].password={noop}pw",
            "revflow.security.users[0].roles[0]=SECRETARIAT")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("{noop}")
                    .hasMessageContaining("bcrypt"));
  }

  @Test
  void anIssuerWithoutAnAudienceStopsTheStart() {
    runner
        .withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.org/realms/un")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("REVFLOW_OIDC_AUDIENCE"));
    runner
        .withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.org/realms/un",
            "spring.security.oauth2.resourceserver.jwt.audiences=revflow")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void writesFromAnotherSiteAreRefusedBeforeSignIn() {
    runner
        .withBean(PlainTextPasswords.class, () -> PlainTextPasswords.ALLOWED)
        .withPropertyValues(
            "revflow.security.users[0].name=clerk",
            "revflow.security.users[0].password={noop}pw",
            "revflow.security.users[0].roles[0]=SECRETARIAT")
        .run(
            context -> {
              MockMvc mvc =
                  MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
              var r =
                  mvc.perform(
                          post("/api/reviews")
                              .header("Sec-Fetch-Site", "cross-site")
                              .with(
                                  org.springframework.security.test.web.servlet.request
                                      .SecurityMockMvcRequestPostProcessors.httpBasic(
                                      "clerk", "pw")))
                      .andReturn()
                      .getResponse();
              assertThat(r.getStatus()).isEqualTo(403);
              assertThat(r.getContentAsString()).contains("another site");
            });
  }
}
