package org.revflow.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in OpenID Connect provider for the tests: its discovery document and signing keys served
 * over HTTP, so RevFlow's production wiring ({@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}) fetches and checks them exactly as it
 * would a real provider's. The RSA key is generated per JVM.
 */
public final class TestIssuer {

  private final RSAKey key;
  private final HttpServer server;
  private final String issuer;

  TestIssuer() {
    try {
      key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/revflow-test";
    server.createContext(
        "/realms/revflow-test/.well-known/openid-configuration",
        x ->
            json(
                x,
                "{\"issuer\":\""
                    + issuer
                    + "\",\"jwks_uri\":\""
                    + issuer
                    + "/keys\","
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
    server.createContext(
        "/realms/revflow-test/keys", x -> json(x, new JWKSet(key.toPublicJWK()).toString()));
    server.setExecutor(null);
    server.start();
  }

  public String issuerUri() {
    return issuer;
  }

  /** The audience of RevFlow's tokens at this provider (the tests' REVFLOW_OIDC_AUDIENCE). */
  public static final String AUDIENCE = "revflow";

  /**
   * A token from this provider for RevFlow: {@code preferred_username} and {@code roles} as given,
   * valid for an hour.
   */
  public String token(String username, List<String> roles) {
    return token(
        Map.of("preferred_username", username, "roles", roles, "aud", AUDIENCE),
        issuer,
        Duration.ofHours(1),
        key);
  }

  /**
   * A token with the given claims, issuer and lifetime (negative: already expired), signed by
   * {@code signer}.
   */
  public String token(Map<String, Object> claims, String issuer, Duration lifetime, RSAKey signer) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder c =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(UUID.randomUUID().toString())
            .issueTime(Date.from(now.minusSeconds(60)))
            .expirationTime(Date.from(now.plus(lifetime)));
    claims.forEach(c::claim);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
              c.build());
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This provider's own signing key. */
  public RSAKey key() {
    return key;
  }

  void stop() {
    server.stop(0);
  }

  private static void json(HttpExchange x, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(200, bytes.length);
    try (var out = x.getResponseBody()) {
      out.write(bytes);
    }
  }
}
