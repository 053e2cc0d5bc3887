package org.revflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ApiReferenceRules} finds the defect it is about, and a well-documented
 * operation passes.
 */
class ApiReferenceRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One documented write, one documented page. */
  private static final String GOOD =
      """
      {"openapi": "3.1.0",
       "info": {"title": "RevFlow API", "version": "1.2.3", "description": "The secretariat's API"},
       "tags": [{"name": "Reviews", "description": "Reviews"}, {"name": "Action pages", "description": "Pages"}],
       "components": {"schemas": {"ProblemDetail": {"type": "object"}}},
       "paths": {
         "/api/reviews/{id}/events": {"post": {
           "tags": ["Reviews"], "summary": "Record an event",
           "parameters": [{"name": "id", "in": "path"}],
           "requestBody": {"content": {"application/json": {"examples": {"a": {"value": {"type": "SAQ_CLEARED"}}}}}},
           "responses": {
             "201": {"description": "Recorded", "content": {"application/json": {"schema": {"type": "object"}}}},
             "401": {"description": "Not signed in",
                     "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}},
             "409": {"description": "Not now",
                     "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}},
         "/act/{token}": {"get": {
           "tags": ["Action pages"], "summary": "Open a page",
           "parameters": [{"name": "token", "in": "path"}],
           "responses": {
             "200": {"description": "The page", "content": {"text/html": {"schema": {"type": "string"}}}},
             "404": {"description": "Unknown link", "content": {"text/html": {}}}}}}}}
      """;

  @Test
  void aDocumentedOperationPasses() throws Exception {
    assertThat(ApiReferenceRules.problems(JSON.readTree(GOOD))).isEmpty();
  }

  @Test
  void eachDefectIsFound() throws Exception {
    assertFound(
        d -> ((ObjectNode) d.path("info")).put("title", "OpenAPI definition"),
        "info: no title of its own");
    assertFound(
        d -> ((ObjectNode) d.path("info")).put("version", "v0"), "info: no version from the build");
    assertFound(
        d -> ((ObjectNode) d.path("components").path("schemas")).remove("ProblemDetail"),
        "components: no ProblemDetail schema");
    assertFound(
        d -> ((ObjectNode) event(d)).remove("summary"),
        "POST /api/reviews/{id}/events: no summary");
    assertFound(
        d -> ((ObjectNode) event(d)).putArray("tags").add("review-controller"),
        "POST /api/reviews/{id}/events: generated tag 'review-controller'");
    assertFound(
        d -> ((ObjectNode) d.path("tags").get(0)).put("name", "states-controller"),
        "tag 'states-controller' is a generated name");
    assertFound(
        d -> ((ObjectNode) d.path("tags").get(0)).remove("description"),
        "tag 'Reviews' has no description");
    assertFound(
        d ->
            ((ObjectNode) event(d).path("requestBody").path("content").path("application/json"))
                .remove("examples"),
        "POST /api/reviews/{id}/events: no example of its application/json body");
    assertFound(
        d -> ((ObjectNode) event(d).path("responses")).remove("409"),
        "POST /api/reviews/{id}/events: takes input but describes no 4xx answer to bad input");
    assertFound(
        d -> ((ObjectNode) event(d).path("responses")).remove("201"),
        "POST /api/reviews/{id}/events: no success answer");
    assertFound(
        d ->
            ((ObjectNode) event(d).path("responses").path("409").path("content"))
                .set("application/json", JSON.createObjectNode()),
        "POST /api/reviews/{id}/events: answer 409 is not an application/problem+json ProblemDetail");
    assertFound(
        d ->
            ((ObjectNode)
                    event(d)
                        .path("responses")
                        .path("409")
                        .path("content")
                        .path("application/problem+json")
                        .path("schema"))
                .put("$ref", "#/components/schemas/ReviewView"),
        "POST /api/reviews/{id}/events: answer 409 is not an application/problem+json ProblemDetail");
    assertFound(
        d ->
            ((ObjectNode) event(d).path("responses").path("201").path("content"))
                .set("text/html", JSON.createObjectNode()),
        "POST /api/reviews/{id}/events: an HTML page in the API reference");
    assertFound(
        d ->
            ((ObjectNode)
                    event(d).path("responses").path("201").path("content").path("application/json"))
                .remove("schema"),
        "POST /api/reviews/{id}/events: answer 201 has no schema for application/json");
    assertFound(
        d ->
            ((ObjectNode)
                    d.path("paths")
                        .path("/act/{token}")
                        .path("get")
                        .path("responses")
                        .path("404")
                        .path("content"))
                .removeAll()
                .set("application/json", JSON.createObjectNode()),
        "GET /act/{token}: answer 404 is not the HTML page the action pages answer");
  }

  private static JsonNode event(JsonNode doc) {
    return doc.path("paths").path("/api/reviews/{id}/events").path("post");
  }

  private static void assertFound(Consumer<JsonNode> defect, String problem) throws Exception {
    JsonNode doc = JSON.readTree(GOOD);
    defect.accept(doc);
    assertThat(ApiReferenceRules.problems(doc)).contains(problem);
  }
}
