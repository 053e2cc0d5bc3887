package org.revflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes the OpenAPI document read as documentation, checked on its JSON: every problem found,
 * as a sentence naming the operation. {@link ApiReferenceTest} applies it to {@code /v3/api-docs};
 * {@link ApiReferenceRulesTest} shows that each rule catches what it is about.
 */
final class ApiReferenceRules {

  static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";

  /**
   * Sign-in answers, which every API operation has whatever it takes: they say nothing about the
   * input.
   */
  private static final Set<String> SIGN_IN = Set.of("401", "403", "429");

  /**
   * Operations that take input but refuse none of it: an unknown review simply has no notices. Each
   * entry says why; anything else that takes input must say how it refuses bad input.
   */
  static final Set<String> REFUSE_NO_INPUT = Set.of("GET /api/reviews/{reviewId}/notices");

  private ApiReferenceRules() {}

  static List<String> problems(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    JsonNode info = doc.path("info");
    if (blank(info.path("title")) || info.path("title").asText().equals("OpenAPI definition")) {
      problems.add("info: no title of its own");
    }
    if (blank(info.path("version")) || info.path("version").asText().equals("v0")) {
      problems.add("info: no version from the build");
    }
    if (blank(info.path("description"))) {
      problems.add("info: no description");
    }
    if (doc.path("components").path("schemas").path("ProblemDetail").isMissingNode()) {
      problems.add("components: no ProblemDetail schema");
    }
    Set<String> declared = new HashSet<>();
    for (JsonNode tag : doc.path("tags")) {
      String name = tag.path("name").asText();
      declared.add(name);
      if (generated(name)) {
        problems.add("tag '" + name + "' is a generated name");
      }
      if (blank(tag.path("description"))) {
        problems.add("tag '" + name + "' has no description");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!Set.of("get", "put", "post", "delete", "patch", "head", "options")
            .contains(op.getKey())) {
          continue;
        }
        operation(
            op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
            path.getKey(),
            op.getValue(),
            declared,
            problems);
      }
    }
    return problems;
  }

  private static void operation(
      String name, String path, JsonNode op, Set<String> declared, List<String> problems) {
    boolean page = path.startsWith("/act/");
    if (blank(op.path("summary"))) {
      problems.add(name + ": no summary");
    }
    if (op.path("tags").isEmpty()) {
      problems.add(name + ": no tag");
    }
    for (JsonNode tag : op.path("tags")) {
      if (generated(tag.asText())) {
        problems.add(name + ": generated tag '" + tag.asText() + "'");
      } else if (!declared.contains(tag.asText())) {
        problems.add(name + ": tag '" + tag.asText() + "' has no description");
      }
    }
    JsonNode body = op.path("requestBody");
    if (!body.isMissingNode()) {
      if (body.path("content").isEmpty()) {
        problems.add(name + ": a request body without content");
      }
      for (Iterator<Map.Entry<String, JsonNode>> types = body.path("content").fields();
          types.hasNext(); ) {
        Map.Entry<String, JsonNode> type = types.next();
        if (type.getValue().path("example").isMissingNode()
            && type.getValue().path("examples").isEmpty()) {
          problems.add(name + ": no example of its " + type.getKey() + " body");
        }
      }
    }
    boolean success = false;
    boolean refusesInput = false;
    for (Iterator<Map.Entry<String, JsonNode>> answers = op.path("responses").fields();
        answers.hasNext(); ) {
      Map.Entry<String, JsonNode> answer = answers.next();
      String code = answer.getKey();
      JsonNode content = answer.getValue().path("content");
      if (blank(answer.getValue().path("description"))) {
        problems.add(name + ": answer " + code + " has no description");
      }
      if (code.startsWith("2")) {
        success = true;
        if (!page && content.has("text/html")) {
          problems.add(name + ": an HTML page in the API reference");
        }
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
          Map.Entry<String, JsonNode> type = types.next();
          if (type.getValue().path("schema").isMissingNode()) {
            problems.add(name + ": answer " + code + " has no schema for " + type.getKey());
          }
        }
      }
      if (code.startsWith("4") && !SIGN_IN.contains(code)) {
        refusesInput = true;
      }
      if (code.startsWith("4") || code.startsWith("5")) {
        if (page) {
          if (!content.has("text/html")) {
            problems.add(
                name + ": answer " + code + " is not the HTML page the action pages answer");
          }
        } else if (content.size() != 1
            || !PROBLEM_REF.equals(
                content.path("application/problem+json").path("schema").path("$ref").asText())) {
          problems.add(
              name + ": answer " + code + " is not an application/problem+json ProblemDetail");
        }
      }
    }
    if (!success) {
      problems.add(name + ": no success answer");
    }
    boolean takesInput = !op.path("parameters").isEmpty() || !body.isMissingNode();
    if (takesInput && !refusesInput && !REFUSE_NO_INPUT.contains(name)) {
      problems.add(name + ": takes input but describes no 4xx answer to bad input");
    }
  }

  private static boolean generated(String tag) {
    return tag.endsWith("-controller");
  }

  private static boolean blank(JsonNode text) {
    return !text.isTextual() || text.asText().isBlank();
  }
}
