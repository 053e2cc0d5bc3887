package org.revflow.testsupport;

import org.revflow.security.PlainTextPasswords;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires every Spring context started from the test classpath (the tests and the local run) to the
 * embedded services. Registered in {@code META-INF/spring.factories} of the test resources, so the
 * production jar never sees it. Set {@code revflow.embedded.enabled=false} to opt out.
 */
public class EmbeddedServicesInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("revflow.embedded.enabled", Boolean.class, true)) {
      return;
    }
    EmbeddedServices.Ports ports = new EmbeddedServices.Ports(
        env.getProperty("revflow.embedded.engine-port", Integer.class, 0),
        env.getProperty("revflow.embedded.smtp-port", Integer.class, 0),
        env.getProperty("revflow.embedded.database-port", Integer.class, 0));
    attach(context, EmbeddedServices.start(ports));
    boolean localRun = env.getProperty("revflow.local.enabled", Boolean.class, false);
    // Below everything else: a local run's command line may name other users.
    env.getPropertySources().addLast(new MapPropertySource("testUsers", TestUsers.properties(!localRun)));
    // Their generated passwords are {noop}: accepted here, on the test class path, and nowhere else.
    context.getBeanFactory().registerSingleton("plainTextPasswords", PlainTextPasswords.ALLOWED);
    if (!localRun) {
      // The weekly digest would send an email into every test's inbox on start; its own tests turn it on.
      env.getPropertySources().addLast(new MapPropertySource("testDigest",
          java.util.Map.of("revflow.digest.enabled", false)));
      // Tests sign in through OpenID Connect too, against a provider of their own (above application.yaml).
      env.getPropertySources().addFirst(new MapPropertySource("testIssuer", java.util.Map.of(
          "spring.security.oauth2.resourceserver.jwt.issuer-uri", testIssuer().issuerUri(),
          "spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE,
          "revflow.rulebook.location", TestRulebookDirectory.path().toString())));
      context.getBeanFactory().registerSingleton("testIssuer", testIssuer());
      // The pages sign in through OpenID Connect's authorization code flow against a provider of their own.
      env.getPropertySources().addFirst(new MapPropertySource("testOidcProvider", testOidcProvider().springProperties()));
      context.getBeanFactory().registerSingleton("testOidcProvider", testOidcProvider());
    }
  }

  private static TestIssuer issuer;

  /** The tests' OpenID Connect provider, started once per JVM. */
  public static synchronized TestIssuer testIssuer() {
    if (issuer == null) {
      issuer = new TestIssuer();
      Runtime.getRuntime().addShutdownHook(new Thread(issuer::stop, "test-issuer-stop"));
    }
    return issuer;
  }

  private static TestOidcProvider oidcProvider;

  /** The pages' OpenID Connect provider, started once per JVM. */
  public static synchronized TestOidcProvider testOidcProvider() {
    if (oidcProvider == null) {
      oidcProvider = new TestOidcProvider();
      Runtime.getRuntime().addShutdownHook(new Thread(oidcProvider::stop, "test-oidc-provider-stop"));
    }
    return oidcProvider;
  }

  /** Points a context at the given services: their properties first, their objects as beans. */
  public static void attach(ConfigurableApplicationContext context, EmbeddedServices services) {
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("embeddedServices", services.springProperties()));
    var beans = context.getBeanFactory();
    beans.registerSingleton("embeddedServices", services);
    beans.registerSingleton("zeebeTestEngine", services.engine());
    beans.registerSingleton("greenMail", services.greenMail());
    beans.registerSingleton("simulatedTime", services.time());
    beans.registerSingleton("clock", services.clock());
  }

}
