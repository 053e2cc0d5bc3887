package org.revflow.rulebook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.revflow.rulebook.Rulebook.Cluster;
import org.revflow.rulebook.Rulebook.CountFrom;
import org.revflow.rulebook.Rulebook.FocalPointLadder;
import org.revflow.rulebook.Rulebook.Ladder;
import org.revflow.rulebook.Rulebook.Repeat;
import org.revflow.rulebook.Rulebook.StepRule;
import org.revflow.rulebook.RulebookDocument.RepeatDoc;
import org.revflow.rulebook.RulebookDocument.StepDoc;
import org.revflow.vocabulary.Step;

/**
 * Turns a {@link RulebookDocument} into a {@link Rulebook}, or rejects it with every problem found.
 * Each problem names the rulebook and the entry and quotes what was written, because the reader is
 * the secretariat editing a file, not a developer reading a stack trace.
 */
public final class RulebookValidator {

  /** The process only has rounds after a clarification request (dialogue) or changes request. */
  static final Set<Step> STEPS_WITH_ROUNDS = EnumSet.of(Step.DIALOGUE, Step.OBSERVATIONS);

  /**
   * Steps that rulebooks written before them do not name, with the step whose rule they take there:
   * in 2026.1 the summary's one month covered its agreement as well.
   */
  static final Map<Step, Step> ADDED_LATER = Map.of(Step.SUMMARY_AGREEMENT, Step.SUMMARY);

  /** The review table's rulebook_version column is VARCHAR(40). */
  static final int MAX_ID_LENGTH = 40;

  static final int PHASES = 4;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  public Rulebook validate(RulebookDocument doc) {
    Problems p = new Problems(doc.label());

    String name = doc.name();
    if (name == null) {
      p.add("name", "missing");
    } else if (!NAME.matcher(name).matches()) {
      p.add(
          "name",
          quote(name)
              + " must be lower-case letters, digits, '-' or '_' (it is part of the id stored on reviews)");
    }
    String version = doc.version();
    if (version == null) {
      p.add("version", "missing");
    } else if (!VERSION.matcher(version).matches()) {
      p.add("version", quote(version) + " must be numbers separated by dots, e.g. \"2026.1\"");
    }
    if (name != null && version != null && (name + "@" + version).length() > MAX_ID_LENGTH) {
      p.add(
          "name",
          "the id '" + name + "@" + version + "' is longer than " + MAX_ID_LENGTH + " characters");
    }

    ZoneId zone = zone(p, doc.zone());
    LocalTime noticeTime = noticeTime(p, doc.noticeTime());
    Map<Step, StepRule> steps = steps(p, doc.steps());
    Ladder ladder = ladder(p, doc.ladder());
    FocalPointLadder focalPointLadder =
        focalPointLadder(p, doc.focalPointLadder(), steps.get(Step.FOCAL_POINT), doc);
    Period nextPhase = period(p, "nextPhaseAfter", doc.nextPhaseAfter(), false);
    Period actionLink = period(p, "actionLinkValidity", doc.actionLinkValidity(), false);
    Period activationLink =
        period(p, "activationLinkValidity", doc.activationLinkValidity(), false);
    List<Cluster> clusters = clusters(p, doc.clusters());
    WorkingCalendar calendar = calendar(p, doc.calendar());
    boolean network = bool(p, "focalPointNetwork", doc.focalPointNetwork(), false);
    // Absent: the next phase took the same reviewing States before this became a setting.
    boolean reuseReviewers =
        bool(p, "reuseReviewersInNextPhase", doc.reuseReviewersInNextPhase(), true);

    if (!p.list.isEmpty()) {
      throw new InvalidRulebookException(doc.source(), p.list);
    }
    return new Rulebook(
        name,
        version,
        doc.description(),
        zone,
        noticeTime,
        steps,
        ladder,
        focalPointLadder,
        nextPhase,
        actionLink,
        activationLink,
        clusters,
        calendar,
        network,
        reuseReviewers);
  }

  /**
   * Absent, the rule of working days is off: rulebooks written before it (2026.1) keep sending on
   * calendar days, as their reviews were told.
   */
  private static WorkingCalendar calendar(Problems p, RulebookDocument.CalendarDoc doc) {
    if (doc == null) {
      return WorkingCalendar.CALENDAR_DAYS;
    }
    boolean workingDaysOnly = bool(p, "calendar.workingDaysOnly", doc.workingDaysOnly(), true);
    java.util.SortedSet<LocalDate> holidays = new java.util.TreeSet<>();
    java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
    if (doc.holidays() != null) {
      for (var entry : doc.holidays().entrySet()) {
        String path = "calendar.holidays." + entry.getKey();
        int year;
        try {
          year = Integer.parseInt(entry.getKey());
        } catch (NumberFormatException e) {
          p.add(path, quote(entry.getKey()) + " must be a year, e.g. 2027");
          continue;
        }
        years.add(year);
        for (int i = 0; i < entry.getValue().size(); i++) {
          String raw = entry.getValue().get(i);
          try {
            LocalDate day = LocalDate.parse(raw);
            if (day.getYear() != year) {
              p.add(path + "[" + i + "]", quote(raw) + " is not in " + year);
            } else if (!holidays.add(day)) {
              p.add(path + "[" + i + "]", quote(raw) + " is listed twice");
            }
          } catch (DateTimeParseException e) {
            p.add(path + "[" + i + "]", quote(raw) + " must be a date such as 2027-12-25");
          }
        }
      }
    }
    return new WorkingCalendar(workingDaysOnly, holidays, years);
  }

