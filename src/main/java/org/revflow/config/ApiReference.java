package org.revflow.config;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reference ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): its title and
 * tags, and what every operation has in common, so that the controllers' annotations say only what
 * is particular to each operation. Refusals are RFC 9457 problems everywhere under {@code /api}
 * ({@link ProblemHandling}, the security filters, {@code StrictApiInput}): whatever content
 * springdoc guesses for an error answer (it copies the success schema) is replaced by the problem
 * schema here, and the answers every operation can give (sign-in, body too large, busy) are added
 * where the controller did not describe them. The action pages answer HTML pages, refusals
 * included.
 */
@Configuration(proxyBeanMethods = false)
class ApiReference {

  static final String PROBLEM_JSON =
      org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  static final String PROBLEM_SCHEMA = "ProblemDetail";

  /** The tags in the order Swagger UI lists them, each with what it holds. */
  static final List<Tag> TAGS =
      List.of(
          tag(
              "Reviews",
              "Launch a country review, record what happens in it (each note verbale, each cleared "
                  + "step), and follow it: open steps, due dates, days overdue, acting focal points, history."),
          tag(
              "Workplan",
              "The multi-year workplan: the reviews planned for each State and phase, loaded as JSON or "
                  + "CSV; move, cancel or launch one early, with the reason; record the States drawn to review it."),
          tag(
              "Reports",
              "Where every review stands on a date, for the Conference's status documents: JSON, CSV, "
                  + "spreadsheet and chart, in English or French."),
          tag(
              "Registry",
              "States parties and the instruments they are party to; permanent representatives; people; "
                  + "designations of focal points, experts and observers in a review, and who acts for a State; the "
                  + "drawing of lots of reviewing States."),
          tag(
              "Notices",
              "The notice log: every notice sent or attempted, to whom, in which language, with its "
                  + "status and, when it failed, why."),
          tag(
              "Action pages",
              "The pages behind the links in notices, where a focal point confirms a step in one "
                  + "click. No login: the signed link is the key (one use; it ends 30 days after the step's deadline by "
                  + "default, or when the person no longer acts for the State). Every answer, refusals included, is an "
                  + "HTML page in the person's language."),
          tag(
              "Simulation",
              "What the engine will send: the reminders, overdue notices and escalations a review's "
                  + "open steps send in the coming days if nothing else happens."));

  private static final List<String> ORDER =
      List.of(
          "Reviews",
          "Workplan",
          "Reports",
          "Registry",
          "Notices",
          "Action pages",
          "Simulation",
          "Local run");

  private static final String DESCRIPTION =
      """
      RevFlow runs the country reviews of the UNTOC Implementation Review Mechanism as processes, and sends \
      their notices: reminders, overdue notices and escalations when deadlines pass, and the other important \
      communications. This is the secretariat's API.

      **Signing in.** Every call under `/api` needs a user with the role `SECRETARIAT`: HTTP Basic where \
      RevFlow has configured users (the local run), an OpenID Connect bearer token in production. The \
      action pages under `/act` need no login: the signed link in the notice is the key.

      **Refusals.** Bad input changes nothing and gets an RFC 9457 problem (`application/problem+json`, \
      schema `ProblemDetail`) whose `detail` says what was wrong. Every call may answer 401, 403 or 429 \
      (sign-in); every write may answer 413 (a body over 5 MiB), 415 (another content type) or 503 (busy: \
      retry after `Retry-After`).

      **Dates** are ISO 8601. A day is a day in Vienna (`Europe/Vienna`): "today" is today there, and \
      deadlines are calendar dates there.""";

