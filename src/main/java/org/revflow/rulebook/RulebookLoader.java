package org.revflow.rulebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revflow.rulebook.RulebookDocument.ClusterDoc;
import org.revflow.rulebook.RulebookDocument.FocalPointLadderDoc;
import org.revflow.rulebook.RulebookDocument.LadderDoc;
import org.revflow.rulebook.RulebookDocument.RepeatDoc;
import org.revflow.rulebook.RulebookDocument.StepDoc;
import org.springframework.core.io.Resource;

/**
 * Reads a rulebook file strictly: a key the loader does not know is an error (a misspelt key would
 * otherwise silently leave a default in force), as are duplicate keys and more than one YAML
 * document. The tree is walked by hand rather than data-bound so that all problems are reported at
 * once, each with its path.
 */
public final class RulebookLoader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final RulebookValidator validator;

  public RulebookLoader() {
    this(new RulebookValidator());
  }

  public RulebookLoader(RulebookValidator validator) {
    this.validator = validator;
  }

  public Rulebook load(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return load(new String(in.readAllBytes(), StandardCharsets.UTF_8), describe(resource));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rulebook " + describe(resource), e);
    }
  }

  public Rulebook load(Path file) {
    try {
      return load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rulebook " + file, e);
    }
  }

  /** Reads and validates; throws {@link InvalidRulebookException} listing every problem. */
  public Rulebook load(String yaml, String source) {
    return validator.validate(read(yaml, source));
  }

  /** Reads the file's shape only; values are checked by the validator. */
  public RulebookDocument read(String yaml, String source) {
    JsonNode root;
    try (JsonParser parser = YAML.createParser(yaml)) {
      root = YAML.readTree(parser);
      if (parser.nextToken() != null) {
        throw invalid(source, "rulebook file '" + source + "': holds more than one YAML document");
      }
    } catch (JsonProcessingException e) {
      throw invalid(
          source,
          "rulebook file '"
              + source
              + "': not valid YAML: "
              + e.getOriginalMessage()
              + location(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw invalid(source, "rulebook file '" + source + "': is empty");
    }
    if (!root.isObject()) {
      throw invalid(source, "rulebook file '" + source + "': must be a mapping of keys to values");
    }

    String label =
        RulebookDocument.label(
            scalarOrNull(root.get("name")), scalarOrNull(root.get("version")), source);
    List<String> problems = new ArrayList<>();
    Obj top = new Obj((ObjectNode) root, "", label, problems);

    JsonNode versionNode = root.get("version");
    if (versionNode != null && versionNode.isNumber()) {
      // YAML reads 2026.10 as the number 2026.1: only a quoted version keeps what was written.
      top.problem("version", "must be quoted, e.g. version: \"" + versionNode.asText() + "\"");
    }

    RulebookDocument doc =
        new RulebookDocument(
            source,
            top.text("name"),
            top.text("version"),
            top.text("description"),
            top.text("zone"),
            top.text("noticeTime"),
            steps(top.obj("steps")),
            ladder(top.obj("ladder")),
            focalPointLadder(top.obj("focalPointLadder")),
            top.text("nextPhaseAfter"),
            top.text("actionLinkValidity"),
            top.text("activationLinkValidity"),
            clusters(top.obj("clusters")),
            calendar(top.obj("calendar")),
            top.text("focalPointNetwork"),
            top.text("reuseReviewersInNextPhase"));
    top.end();
    if (!problems.isEmpty()) {
      throw new InvalidRulebookException(source, problems);
    }
    return doc;
  }

  private static Map<String, StepDoc> steps(Obj steps) {
    if (steps == null) {
      return null;
    }
    Map<String, StepDoc> result = new LinkedHashMap<>();
    for (String key : steps.keys()) {
      Obj step = steps.obj(key);
      if (step != null) {
        result.put(key, new StepDoc(step.text("deadline"), step.text("from"), step.text("round")));
        step.end();
      } else {
        result.put(key, new StepDoc(null, null, null));
      }
    }
    return result;
  }

  private static LadderDoc ladder(Obj ladder) {
    if (ladder == null) {
      return null;
    }
    LadderDoc doc =
        new LadderDoc(
            ladder.texts("reminders"), ladder.text("overdue"), repeat(ladder.obj("escalation")));
    ladder.end();
    return doc;
  }

  private static FocalPointLadderDoc focalPointLadder(Obj ladder) {
    if (ladder == null) {
      return null;
    }
    FocalPointLadderDoc doc =
        new FocalPointLadderDoc(
            ladder.text("reminder"),
            ladder.text("interim"),
            repeat(ladder.obj("designationPending")));
    ladder.end();
    return doc;
  }

  private static RepeatDoc repeat(Obj repeat) {
    if (repeat == null) {
      return null;
    }
    RepeatDoc doc = new RepeatDoc(repeat.text("first"), repeat.text("every"));
    repeat.end();
    return doc;
  }

  private static Map<String, ClusterDoc> clusters(Obj clusters) {
    if (clusters == null) {
      return null;
    }
    Map<String, ClusterDoc> result = new LinkedHashMap<>();
    for (String key : clusters.keys()) {
      Obj cluster = clusters.obj(key);
      if (cluster != null) {
        result.put(key, new ClusterDoc(cluster.text("name"), cluster.texts("articles")));
        cluster.end();
      } else {
        result.put(key, new ClusterDoc(null, null));
      }
    }
    return result;
  }

  private static RulebookDocument.CalendarDoc calendar(Obj calendar) {
    if (calendar == null) {
      return null;
    }
    String workingDaysOnly = calendar.text("workingDaysOnly");
    Map<String, List<String>> holidays = null;
    Obj years = calendar.obj("holidays");
    if (years != null) {
      holidays = new LinkedHashMap<>();
      for (String year : years.keys()) {
        List<String> days = years.texts(year);
        holidays.put(year, days == null ? List.of() : days);
      }
      years.end();
    }
    calendar.end();
    return new RulebookDocument.CalendarDoc(workingDaysOnly, holidays);
  }

  private static String scalarOrNull(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static String describe(Resource resource) {
    try {
      return resource.getURI().toString();
    } catch (IOException e) {
      return resource.getDescription();
    }
  }

  private static InvalidRulebookException invalid(String source, String problem) {
    return new InvalidRulebookException(source, List.of(problem));
  }

  /** A mapping being read: remembers which keys were asked for, so the rest are unknown keys. */
  private static final class Obj {
    private final ObjectNode node;
    private final String path;
    private final String label;
    private final List<String> problems;
    private final Set<String> known = new LinkedHashSet<>();

    Obj(ObjectNode node, String path, String label, List<String> problems) {
      this.node = node;
      this.path = path;
      this.label = label;
      this.problems = problems;
    }

    List<String> keys() {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      known.addAll(keys);
      return keys;
    }

    String text(String key) {
      JsonNode value = get(key);
      if (value == null) {
        return null;
      }
      if (!value.isValueNode()) {
        problem(key, "must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
        return null;
      }
      return value.asText();
    }

    List<String> texts(String key) {
      JsonNode value = get(key);
      if (value == null) {
        return null;
      }
      if (!value.isArray()) {
        problem(key, "must be a list, e.g. [P30D, P7D]");
        return null;
      }
      List<String> result = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (!item.isValueNode() || item.isNull()) {
          problem(key + "[" + i + "]", "must be a single value");
        } else {
          result.add(item.asText());
        }
      }
      return result;
    }

    Obj obj(String key) {
      JsonNode value = get(key);
      if (value == null) {
        return null;
      }
      if (!value.isObject()) {
        problem(key, "must be a mapping of keys to values");
        return null;
      }
      return new Obj((ObjectNode) value, child(key), label, problems);
    }

    /** Reports the keys nobody asked for. */
    void end() {
      node.fieldNames()
          .forEachRemaining(
              key -> {
                if (!known.contains(key)) {
                  problem(key, "unknown key (known here: " + String.join(", ", known) + ")");
                }
              });
    }

    void problem(String key, String message) {
      problems.add(label + ": " + child(key) + ": " + message);
    }

    private JsonNode get(String key) {
      known.add(key);
      JsonNode value = node.get(key);
      return value == null || value.isNull() ? null : value;
    }

    private String child(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }
}
