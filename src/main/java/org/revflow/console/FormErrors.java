package org.revflow.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form's refusals, by field (the control's id), in the order a reader meets them. The services'
 * refusals say which field they concern in their wording ("needs a 'reason'", "unknown State
 * 'XYZ'"); {@link #refusal} places each next to that field, and anything else at the form's first
 * field, so that no refusal goes unsaid.
 */
final class FormErrors {

  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");
  private static final Pattern UNKNOWN_STATE = Pattern.compile("unknown State '([^']*)'");

  private final Map<String, String> byField = new LinkedHashMap<>();

  void add(String field, String message) {
    byField.merge(field, message, (a, b) -> a + " " + b);
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  Map<String, String> asMap() {
    return byField;
  }

  /**
   * Bean Validation's findings on a command, by the path of each field ({@code person.email}
   * becomes {@code person-email}).
   */
  <T> void validate(Validator validator, T command, Function<String, String> fieldOfPath) {
    for (ConstraintViolation<T> v : validator.validate(command)) {
      String path = v.getPropertyPath().toString();
      add(fieldOfPath.apply(path), label(path) + " " + v.getMessage());
    }
  }

  /**
   * A service's refusal placed next to its field: a quoted field name of the form, else the field
   * holding the unknown State it names, else {@code fallback}.
   *
   * @param fields the form's fields by the names the services use for them
   * @param values the form's values, to find which field holds a State the refusal names
   */
  void refusal(
      String message, Map<String, String> fields, Map<String, String> values, String fallback) {
    Matcher unknown = UNKNOWN_STATE.matcher(message);
    if (unknown.find()) {
      String code = unknown.group(1);
      for (var v : values.entrySet()) {
        if (v.getValue() != null && v.getValue().toUpperCase(Locale.ROOT).contains(code)) {
          add(v.getKey(), message);
          return;
        }
      }
    }
    // A refusal naming a State typed in a field ("XYZ is not a reviewing State") belongs to that
    // field.
    for (var v : values.entrySet()) {
      for (String code : codes(v.getValue())) {
        if (code.matches("[A-Z]{3}")
            && Pattern.compile("\\b" + code + "\\b").matcher(message).find()) {
          add(v.getKey(), message);
          return;
        }
      }
    }
    Matcher quoted = QUOTED.matcher(message);
    while (quoted.find()) {
      String field = fields.get(quoted.group(1));
      if (field != null) {
        add(field, message);
        return;
      }
    }
    for (var f : fields.entrySet()) {
      if (message.contains(f.getKey() + " ") || message.contains(" " + f.getKey())) {
        add(f.getValue(), message);
        return;
      }
    }
    add(fallback, message);
  }

  /**
   * A date typed into a form (yyyy-mm-dd, as date inputs send it); null when empty, an error when
   * not a date.
   */
  LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      add(field, "'" + value + "' is not a date such as 2027-01-04.");
      return null;
    }
  }

  /** State codes typed as a list ("DEU KEN", "deu, ken"); upper case. */
  static List<String> codes(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.strip().toUpperCase(Locale.ROOT).split("[\\s,;]+"));
  }

  /** A form's values by field, in the form's order (nulls as empty). */
  static Map<String, String> values(String... fieldsAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      values.put(fieldsAndValues[i], fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1]);
    }
    return values;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String label(String path) {
    return path.isEmpty() ? "" : "'" + path + "'";
  }
}
