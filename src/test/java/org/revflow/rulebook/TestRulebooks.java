package org.revflow.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** The shipped default rulebook, and variants of it made by editing its YAML tree. */
final class TestRulebooks {

  static final String SOURCE = "test.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TestRulebooks() {}

  static String defaultYaml() {
    return resource("/rulebooks/default.yaml");
  }

  private static String resource(String path) {
    try (InputStream in = TestRulebooks.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Rulebook defaultRulebook() {
    return new RulebookLoader().load(defaultYaml(), "classpath:rulebooks/default.yaml");
  }

  /** The default rulebook before working days (2026.1): every rung on its calendar date. */
  static Rulebook calendarDaysRulebook() {
    return new RulebookLoader()
        .load(
            resource("/rulebooks/default-2026.1.yaml"), "classpath:rulebooks/default-2026.1.yaml");
  }

  /** The default rulebook's YAML after an edit of its tree. */
  static String edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) YAML.readTree(defaultYaml());
      edit.accept(root);
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Rulebook load(Consumer<ObjectNode> edit) {
    return new RulebookLoader().load(edited(edit), SOURCE);
  }

  /** Problems reported when loading the edited default rulebook. */
  static List<String> problems(Consumer<ObjectNode> edit) {
    return problemsOf(edited(edit));
  }

  static List<String> problemsOf(String yaml) {
    try {
      new RulebookLoader().load(yaml, SOURCE);
    } catch (InvalidRulebookException e) {
      return e.problems();
    }
    throw new AssertionError("expected the rulebook to be rejected:\n" + yaml);
  }

  /** Sets a value at a dotted path such as {@code steps.SAQ.deadline}. */
  static Consumer<ObjectNode> set(String path, Object value) {
    return root -> {
      ObjectNode parent = parent(root, path);
      String key = last(path);
      if (value instanceof List<?> list) {
        ArrayNode array = parent.putArray(key);
        list.forEach(v -> array.add(String.valueOf(v)));
      } else {
        parent.put(key, String.valueOf(value));
      }
    };
  }

  static Consumer<ObjectNode> remove(String path) {
    return root -> parent(root, path).remove(last(path));
  }

  static Consumer<ObjectNode> rename(String path, String newKey) {
    return root -> {
      ObjectNode parent = parent(root, path);
      JsonNode value = parent.remove(last(path));
      parent.set(newKey, value);
    };
  }

  private static ObjectNode parent(ObjectNode root, String path) {
    ObjectNode node = root;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) node.get(parts[i]);
    }
    return node;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