  @Bean
  OpenAPI openApiDocument(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    String version =
        properties != null
            ? properties.getVersion()
            : ApiReference.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("RevFlow API")
                .version(version == null ? "development" : version)
                .description(DESCRIPTION))
        // Relative: the generated URL names the host as RevFlow sees it, not as the caller does
        // behind a proxy.
        .servers(List.of(new Server().url("/").description("this RevFlow")))
        .tags(TAGS);
  }

  @Bean
  OpenApiCustomizer problemAnswers() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
      if (api.getPaths() != null) {
        api.getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, operation) -> {
                              if (operation.getResponses() == null) {
                                operation.setResponses(new ApiResponses());
                              }
                              if (path.startsWith("/act/")) {
                                // No login: the signed link is the key.
                                operation.setSecurity(List.of());
                                operation
                                    .getResponses()
                                    .forEach(
                                        (code, answer) -> {
                                          if (refusal(code)) {
                                            answer.setContent(page());
                                          }
                                        });
                              } else {
                                common(operation, method);
                                operation
                                    .getResponses()
                                    .forEach(
                                        (code, answer) -> {
                                          if (refusal(code)) {
                                            answer.setContent(problem(answer.getContent()));
                                          }
                                        });
                              }
                            }));
      }
      sortForReaders(api);
      if (api.getTags() != null) {
        api.getTags()
            .sort(
                Comparator.comparingInt(
                    t -> {
                      int i = ORDER.indexOf(t.getName());
                      return i < 0 ? ORDER.size() : i;
                    }));
      }
    };
  }

  /**
   * Paths in alphabetical order and each operation's answers by status, as readers look for them.
   */
  private static void sortForReaders(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    io.swagger.v3.oas.models.Paths sorted = new io.swagger.v3.oas.models.Paths();
    api.getPaths().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sorted.addPathItem(e.getKey(), e.getValue()));
    sorted.setExtensions(api.getPaths().getExtensions());
    api.setPaths(sorted);
    sorted
        .values()
        .forEach(
            item ->
                item.readOperations()
                    .forEach(
                        operation -> {
                          ApiResponses answers = new ApiResponses();
                          operation.getResponses().entrySet().stream()
                              .sorted(Map.Entry.comparingByKey())
                              .forEach(e -> answers.addApiResponse(e.getKey(), e.getValue()));
                          answers.setExtensions(operation.getResponses().getExtensions());
                          operation.setResponses(answers);
                        }));
  }

  /**
   * The answers the filters in front of every controller give, unless the operation describes them
   * itself.
   */
  private static void common(Operation operation, PathItem.HttpMethod method) {
    boolean write =
        method != PathItem.HttpMethod.GET
            && method != PathItem.HttpMethod.HEAD
            && method != PathItem.HttpMethod.OPTIONS;
    ApiResponses answers = operation.getResponses();
    if (operation.getRequestBody() != null) {
      answers.computeIfAbsent(
          "400",
          c ->
              answer(
                  "The body is not valid UTF-8, is not readable as the content "
                      + "type it names, or has a value of the wrong type, a control character or a field it does not take."));
      answers.computeIfAbsent(
          "413", c -> answer("The body is larger than 5 MiB; it was not read."));
      answers.computeIfAbsent(
          "415", c -> answer("The body's Content-Type is not one this operation takes."));
    }
    answers.computeIfAbsent(
        "401", c -> answer("Not signed in, or the password or bearer token was refused."));
    answers.computeIfAbsent(
        "403",
        c ->
            answer(
                write
                    ? "The user does not have the role SECRETARIAT, or a browser sent this change from another site."
                    : "The user does not have the role SECRETARIAT."));
    answers.computeIfAbsent(
        "429",
        c ->
            answer("Too many failed sign-ins for this user name or from this address.")
                .addHeaderObject("Retry-After", retryAfter()));
    if (write) {
      answers.computeIfAbsent(
          "503",
          c ->
              answer(
                      "Other changes to the same records kept meeting this one in the "
                          + "database; nothing was changed. Send it again.")
                  .addHeaderObject("Retry-After", retryAfter()));
    }
  }

  private static boolean refusal(String code) {
    return code.startsWith("4") || code.startsWith("5");
  }

  private static ApiResponse answer(String description) {
    return new ApiResponse().description(description);
  }

  private static Header retryAfter() {
    return new Header()
        .description("Seconds to wait before trying again")
        .schema(new Schema<Integer>().type("integer").types(java.util.Set.of("integer")));
  }

  /** The problem schema, keeping the examples a controller gave for its problem. */
  private static Content problem(Content declared) {
    MediaType type = declared == null ? null : declared.get(PROBLEM_JSON);
    MediaType problem =
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
    if (type != null) {
      problem.examples(type.getExamples()).example(type.getExample());
    }
    return new Content().addMediaType(PROBLEM_JSON, problem);
  }

  private static Content page() {
    return new Content()
        .addMediaType(
            "text/html",
            new MediaType()
                .schema(
                    new Schema<String>()
                        .type("string")
                        .types(java.util.Set.of("string"))
                        .description(
                            "A page in the person's language that says what happened and what to do")));
  }

  private static Tag tag(String name, String description) {
    return new Tag().name(name).description(description);
  }

  /** RFC 9457, with the members RevFlow adds to some problems. */
  private static Schema<?> problemSchema() {
    try {
      return Json31.mapper()
          .readValue(
              """
          {
            "type": "object",
            "description": "An RFC 9457 problem. Some carry more members: `errors` (the invalid fields, or a CSV import's bad lines as `line` and `reason`), `problems` (a refused workplan's problems), `kind` (the registry's name for the problem), `rule`, `ruleText`, `states`, `instruments` and `reviewersNeeded` (a draw that cannot be made), `reference` (where the log holds the cause of an unexpected failure).",
            "properties": {
              "type": {"type": "string", "format": "uri", "description": "A URI naming the kind of problem; about:blank when the status says it all"},
              "title": {"type": "string", "description": "The kind of problem, in a few words"},
              "status": {"type": "integer", "description": "The HTTP status"},
              "detail": {"type": "string", "description": "What was wrong with this request"},
              "instance": {"type": "string", "format": "uri-reference", "description": "The path of the request"}
            },
            "additionalProperties": true,
            "example": {"type": "about:blank", "title": "Not possible now", "status": 409,
              "detail": "FRA is not a reviewing State of review AUT-P2-2027", "instance": "/api/reviews/AUT-P2-2027/events"}
          }""",
              Schema.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