  private static boolean bool(Problems p, String path, String raw, boolean absent) {
    if (raw == null) {
      return absent;
    }
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        p.add(path, quote(raw) + " must be true or false");
        yield absent;
      }
    };
  }

  private static ZoneId zone(Problems p, String raw) {
    if (raw == null) {
      p.add("zone", "missing");
      return null;
    }
    try {
      ZoneId zone = ZoneId.of(raw);
      if (zone instanceof ZoneOffset) {
        // A fixed offset ignores summer time, so 09:00 would drift by an hour for half the year.
        p.add("zone", quote(raw) + " must be a region such as Europe/Vienna, not a fixed offset");
        return null;
      }
      return zone;
    } catch (DateTimeException e) {
      p.add("zone", quote(raw) + " is not a known time zone (e.g. Europe/Vienna)");
      return null;
    }
  }

  private static LocalTime noticeTime(Problems p, String raw) {
    if (raw == null) {
      p.add("noticeTime", "missing");
      return null;
    }
    try {
      return LocalTime.parse(raw);
    } catch (DateTimeParseException e) {
      p.add("noticeTime", quote(raw) + " must be a time of day such as \"09:00\"");
      return null;
    }
  }

  private static Map<Step, StepRule> steps(Problems p, Map<String, StepDoc> docs) {
    Map<Step, StepRule> steps = new EnumMap<>(Step.class);
    if (docs == null) {
      p.add("steps", "missing");
      return steps;
    }
    Map<String, Step> byName =
        Arrays.stream(Step.values()).collect(Collectors.toMap(Step::name, s -> s));
    for (var entry : docs.entrySet()) {
      String path = "steps." + entry.getKey();
      Step step = byName.get(entry.getKey());
      if (step == null) {
        p.add(path, "unknown step (steps are " + Arrays.toString(Step.values()) + ")");
        continue;
      }
      StepDoc doc = entry.getValue();
      Period deadline = period(p, path + ".deadline", doc.deadline(), false);
      CountFrom from = countFrom(p, path + ".from", doc.from());
      Period round = null;
      if (STEPS_WITH_ROUNDS.contains(step)) {
        round = period(p, path + ".round", doc.round(), false);
      } else if (doc.round() != null) {
        p.add(path + ".round", "only " + STEPS_WITH_ROUNDS + " have rounds");
      }
      if (deadline != null && from != null) {
        steps.put(step, new StepRule(deadline, from, round));
      }
    }
    for (Step step : Step.values()) {
      Step older = ADDED_LATER.get(step);
      if (!docs.containsKey(step.name()) && older != null && steps.containsKey(older)) {
        steps.put(step, steps.get(older));
      } else if (!docs.containsKey(step.name())) {
        p.add("steps." + step.name(), "missing (every step needs a deadline)");
      }
    }
    return steps;
  }

  private static CountFrom countFrom(Problems p, String path, String raw) {
    if (raw == null) {
      p.add(path, "missing (LAUNCH or STEP_START)");
      return null;
    }
    try {
      return CountFrom.valueOf(raw);
    } catch (IllegalArgumentException e) {
      p.add(path, quote(raw) + " must be LAUNCH or STEP_START");
      return null;
    }
  }

  private static Ladder ladder(Problems p, RulebookDocument.LadderDoc doc) {
    if (doc == null) {
      p.add("ladder", "missing");
      return null;
    }
    List<Period> reminders = new ArrayList<>();
    if (doc.reminders() == null) {
      p.add("ladder.reminders", "missing (write [] for no reminders)");
    } else {
      List<Period> listed = new ArrayList<>();
      for (int i = 0; i < doc.reminders().size(); i++) {
        String path = "ladder.reminders[" + i + "]";
        String raw = doc.reminders().get(i);
        Period reminder = period(p, path, raw, true);
        int repeated = reminder == null ? -1 : listed.indexOf(reminder);
        listed.add(reminder);
        if (repeated >= 0) {
          p.add(path, quote(raw) + " repeats ladder.reminders[" + repeated + "]");
        } else if (reminder != null) {
          reminders.add(reminder);
        }
      }
    }
    // Earliest reminder first, so the sequence of a reminder does not depend on how it was listed.
    reminders.sort(Comparator.comparingInt(Period::getDays).reversed());
    Period overdue = period(p, "ladder.overdue", doc.overdue(), true);
    Repeat escalation =
        repeat(p, "ladder.escalation", doc.escalation(), overdue, "ladder.overdue", doc.overdue());
    if (overdue == null || escalation == null) {
      return null;
    }
    return new Ladder(reminders, overdue, escalation);
  }

  private static FocalPointLadder focalPointLadder(
      Problems p,
      RulebookDocument.FocalPointLadderDoc doc,
      StepRule focalPointStep,
      RulebookDocument whole) {
    if (doc == null) {
      p.add("focalPointLadder", "missing");
      return null;
    }
    Period reminder = period(p, "focalPointLadder.reminder", doc.reminder(), true);
    Period interim = period(p, "focalPointLadder.interim", doc.interim(), true);
    Repeat pending =
        repeat(
            p,
            "focalPointLadder.designationPending",
            doc.designationPending(),
            interim,
            "focalPointLadder.interim",
            doc.interim());
    if (reminder != null
        && focalPointStep != null
        && !fallsBefore(reminder, focalPointStep.deadline())) {
      p.add(
          "focalPointLadder.reminder",
          quote(doc.reminder())
              + " must fall before the focal-point deadline"
              + " (steps.FOCAL_POINT.deadline "
              + quote(whole.steps().get(Step.FOCAL_POINT.name()).deadline())
              + ")");
    }
    if (reminder == null || interim == null || pending == null) {
      return null;
    }
    return new FocalPointLadder(reminder, interim, pending);
  }

  /** Whether start + offset comes before start + deadline whatever the start date (months vary). */
  private static boolean fallsBefore(Period offset, Period deadline) {
    LocalDate start = LocalDate.of(2027, 1, 1);
    for (LocalDate d = start; d.isBefore(start.plusYears(4)); d = d.plusDays(1)) {
      if (!d.plus(offset).isBefore(d.plus(deadline))) {
        return false;
      }
    }
    return true;
  }

  private static Repeat repeat(
      Problems p,
      String path,
      RepeatDoc doc,
      Period previous,
      String previousPath,
      String previousRaw) {
    if (doc == null) {
      p.add(path, "missing");
      return null;
    }
    Period first = period(p, path + ".first", doc.first(), true);
    Period every = period(p, path + ".every", doc.every(), true);
    if (first != null && previous != null && first.getDays() <= previous.getDays()) {
      p.add(
          path + ".first",
          quote(doc.first()) + " must come after " + previousPath + " " + quote(previousRaw));
    }
    return first == null || every == null ? null : new Repeat(first, every);
  }

  private static List<Cluster> clusters(Problems p, Map<String, RulebookDocument.ClusterDoc> docs) {
    List<Cluster> clusters = new ArrayList<>();
    if (docs == null) {
      p.add("clusters", "missing (one per phase, 1 to " + PHASES + ")");
      return clusters;
    }
    for (var entry : docs.entrySet()) {
      String path = "clusters." + entry.getKey();
      int phase = phase(entry.getKey());
      if (phase < 1) {
        p.add(path, "unknown phase (phases are 1 to " + PHASES + ")");
        continue;
      }
      String name = entry.getValue().name();
      if (name == null || name.isBlank()) {
        p.add(path + ".name", "missing");
        continue;
      }
      clusters.add(new Cluster(phase, name.strip(), entry.getValue().articles()));
    }
    for (int phase = 1; phase <= PHASES; phase++) {
      if (!docs.containsKey(Integer.toString(phase))) {
        p.add("clusters." + phase, "missing");
      }
    }
    clusters.sort(Comparator.comparingInt(Cluster::phase));
    return clusters;
  }

  private static int phase(String key) {
    for (int phase = 1; phase <= PHASES; phase++) {
      if (key.equals(Integer.toString(phase))) {
        return phase;
      }
    }
    return -1;
  }

  /**
   * A positive ISO-8601 period. Ladder offsets must be whole days: the rules count them in days
   * (D-30, D+31), and whole days keep "every 30 days" simple arithmetic.
   */
  private static Period period(Problems p, String path, String raw, boolean daysOnly) {
    if (raw == null) {
      p.add(path, "missing");
      return null;
    }
    Period period;
    try {
      period = Period.parse(raw);
    } catch (DateTimeParseException e) {
      p.add(path, quote(raw) + " is not an ISO-8601 period (e.g. P2W, P1M, P30D)");
      return null;
    }
    if (period.isZero() || period.isNegative()) {
      p.add(path, quote(raw) + " must be a positive period");
      return null;
    }
    if (daysOnly && period.toTotalMonths() != 0) {
      p.add(
          path,
          quote(raw) + " must be a number of days or weeks (e.g. P30D): ladder offsets count days");
      return null;
    }
    return period;
  }

  private static String quote(String raw) {
    return "'" + raw + "'";
  }

  private static final class Problems {
    private final String label;
    private final List<String> list = new ArrayList<>();

    Problems(String label) {
      this.label = label;
    }

    void add(String path, String message) {
      list.add(label + ": " + path + ": " + message);
    }
  }
}
