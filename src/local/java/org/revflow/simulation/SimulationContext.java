package org.revflow.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.revflow.RevFlowApplication;
import org.revflow.testsupport.EmbeddedServices;
import org.revflow.testsupport.EmbeddedServicesInitializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A RevFlow context of its own for one simulation: its own engine, SMTP server, clock and database
 * (dropped on close), never shared with real reviews.
 *
 * <p>Tried and given up: keeping one context warm and resetting it between runs (instances
 * cancelled, rows deleted, clock pinned back to the next scenario's start). The in-memory engine
 * then missed a timer for good now and then (hold-resume-reviewer-replaced after
 * full-review-on-time: its 2027-06-15 reminder never fired, not even with the clock moved on by 15
 * hours), so each run gets a fresh engine.
 */
final class SimulationContext implements AutoCloseable {

  private static final AtomicInteger CONTEXTS = new AtomicInteger();

  private final EmbeddedServices services;
  private final ConfigurableApplicationContext context;

  SimulationContext(String secretariat, List<java.time.LocalDate> holidays) {
    String database =
        "revflow_sim_"
            + CONTEXTS.incrementAndGet()
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    this.services = EmbeddedServices.isolated(database);
    Map<String, Object> props = new HashMap<>();
    props.put("revflow.embedded.enabled", false);
    props.put("spring.main.banner-mode", "off");
    props.put("spring.jmx.enabled", false);
    props.put("revflow.outbox.sweep-interval", "PT1S");
    // A scenario's notices are those of its review; the secretariat's weekly digest is not one of
    // them.
    props.put("revflow.digest.enabled", false);
    Map<String, Object> overrides = new HashMap<>();
    if (secretariat != null) {
      overrides.put("revflow.secretariat-email", secretariat);
    }
    if (holidays != null) {
      // The scenario's own calendar replaces every rulebook's holidays (empty: weekends only).
      overrides.put(
          "revflow.rulebook.holidays",
          String.join(",", holidays.stream().map(Object::toString).toList()));
    }
    // A request thread of the local run carries the web server's class loader; the simulation's
    // context must load RevFlow's classes (and proxy its package-private repositories) with the
    // application's own.
    Thread thread = Thread.currentThread();
    ClassLoader callers = thread.getContextClassLoader();
    thread.setContextClassLoader(SimulationContext.class.getClassLoader());
    try {
      this.context =
          new SpringApplicationBuilder(RevFlowApplication.class)
              .web(WebApplicationType.NONE)
              .properties(props)
              .initializers(
                  ctx -> {
                    EmbeddedServicesInitializer.attach(ctx, services);
                    // Above application.yaml: the scenario's own secretariat address.
                    ctx.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("scenario", overrides));
                  })
              .run();
    } catch (RuntimeException e) {
      services.close();
      throw e;
    } finally {
      thread.setContextClassLoader(callers);
    }
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      services.close();
    }
  }
}
