package org.revflow.console;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revflow.review.ReviewCommands;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;

/**
 * The form for recording an event: which fields each event type takes (as the API's table in
 * docs/api.md gives them), and the form as typed turned into the API's command. Blank fields are
 * absent; a field the type does not take, if sent anyway, reaches the review service, which refuses
 * it as it refuses it from the API.
 */
final class EventForm {

  /** A field of the form: its control's id and whether the type needs it. */
  record Field(String id, boolean required) {}

  /** Which States a {@code state} field offers. */
  enum States {
    PARTICIPATING,
    REVIEWING
  }

  /**
   * The event types the secretariat records here (launch and workplan events have pages of their
   * own).
   */
  static final List<EventType> RECORDABLE =
      List.of(
          EventType.FOCAL_POINT_DESIGNATED,
          EventType.FOCAL_POINT_ENDED,
          EventType.EXPERTS_DESIGNATED,
          EventType.PRELIMINARY_CONSULTATION_HELD,
          EventType.SAQ_CLEARED,
          EventType.TRANSLATION_DONE,
          EventType.FEEDBACK_CLEARED,
          EventType.CLARIFICATION_REQUESTED,
          EventType.CLARIFICATION_ANSWERED,
          EventType.DIALOGUE_CLOSED,
          EventType.OBSERVATIONS_CLEARED,
          EventType.OBSERVATIONS_AGREED,
          EventType.CHANGES_REQUESTED,
          EventType.SUMMARY_CLEARED,
          EventType.SUMMARY_AGREED,
          EventType.FINALISED,
          EventType.REVIEW_ON_HOLD,
          EventType.REVIEW_RESUMED,
          EventType.DEADLINE_EXTENDED,
          EventType.REVIEWER_REPLACED,
          EventType.INTERIM_ROLE_ACKNOWLEDGED);

  private static final Map<EventType, List<Field>> FIELDS = new EnumMap<>(EventType.class);

  static {
    Field state = new Field("state", true);
    Field optionalState = new Field("state", false);
    Field reason = new Field("reason", true);
    FIELDS.put(
        EventType.FOCAL_POINT_DESIGNATED,
        List.of(
            state,
            new Field("person-name", true),
            new Field("person-email", true),
            new Field("person-language", true),
            new Field("person-timeZone", false)));
    FIELDS.put(EventType.FOCAL_POINT_ENDED, List.of(state, reason));
    FIELDS.put(EventType.EXPERTS_DESIGNATED, List.of(state, new Field("experts", false)));
    FIELDS.put(EventType.FEEDBACK_CLEARED, List.of(state));
    FIELDS.put(EventType.OBSERVATIONS_CLEARED, List.of(state));
    FIELDS.put(EventType.SUMMARY_CLEARED, List.of(state));
    FIELDS.put(EventType.CLARIFICATION_REQUESTED, List.of(optionalState));
    FIELDS.put(EventType.CLARIFICATION_ANSWERED, List.of(optionalState));
    FIELDS.put(EventType.CHANGES_REQUESTED, List.of(new Field("reason", false)));
    FIELDS.put(
        EventType.DEADLINE_EXTENDED,
        List.of(new Field("step", true), optionalState, new Field("newDue", true), reason));
    FIELDS.put(
        EventType.REVIEWER_REPLACED,
        List.of(
            new Field("instrument", true),
            new Field("oldState", true),
            new Field("newState", true),
            reason));
    FIELDS.put(EventType.INTERIM_ROLE_ACKNOWLEDGED, List.of(state));
  }

  private EventForm() {}

  /** The fields of a type, before the note verbale's reference and date every type takes. */
  static List<Field> fields(EventType type) {
    return FIELDS.getOrDefault(type, List.of());
  }

  static States statesFor(EventType type) {
    return switch (type) {
      case FEEDBACK_CLEARED,
          OBSERVATIONS_CLEARED,
          SUMMARY_CLEARED,
          CLARIFICATION_REQUESTED,
          CLARIFICATION_ANSWERED ->
          States.REVIEWING;
      default -> States.PARTICIPATING;
    };
  }

  /** The form as posted: every field the form can carry, whatever the type. */
  record Posted(
      String type,
      String state,
      String step,
      String on,
      String reference,
      String reason,
      String newDue,
      String instrument,
      String oldState,
      String newState,
      String personName,
      String personEmail,
      String personLanguage,
      String personTimeZone,
      String experts) {

    /** The values by field id, to show the form again as typed. */
    Map<String, String> values() {
      Map<String, String> v = new LinkedHashMap<>();
      v.put("state", state);
      v.put("step", step);
      v.put("on", on);
      v.put("reference", reference);
      v.put("reason", reason);
      v.put("newDue", newDue);
      v.put("instrument", instrument);
      v.put("oldState", oldState);
      v.put("newState", newState);
      v.put("person-name", personName);
      v.put("person-email", personEmail);
      v.put("person-language", personLanguage);
      v.put("person-timeZone", personTimeZone);
      v.put("experts", experts);
      v.replaceAll((k, x) -> x == null ? "" : x);
      return v;
    }
  }

