package org.revflow.faults;

import java.util.HashMap;
import java.util.Map;
import org.revflow.RevFlowApplication;
import org.revflow.testsupport.EmbeddedServices;
import org.revflow.testsupport.EmbeddedServicesInitializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A RevFlow context on an isolated set of services (its own engine, database and SMTP server), for
 * faults that must not touch the shared context: a database connection cut, an application restart.
 */
final class IsolatedRevFlow {

  private IsolatedRevFlow() {}

  static ConfigurableApplicationContext start(
      EmbeddedServices services, Map<String, Object> overrides) {
    Map<String, Object> props = new HashMap<>();
    props.put("revflow.embedded.enabled", false);
    props.put("spring.main.banner-mode", "off");
    props.put("spring.jmx.enabled", false);
    props.put("revflow.outbox.sweep-interval", "PT1S");
    // What TestContextInitializer gives the shared context, which this one (embedded off) skips.
    props.put(
        "revflow.rulebook.location",
        org.revflow.testsupport.TestRulebookDirectory.path().toString());
    props.put("revflow.digest.enabled", false);
    return new SpringApplicationBuilder(RevFlowApplication.class)
        .web(WebApplicationType.NONE)
        .properties(props)
        .initializers(
            ctx -> {
              EmbeddedServicesInitializer.attach(ctx, services);
              ctx.getEnvironment()
                  .getPropertySources()
                  .addFirst(new MapPropertySource("fault", new HashMap<>(overrides)));
            })
        .run();
  }
}
