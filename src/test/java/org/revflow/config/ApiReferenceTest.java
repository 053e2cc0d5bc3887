package org.revflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API reference at {@code /v3/api-docs} reads as documentation ({@link ApiReferenceRules}):
 * every operation has a summary, its answers, examples of what it takes, and tags that name
 * features. The document as read is left in {@code target/api-docs.json}.
 */
@RevFlowTest
class ApiReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired BuildProperties build;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  @Test
  void everyOperationIsDocumented() throws Exception {
    ResponseEntity<String> answer = http.getForEntity("/v3/api-docs", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/api-docs.json"), answer.getBody());
    JsonNode doc = JSON.readTree(answer.getBody());

    assertThat(ApiReferenceRules.problems(doc)).isEmpty();
    assertThat(doc.path("info").path("version").asText()).isEqualTo(build.getVersion());
    // Every feature, the local run's endpoints (this context has them) and the action pages,
    // without a login.
    assertThat(doc.path("tags").findValuesAsText("name"))
        .containsExactly(
            "Reviews",
            "Workplan",
            "Reports",
            "Registry",
            "Notices",
            "Action pages",
            "Simulation",
            "Local run");
    assertThat(doc.path("paths").path("/act/{token}").path("post").path("security")).isEmpty();
    assertThat(doc.path("paths").path("/act/{token}").path("post").path("security").isArray())
        .isTrue();
    assertThat(doc.path("paths").path("/api/simulations").path("post").path("tags").get(0).asText())
        .isEqualTo("Local run");
    // One operation takes the workplan as JSON or CSV, each with its example.
    JsonNode workplan =
        doc.path("paths").path("/api/workplan").path("post").path("requestBody").path("content");
    assertThat(workplan.path("application/json").path("examples").has("JSON")).isTrue();
    assertThat(workplan.path("text/csv").path("examples").has("CSV")).isTrue();
    // People's pages are not part of the reference.
    assertThat(doc.path("paths").has("/local/mail.html")).isFalse();
    assertThat(doc.path("components").path("securitySchemes").has("basic")).isTrue();
    assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();

    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** Nothing under /api or /act escapes the reference: every handler Spring maps there is in it. */
  @Test
  void everyEndpointIsInTheReference() throws Exception {
    JsonNode paths = JSON.readTree(http.getForObject("/v3/api-docs", String.class)).path("paths");
    List<String> endpoints = new ArrayList<>();
    handlers
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues()
                    .forEach(
                        pattern -> {
                          if (pattern.startsWith("/api/") || pattern.startsWith("/act/")) {
                            String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> endpoints.add(m + " " + path));
                          }
                        }));
    assertThat(endpoints).hasSizeGreaterThan(40);
    assertThat(endpoints)
        .allSatisfy(
            e -> {
              String[] methodAndPath = e.split(" ", 2);
              assertThat(
                      paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(Locale.ROOT)))
                  .as(e)
                  .isTrue();
            });
  }
}
