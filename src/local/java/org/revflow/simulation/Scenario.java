package org.revflow.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.revflow.registry.Language;
import org.revflow.review.ReviewCommands;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;

/**
 * A simulation scenario (shared/docs/scenarios.md): parsed strictly, checked before anything runs.
 */
public record Scenario(
    LocalDate start,
    LocalDate until,
    String rulebook,
    ScenarioReview review,
    List<Contact> contacts,
    List<Event> events,
    Calendar calendar,
    Boolean digest) {

  /** Replaces the rulebook's holiday list for this run (weekends are never working days). */
  public record Calendar(List<LocalDate> holidays) {}

  public record ScenarioReview(
      String underReview, Integer phase, Map<String, List<String>> reviewers) {}

  public record Contact(
      String state, String role, String name, String email, String language, String timeZone) {}

  public record Person(String name, String email, String language, String timeZone) {}

  public record Event(
      LocalDate on,
      String type,
      String state,
      String step,
      LocalDate newDue,
      String reason,
      String reference,
      String instrument,
      String old,
      @JsonProperty("new") String newState,
      Person person,
      List<Person> experts) {}

  /** One thing wrong with a scenario; {@code index} is the event's position (0-based), or null. */
  public record Problem(Integer index, String reason) {}

  public static final class InvalidScenarioException extends RuntimeException {
    private final List<Problem> problems;

    InvalidScenarioException(List<Problem> problems) {
      super(
          "invalid scenario: "
              + problems.stream()
                  .map(p -> (p.index() == null ? "" : "event " + p.index() + ": ") + p.reason())
                  .toList());
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // The same strictness as the API's own bodies (config/StrictApiInput).
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(
              new com.fasterxml.jackson.databind.module.SimpleModule("scenario-strings")
                  .addDeserializer(String.class, new org.revflow.config.PlainTextDeserializer()))
          .build();

  private static final Set<String> ROLES =
      Set.of("PERMANENT_REPRESENTATIVE", "FOCAL_POINT", "SECRETARIAT");

  /** Parses and checks a scenario; every problem found is reported at once, with event indexes. */
  public static Scenario parse(String json, Predicate<String> knownState) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      throw new InvalidScenarioException(
          List.of(new Problem(null, "not valid JSON: " + getOriginalMessage(e))));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidScenarioException(List.of(new Problem(null, "a scenario is a JSON object")));
    }
    JsonNode eventsNode = root.path("events");
    Scenario head;
    try {
      var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) root.deepCopy());
      copy.remove("events");
      head = JSON.treeToValue(copy, Scenario.class);
    } catch (Exception e) {
      throw new InvalidScenarioException(List.of(new Problem(null, message(e))));
    }
    List<Event> events = new ArrayList<>();
    if (!eventsNode.isMissingNode() && !eventsNode.isArray()) {
      problems.add(new Problem(null, "'events' must be a list"));
    } else {
      for (int i = 0; i < eventsNode.size(); i++) {
        try {
          events.add(JSON.treeToValue(eventsNode.get(i), Event.class));
        } catch (Exception e) {
          problems.add(new Problem(i, message(e)));
          events.add(null);
        }
      }
    }
    Scenario s =
        new Scenario(
            head.start(),
            head.until(),
            head.rulebook(),
            head.review(),
            head.contacts() == null ? List.of() : head.contacts(),
            events,
            head.calendar(),
            head.digest());
    s.check(problems, knownState);
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(problems);
    }
    return s;
  }

  private static String message(Exception e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'";
    }
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      return j.getOriginalMessage();
    }
    return e.getMessage();
  }

  private static String getOriginalMessage(Exception e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j
        ? j.getOriginalMessage()
        : e.getMessage();
  }

  private void check(List<Problem> problems, Predicate<String> knownState) {
    if (start == null) problems.add(new Problem(null, "'start' (the launch date) is required"));
    if (until == null) problems.add(new Problem(null, "'until' is required"));
    if (start != null && until != null && !until.isAfter(start)) {
      problems.add(new Problem(null, "'until' must lie after 'start'"));
    }
    if (start != null && until != null && until.isAfter(start.plusYears(5))) {
      problems.add(new Problem(null, "a simulation covers at most five years"));
    }
    if (calendar != null && calendar.holidays() == null) {
      problems.add(
          new Problem(null, "'calendar' needs 'holidays' (a list of dates, may be empty)"));
    }
    Set<String> participants = new LinkedHashSet<>();
    if (review == null
        || review.underReview() == null
        || review.phase() == null
        || review.reviewers() == null
        || review.reviewers().isEmpty()) {
      problems.add(new Problem(null, "'review' needs 'underReview', 'phase' and 'reviewers'"));
    } else {
      state(problems, null, "review.underReview", review.underReview(), knownState);
      participants.add(review.underReview());
      if (review.phase() < 1 || review.phase() > 4) {
        problems.add(new Problem(null, "review.phase must be 1 to 4"));
      }
      review
          .reviewers()
          .forEach(
              (instrument, states) -> {
                if (!instrumentKnown(instrument)) {
                  problems.add(
                      new Problem(
                          null,
                          "unknown instrument '" + instrument + "' (UNTOC, TIP, SOM, FIREARMS)"));
                }
                for (String st : states == null ? List.<String>of() : states) {
                  state(problems, null, "reviewer", st, knownState);
                  participants.add(st);
                }
              });
    }
    for (Contact c : contacts) {
      if (c == null || c.role() == null || !ROLES.contains(c.role())) {
        problems.add(new Problem(null, "contact role must be one of " + ROLES));
        continue;
      }
      if (!"SECRETARIAT".equals(c.role())) {
        state(problems, null, "contact state", c.state(), knownState);
      }
      person(problems, null, "contact", c.name(), c.email(), c.language(), c.timeZone());
    }
    LocalDate previous = start;
    Set<String> reviewing = new LinkedHashSet<>(participants);
    if (review != null && review.underReview() != null) {
      reviewing.remove(review.underReview());
    }
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (e == null) {
        continue;
      }
      if (e.on() == null) {
        problems.add(new Problem(i, "'on' is required"));
        continue;
      }
      if (previous != null && e.on().isBefore(previous)) {
        problems.add(
            new Problem(
                i, "events must be in date order (" + e.on() + " is before " + previous + ")"));
      }
      previous = e.on();
      if (until != null && e.on().isAfter(until)) {
        problems.add(new Problem(i, e.on() + " lies after 'until'"));
      }
      EventType type;
      try {
        type = EventType.valueOf(String.valueOf(e.type()));
      } catch (IllegalArgumentException unknown) {
        problems.add(new Problem(i, "unknown event type '" + e.type() + "'"));
        continue;
      }
      if (type == EventType.REVIEW_LAUNCHED) {
        problems.add(new Problem(i, "the launch is the scenario's 'start', not an event"));
      }
      if (e.state() != null) {
        state(problems, i, "state", e.state(), knownState);
      }
      // The same limits as the API's (review_event.reference and the reason in its details).
      if (e.reference() != null && e.reference().length() > 200) {
        problems.add(new Problem(i, "'reference' is longer than 200 characters"));
      }
      if (e.reason() != null && e.reason().length() > 1000) {
        problems.add(new Problem(i, "'reason' is longer than 1000 characters"));
      }
      boolean needsState =
          EnumSet.of(
                  EventType.FOCAL_POINT_DESIGNATED,
                  EventType.FOCAL_POINT_ENDED,
                  EventType.EXPERTS_DESIGNATED,
                  EventType.FEEDBACK_CLEARED,
                  EventType.OBSERVATIONS_CLEARED,
                  EventType.SUMMARY_CLEARED,
                  EventType.INTERIM_ROLE_ACKNOWLEDGED)
              .contains(type);
      if (needsState && e.state() == null) {
        problems.add(new Problem(i, type + " needs 'state'"));
      }
      if (type == EventType.FOCAL_POINT_ENDED && (e.reason() == null || e.reason().isBlank())) {
        problems.add(new Problem(i, "FOCAL_POINT_ENDED needs a 'reason'"));
      }
      if (type == EventType.FOCAL_POINT_DESIGNATED) {
        if (e.person() == null) {
          problems.add(new Problem(i, "FOCAL_POINT_DESIGNATED needs 'person'"));
        } else {
          person(
              problems,
              i,
              "person",
              e.person().name(),
              e.person().email(),
              e.person().language(),
              e.person().timeZone());
        }
      }
      if (type == EventType.DEADLINE_EXTENDED) {
        if (e.step() == null || e.newDue() == null) {
          problems.add(new Problem(i, "DEADLINE_EXTENDED needs 'step' and 'newDue'"));
        } else {
          try {
            Step.valueOf(e.step());
          } catch (IllegalArgumentException bad) {
            problems.add(new Problem(i, "unknown step '" + e.step() + "'"));
          }
          if (!e.newDue().isAfter(e.on())) {
            problems.add(new Problem(i, "'newDue' must lie after the event's date"));
          }
        }
        if (e.reason() == null || e.reason().isBlank()) {
          problems.add(new Problem(i, "DEADLINE_EXTENDED needs a 'reason'"));
        }
      }
      if (type == EventType.REVIEWER_REPLACED) {
        if (e.instrument() == null
            || e.old() == null
            || e.newState() == null
            || e.reason() == null) {
          problems.add(
              new Problem(i, "REVIEWER_REPLACED needs 'instrument', 'old', 'new' and 'reason'"));
        } else {
          if (!instrumentKnown(e.instrument())) {
            problems.add(new Problem(i, "unknown instrument '" + e.instrument() + "'"));
          }
          state(problems, i, "old", e.old(), knownState);
          state(problems, i, "new", e.newState(), knownState);
        }
      }
    }
  }

  private static boolean instrumentKnown(String instrument) {
    try {
      ReviewCommands.Instrument.valueOf(instrument);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static void state(
      List<Problem> problems,
      Integer index,
      String field,
      String code,
      Predicate<String> knownState) {
    if (code == null || !code.matches("[A-Z]{3}") || !knownState.test(code)) {
      problems.add(new Problem(index, "unknown State '" + code + "' in " + field));
    }
  }

  private static void person(
      List<Problem> problems,
      Integer index,
      String field,
      String name,
      String email,
      String language,
      String timeZone) {
    if (name == null || name.isBlank()) {
      problems.add(new Problem(index, field + ": 'name' is required"));
    } else if (name.length() > 200) {
      problems.add(new Problem(index, field + ": 'name' is longer than 200 characters"));
    }
    if (email == null || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new Problem(index, field + ": invalid email '" + email + "'"));
    }
    try {
      Language.fromCode(language);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(index, field + ": " + e.getMessage()));
    }
    if (timeZone != null) {
      try {
        java.time.ZoneId.of(timeZone);
      } catch (java.time.DateTimeException e) {
        problems.add(new Problem(index, field + ": unknown time zone '" + timeZone + "'"));
      }
    }
  }

  /** The State codes taking part, reviewed State first. */
  public List<String> participants() {
    Set<String> all = new LinkedHashSet<>();
    all.add(review.underReview());
    review.reviewers().values().forEach(all::addAll);
    return List.copyOf(all);
  }
}
