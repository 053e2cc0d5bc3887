package org.revflow.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every "now" in RevFlow comes from, and the one answer to "what day is it in
 * Vienna?" ({@link MechanismTime}). Production uses the system clock; the local run, the process
 * tests and the simulation register a clock that moves together with the in-memory engine's clock,
 * so Java and the engine always agree on the date.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  MechanismTime mechanismTime(Clock clock, RevFlowProperties properties) {
    return new MechanismTime(clock, properties.zone());
  }
}
