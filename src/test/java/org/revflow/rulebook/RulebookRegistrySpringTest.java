package org.revflow.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Start-up: properties bind, and an invalid rulebook stops the application. */
class RulebookRegistrySpringTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RulebookProperties.class)
  @Import({RulebookRegistry.class, DeadlinePlanner.class})
  static class RulebookBeans {
    @org.springframework.context.annotation.Bean
    org.revflow.config.MechanismTime mechanismTime() {
      return RulebookRegistryTest.TIME;
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(RulebookBeans.class);

  @TempDir Path dir;

  @Test
  void startsWithTheConfiguredDirectoryAndDefault() throws IOException {
    Files.writeString(
        dir.resolve("next.yaml"), TestRulebooks.edited(TestRulebooks.set("version", "2028.1")));

    runner
        .withPropertyValues(
            "revflow.rulebook.location=" + dir, "revflow.rulebook.default-name=default@2026.1")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(DeadlinePlanner.class);
              RulebookRegistry registry = context.getBean(RulebookRegistry.class);
              assertThat(registry.defaultRulebook().id()).isEqualTo("default@2026.1");
              assertThat(registry.get("default").id()).isEqualTo("default@2028.1");
              assertThat(registry.get("default@2027.1").calendar().holidays())
                  .contains(java.time.LocalDate.of(2027, 12, 24));
            });
  }

  @Test
  void aSimulationsHolidayListReplacesEveryRulebooksOwnEvenWhenEmpty() {
    runner
        .withPropertyValues("revflow.rulebook.holidays=2027-12-28,2027-12-29")
        .run(
            context -> {
              RulebookRegistry registry = context.getBean(RulebookRegistry.class);
              assertThat(registry.get("default@2027.1").calendar().holidays())
                  .containsExactly(
                      java.time.LocalDate.of(2027, 12, 28), java.time.LocalDate.of(2027, 12, 29));
              // Outside the listed years only weekends count: Christmas Eve 2027 is a working day
              // here.
              assertThat(
                      registry
                          .get("default@2027.1")
                          .calendar()
                          .sendingDay(java.time.LocalDate.of(2027, 12, 24)))
                  .isEqualTo("2027-12-24");
            });
    runner
        .withPropertyValues("revflow.rulebook.holidays=")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(RulebookRegistry.class)
                            .get("default@2027.1")
                            .calendar()
                            .holidays())
                    .isEmpty());
  }

  @Test
  void anInvalidRulebookFailsStartUpWithTheValidatorsMessage() throws IOException {
    Files.writeString(
        dir.resolve("broken.yaml"),
        TestRulebooks.edited(TestRulebooks.set("version", "2027.1")).replace("P6M", "P-6M"));

    runner
        .withPropertyValues("revflow.rulebook.location=" + dir)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(InvalidRulebookException.class)
                  .hasMessageContaining(
                      "rulebook 'default' 2027.1: steps.SAQ.deadline: 'P-6M' must be a positive period");
            });
  }
}
