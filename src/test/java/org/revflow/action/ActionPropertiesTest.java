package org.revflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Without a signing key RevFlow does not start, and says which variable to set. */
class ActionPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(ActionProperties.class)
  static class Props {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Props.class);

  @Test
  void aMissingOrShortSecretStopsStartUpNamingTheVariable() {
    runner
        .withPropertyValues("revflow.actions.secret=")
        .run(
            ctx ->
                assertThat(ctx)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("REVFLOW_ACTIONS_SECRET"));
    runner
        .withPropertyValues("revflow.actions.secret=short")
        .run(
            ctx ->
                assertThat(ctx)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("at least 32 characters"));
  }

  @Test
  void aLongEnoughSecretAndTheThrottleDefaults() {
    runner
        .withPropertyValues("revflow.actions.secret=" + "k".repeat(32))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              ActionProperties p = ctx.getBean(ActionProperties.class);
              assertThat(p.throttle().maxFailures()).isEqualTo(10);
              assertThat(p.throttle().window()).hasMinutes(15);
            });
  }
}