  /**
   * The command the API would get; what cannot be read is said in {@code errors} (and null
   * returned).
   */
  static ReviewCommands.RecordEvent command(EventType type, Posted p, FormErrors errors) {
    Step step = null;
    if (FormErrors.blankToNull(p.step()) != null) {
      try {
        step = Step.valueOf(p.step().strip());
      } catch (IllegalArgumentException e) {
        errors.add("step", "'" + p.step() + "' is not a step.");
      }
    }
    ReviewCommands.Instrument instrument = null;
    if (FormErrors.blankToNull(p.instrument()) != null) {
      try {
        instrument =
            ReviewCommands.Instrument.valueOf(p.instrument().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            "instrument",
            "'" + p.instrument() + "' is not an instrument (UNTOC, TIP, SOM, FIREARMS).");
      }
    }
    var on = errors.date("on", p.on());
    var newDue = errors.date("newDue", p.newDue());
    ReviewCommands.Person person = null;
    if (FormErrors.blankToNull(p.personName()) != null
        || FormErrors.blankToNull(p.personEmail()) != null
        || FormErrors.blankToNull(p.personLanguage()) != null) {
      person =
          new ReviewCommands.Person(
              FormErrors.blankToNull(p.personName()),
              FormErrors.blankToNull(p.personEmail()),
              FormErrors.blankToNull(p.personLanguage()),
              FormErrors.blankToNull(p.personTimeZone()));
    }
    List<ReviewCommands.Person> experts = experts(p.experts(), errors);
    // What is missing or does not fit the review is the review service's to say (as for the API):
    // only what cannot be read as a date, step or instrument stops here.
    if (!errors.isEmpty()) {
      return null;
    }
    return new ReviewCommands.RecordEvent(
        type,
        code(p.state()),
        step,
        on,
        FormErrors.blankToNull(p.reference()),
        FormErrors.blankToNull(p.reason()),
        newDue,
        instrument,
        code(p.oldState()),
        code(p.newState()),
        person,
        experts);
  }

  /** One expert a line: {@code name; email; language[; time zone]}. */
  static List<ReviewCommands.Person> experts(String typed, FormErrors errors) {
    if (FormErrors.blankToNull(typed) == null) {
      return null;
    }
    List<ReviewCommands.Person> out = new ArrayList<>();
    int n = 0;
    for (String line : typed.split("\\R")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(";");
      if (parts.length < 3 || parts.length > 4) {
        errors.add(
            "experts",
            "Line "
                + n
                + " should read: name; email; language (e.g. Ana Ruiz; ana@mrree.example; es).");
        continue;
      }
      out.add(
          new ReviewCommands.Person(
              parts[0].strip(),
              parts[1].strip(),
              parts[2].strip().toLowerCase(Locale.ROOT),
              parts.length == 4 ? FormErrors.blankToNull(parts[3]) : null));
    }
    return out.isEmpty() ? null : out;
  }

  /** Where a Bean Validation finding on the command belongs. */
  static String fieldOf(String path) {
    if (path.startsWith("person.")) {
      return "person-" + path.substring("person.".length());
    }
    if (path.startsWith("experts")) {
      return "experts";
    }
    return path.isEmpty() ? "event" : path;
  }

  /**
   * The words a service's refusal uses for the form's fields: quoted names ('state', 'person',
   * 'old'), and phrases ("event date").
   */
  static Map<String, String> serviceNames(EventType type) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("state", "state");
    all.put("person", "person-name");
    all.put("reason", "reason");
    all.put("step", "step");
    all.put("newDue", "newDue");
    all.put("new deadline", "newDue");
    all.put("instrument", "instrument");
    all.put("old", "oldState");
    all.put("oldState", "oldState");
    all.put("new", "newState");
    all.put("newState", "newState");
    all.put("experts", "experts");
    all.put("event date", "on");
    all.put("resume date", "on");
    List<String> present = new ArrayList<>(fields(type).stream().map(Field::id).toList());
    present.add("on");
    all.values().removeIf(f -> !present.contains(f));
    return all;
  }

  private static String code(String s) {
    String c = FormErrors.blankToNull(s);
    return c == null ? null : c.toUpperCase(Locale.ROOT);
  }
}
