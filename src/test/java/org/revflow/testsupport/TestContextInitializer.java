package org.revflow.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires every Spring context of the tests to the embedded services ({@link
 * EmbeddedServicesInitializer}), then adds what only tests use: their OpenID Connect provider, the
 * {@code calendar-days} rulebook and a quiet weekly digest. Registered in {@code
 * META-INF/spring.factories} of the test resources.
 *
 * <p>The local run shares the test class path ({@code spring-boot:test-run}), so this file names it
 * too: it adds the embedded services itself and is left alone here.
 */
public class TestContextInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("revflow.embedded.enabled", Boolean.class, true)
        || env.getProperty("revflow.local.enabled", Boolean.class, false)) {
      return;
    }
    new EmbeddedServicesInitializer().initialize(context);
    // The weekly digest would send an email into every test's inbox on start; its own tests turn it
    // on.
    env.getPropertySources()
        .addLast(new MapPropertySource("testDigest", Map.of("revflow.digest.enabled", false)));
    // Tests sign in through OpenID Connect too, against a provider of their own (above
    // application.yaml).
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "testIssuer",
                Map.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        testIssuer().issuerUri(),
                    "spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE,
                    "revflow.rulebook.location", TestRulebookDirectory.path().toString())));
    context.getBeanFactory().registerSingleton("testIssuer", testIssuer());
    // The pages sign in through OpenID Connect's authorization code flow against a provider of
    // their own.
    env.getPropertySources()
        .addFirst(new MapPropertySource("testOidcProvider", testOidcProvider().springProperties()));
    context.getBeanFactory().registerSingleton("testOidcProvider", testOidcProvider());
  }

  private static TestOidcProvider oidcProvider;

  /** The pages' OpenID Connect provider, started once per JVM. */
  public static synchronized TestOidcProvider testOidcProvider() {
    if (oidcProvider == null) {
      oidcProvider = new TestOidcProvider();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(oidcProvider::stop, "test-oidc-provider-stop"));
    }
    return oidcProvider;
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
}
