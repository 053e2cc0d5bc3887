package org.revflow.testsupport;

import org.revflow.security.PlainTextPasswords;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires a Spring context to the embedded services, with the API users of the tests and the local
 * run. The local run adds it itself ({@code LocalRevFlow}); every test context gets it through the
 * tests' own initializer ({@code TestContextInitializer}, in {@code src/test}), which adds what
 * only tests use. Both live on the test class path only, so the production jar never sees them. Set
 * {@code revflow.embedded.enabled=false} to opt out.
 */
public class EmbeddedServicesInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("revflow.embedded.enabled", Boolean.class, true)) {
      return;
    }
    EmbeddedServices.Ports ports =
        new EmbeddedServices.Ports(
            env.getProperty("revflow.embedded.engine-port", Integer.class, 0),
            env.getProperty("revflow.embedded.smtp-port", Integer.class, 0),
            env.getProperty("revflow.embedded.database-port", Integer.class, 0));
    attach(context, EmbeddedServices.start(ports));
    boolean localRun = env.getProperty("revflow.local.enabled", Boolean.class, false);
    // Below everything else: a local run's command line may name other users.
    env.getPropertySources()
        .addLast(new MapPropertySource("testUsers", TestUsers.properties(!localRun)));
    // Their generated passwords are {noop}: accepted here, on the test class path, and nowhere
    // else.
    context.getBeanFactory().registerSingleton("plainTextPasswords", PlainTextPasswords.ALLOWED);
  }

  /** Points a context at the given services: their properties first, their objects as beans. */
  public static void attach(ConfigurableApplicationContext context, EmbeddedServices services) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("embeddedServices", services.springProperties()));
    var beans = context.getBeanFactory();
    beans.registerSingleton("embeddedServices", services);
    beans.registerSingleton("embeddedEngine", services.engine());
    beans.registerSingleton("greenMail", services.greenMail());
    beans.registerSingleton("simulatedTime", services.time());
    beans.registerSingleton("clock", services.clock());
  }
}
