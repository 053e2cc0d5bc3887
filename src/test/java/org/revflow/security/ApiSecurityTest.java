package org.revflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.TestIssuer;
import org.revflow.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may call the API: nobody without credentials, nobody with a wrong password, nobody without
 * the role SECRETARIAT; configured users by HTTP Basic and OpenID Connect users by bearer token
 * (checked against the test provider's published keys, the production wiring). Every refusal is a
 * problem body and changes nothing; every change records the user's name.
 */
@RevFlowTest
class ApiSecurityTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestIssuer issuer;
  @Autowired ReviewDriver driver;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  record Answer(
      int status, String contentType, List<String> challenges, JsonNode body, boolean setsCookie) {}

  private Answer call(
      String method, String path, String authorization, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<String> r =
        HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body = r.body().isBlank() ? null : JSON.readTree(r.body());
    return new Answer(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.headers().allValues("WWW-Authenticate"),
        body,
        r.headers().firstValue("Set-Cookie").isPresent());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String secretariat() {
    return basic(TestUsers.SECRETARIAT, TestUsers.SECRETARIAT_PASSWORD);
  }

  private long people() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM registry_person", Long.class);
  }

  private static String person(String email) {
    return "{\"name\":\"Ana Pérez\",\"email\":\"" + email + "\",\"language\":\"es\"}";
  }

  private static void assertProblem(Answer a, int status, String detail) {
    assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().get("status").asInt()).isEqualTo(status);
    assertThat(a.body().get("detail").asText()).containsIgnoringCase(detail);
    assertThat(a.setsCookie()).as("no session cookie").isFalse();
  }

  @Test
  void withoutCredentialsEveryCallIsRefusedWithAChallenge() throws Exception {
    long before = people();
    for (String[] call :
        List.of(
            new String[] {"GET", "/api/reviews"},
            new String[] {"GET", "/api/registry/states/AUT"},
            new String[] {"GET", "/api/notices?status=FAILED"},
            new String[] {"POST", "/api/registry/people"},
            new String[] {"GET", "/actuator/info"},
            new String[] {"GET", "/v3/api-docs"})) {
      Answer a =
          call(call[0], call[1], null, call[0].equals("POST") ? person("anon@x.example") : null);
      assertProblem(a, 401, "signed-in secretariat users");
      assertThat(a.challenges())
          .as(call[1])
          .anyMatch(c -> c.startsWith("Basic realm=\"RevFlow\""))
          .anyMatch(c -> c.startsWith("Bearer"));
    }
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void aWrongPasswordOrUnknownUserIsRefused() throws Exception {
    long before = people();
    assertProblem(
        call(
            "POST",
            "/api/registry/people",
            basic(TestUsers.SECRETARIAT, "wrong"),
            person("w@x.example")),
        401,
        "user name or password is wrong");
    assertProblem(
        call("GET", "/api/reviews", basic("nobody", TestUsers.SECRETARIAT_PASSWORD), null),
        401,
        "user name or password is wrong");
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void aUserWithoutTheRoleIsForbidden() throws Exception {
    long before = people();
    String reader = basic(TestUsers.READER, TestUsers.READER_PASSWORD);
    assertProblem(
        call("GET", "/api/reviews", reader, null),
        403,
        "user 'reader' does not have the role SECRETARIAT");
    assertProblem(
        call("POST", "/api/registry/people", reader, person("r@x.example")), 403, "SECRETARIAT");
    assertProblem(call("GET", "/actuator/info", reader, null), 403, "SECRETARIAT");
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void healthIsOpenButItsDetailsAreNot() throws Exception {
    Answer open = call("GET", "/actuator/health", null, null);
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.body().get("status").asText()).isEqualTo("UP");
    assertThat(open.body().has("components")).isFalse();
    Answer signedIn = call("GET", "/actuator/health", secretariat(), null);
    assertThat(signedIn.body().get("components").has("db")).isTrue();
  }

  @Test
  void changesRecordTheSignedInUserNotWhatTheRequestClaims() throws Exception {
    String email = "basic-" + UUID.randomUUID() + "@x.example";
    Answer created =
        call("POST", "/api/registry/people", secretariat(), person(email), "X-Actor", "mallory");
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            jdbc.queryForMap(
                "SELECT created_by, updated_by FROM registry_person WHERE email = ?", email))
        .containsEntry("created_by", TestUsers.SECRETARIAT)
        .containsEntry("updated_by", TestUsers.SECRETARIAT);

    String token = "Bearer " + issuer.token("maria.lopez", List.of("secretariat", "other"));
    long id = created.body().get("id").asLong();
    Answer updated =
        call(
            "PUT",
            "/api/registry/people/" + id,
            token,
            "{\"name\":\"Ana Pérez Gómez\",\"email\":\"" + email + "\",\"language\":\"es\"}");
    assertThat(updated.status()).as(String.valueOf(updated.body())).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT updated_by FROM registry_person WHERE id = ?", String.class, id))
        .isEqualTo("maria.lopez");

    Answer state =
        call(
            "PUT",
            "/api/registry/states/NZL",
            token,
            "{\"regionalGroup\":\"WESTERN_EUROPEAN_AND_OTHERS\"}");
    assertThat(state.status()).as(String.valueOf(state.body())).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT updated_by FROM registry_state WHERE code = 'NZL'", String.class))
        .isEqualTo("maria.lopez");

    driver.permanentRepresentatives("FJI", "WSM", "TON");
    Answer launched =
        call(
            "POST",
            "/api/reviews",
            secretariat(),
            "{\"underReview\":\"FJI\",\"phase\":3,\"reviewers\":{\"UNTOC\":[\"WSM\",\"TON\"]}}");
    assertThat(launched.status()).as(String.valueOf(launched.body())).isEqualTo(201);
    String review = launched.body().get("id").asText();
    driver.time().settle();
    assertThat(
            jdbc.queryForObject("SELECT created_by FROM review WHERE id = ?", String.class, review))
        .isEqualTo(TestUsers.SECRETARIAT);
    Answer event =
        call("POST", "/api/reviews/" + review + "/events", token, "{\"type\":\"SAQ_CLEARED\"}");
    assertThat(event.status()).as(String.valueOf(event.body())).isEqualTo(201);
    driver.time().settle();
    assertThat(
            jdbc.queryForList(
                "SELECT recorded_by FROM review_event WHERE review_id = ? AND type = 'SAQ_CLEARED'",
                String.class,
                review))
        .containsExactly("maria.lopez");
  }

  @Test
  void bearerTokensAreCheckedAgainstTheProvider() throws Exception {
    long before = people();
    String body = person("jwt-" + UUID.randomUUID() + "@x.example");
    Answer listed =
        call("GET", "/api/reviews", "Bearer " + issuer.token("ok", List.of("SECRETARIAT")), null);
    assertThat(listed.status()).as(String.valueOf(listed.body())).isEqualTo(200);
    // Roles may sit in a nested claim or a string; this one has none that counts.
    assertProblem(
        call(
            "POST",
            "/api/registry/people",
            "Bearer " + issuer.token("clerk", List.of("READER")),
            body),
        403,
        "user 'clerk' does not have the role");

    RSAKey stranger = new RSAKeyGenerator(2048).keyID(issuer.key().getKeyID()).generate();
    Map<String, Object> claims =
        Map.of(
            "preferred_username",
            "eve",
            "roles",
            List.of("SECRETARIAT"),
            "aud",
            TestIssuer.AUDIENCE);
    for (String bad :
        List.of(
            issuer.token(claims, issuer.issuerUri(), Duration.ofHours(1), stranger),
            issuer.token(claims, issuer.issuerUri(), Duration.ofMinutes(-5), issuer.key()),
            issuer.token(
                claims,
                "https://elsewhere.example/realms/revflow",
                Duration.ofHours(1),
                issuer.key()),
            "not.a.token")) {
      Answer a = call("POST", "/api/registry/people", "Bearer " + bad, body);
      assertProblem(a, 401, "bearer token was refused");
      assertThat(a.challenges())
          .anyMatch(c -> c.startsWith("Bearer") && c.contains("error=\"invalid_token\""));
    }
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void aBrowserRequestFromAnotherSiteIsRefusedEvenWithItsCachedLogin() throws Exception {
    long before = people();
    String body = person("csrf-" + UUID.randomUUID() + "@x.example");
    assertProblem(
        call("POST", "/api/registry/people", secretariat(), body, "Sec-Fetch-Site", "cross-site"),
        403,
        "another site");
    assertThat(people()).isEqualTo(before);
    assertThat(
            call(
                    "POST",
                    "/api/registry/people",
                    secretariat(),
                    body,
                    "Sec-Fetch-Site",
                    "same-origin")
                .status())
        .isEqualTo(201);
  }

  @Test
  void aTokenTheProviderIssuedForAnotherApplicationIsRefused() throws Exception {
    long before = people();
    String body = person("aud-" + UUID.randomUUID() + "@x.example");
    for (Map<String, Object> claims :
        List.<Map<String, Object>>of(
            Map.of(
                "preferred_username",
                "eve",
                "roles",
                List.of("secretariat"),
                "aud",
                "another-application"),
            Map.of("preferred_username", "eve", "roles", List.of("secretariat")))) {
      String token = issuer.token(claims, issuer.issuerUri(), Duration.ofHours(1), issuer.key());
      assertProblem(
          call("POST", "/api/registry/people", "Bearer " + token, body),
          401,
          "bearer token was refused");
    }
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void failedBasicSignInsAreThrottledPerUserAndPerAddress() throws Exception {
    try {
      for (int i = 0; i < 10; i++) {
        assertProblem(
            call("GET", "/api/reviews", basic(TestUsers.READER, "guess" + i), null), 401, "wrong");
      }
      // The name is locked for the window, even with its right password; the answer says when to
      // come back.
      HttpResponse<String> locked =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reviews"))
                  .header("Authorization", basic(TestUsers.READER, TestUsers.READER_PASSWORD))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(locked.statusCode()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
      assertThat(locked.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      // Another name from the same address still signs in, until the address has failed 30 times.
      assertThat(call("GET", "/api/reviews", secretariat(), null).status()).isEqualTo(200);
      for (int i = 0; i < 20; i++) {
        assertThat(call("GET", "/api/reviews", basic("user" + i, "guess"), null).status())
            .isEqualTo(401);
      }
      assertProblem(
          call("GET", "/api/reviews", secretariat(), null), 429, "Too many failed sign-ins");
      // Bearer tokens are not throttled by Basic failures.
      assertThat(
              call(
                      "GET",
                      "/api/reviews",
                      "Bearer " + issuer.token("ok", List.of("SECRETARIAT")),
                      null)
                  .status())
          .isEqualTo(200);
    } finally {
      // The window passes (application clock): the address and the name sign in again.
      driver.time().advance(Duration.ofMinutes(16));
    }
    assertThat(call("GET", "/api/reviews", secretariat(), null).status()).isEqualTo(200);
    assertThat(
            call("GET", "/api/reviews", basic(TestUsers.READER, TestUsers.READER_PASSWORD), null)
                .status())
        .isEqualTo(403);
  }

  @Test
  void aWriteWhoseOriginIsAnotherSiteIsRefusedWithoutFetchMetadata() throws Exception {
    long before = people();
    String body = person("origin-" + UUID.randomUUID() + "@x.example");
    for (String origin :
        List.of("https://evil.example", "null", "http://localhost:" + (port + 1))) {
      assertProblem(
          call("POST", "/api/registry/people", secretariat(), body, "Origin", origin),
          403,
          "Origin");
    }
    assertThat(people()).isEqualTo(before);
    assertThat(
            call(
                    "POST",
                    "/api/registry/people",
                    secretariat(),
                    body,
                    "Origin",
                    "http://localhost:" + port)
                .status())
        .isEqualTo(201);
  }

  @Test
  void aCsvImportTakesTextCsvOnlyNotAFormsTextPlain() throws Exception {
    long before = people();
    // A form with enctype="text/plain" posts "name=value" lines, which can be made valid CSV.
    String csv = "review_id,state,role,name,email,language,note_verbale_ref,received_on\r\n";
    for (String path :
        List.of("/api/registry/designations/import", "/api/registry/states/instruments/import")) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Authorization", secretariat())
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString(csv))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(415);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
    assertThat(people()).isEqualTo(before);
  }
}
