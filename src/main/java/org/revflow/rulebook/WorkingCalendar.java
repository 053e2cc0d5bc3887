package org.revflow.rulebook;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The working days of the UN Office at Vienna, on which the notices of a ladder go out: Monday to
 * Friday except the listed holidays. Deadlines stay calendar dates; only the day a rung is sent
 * moves.
 *
 * @param workingDaysOnly false sends every rung on its calendar date (the rule switched off)
 * @param holidays the listed holidays (rulebook data per year, or a simulation's own list)
 * @param yearsListed the years the rulebook lists holidays for: outside them only weekends count
 */
public record WorkingCalendar(
    boolean workingDaysOnly, SortedSet<LocalDate> holidays, SortedSet<Integer> yearsListed) {

  /** More days off in a row than any calendar has: the holiday list is wrong. */
  private static final int MAX_DAYS_OFF = 60;

  /** Every day is a working day: the rule as it was before rulebook 2027.1. */
  public static final WorkingCalendar CALENDAR_DAYS =
      new WorkingCalendar(false, new TreeSet<>(), new TreeSet<>());

  public WorkingCalendar {
    holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    yearsListed = Collections.unmodifiableSortedSet(new TreeSet<>(yearsListed));
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /**
   * The day a notice dated {@code day} goes out: that day if it is a working day, else the next
   * one.
   */
  public LocalDate sendingDay(LocalDate day) {
    if (!workingDaysOnly) {
      return day;
    }
    LocalDate d = day;
    for (int i = 0; i < MAX_DAYS_OFF; i++) {
      if (isWorkingDay(d)) {
        return d;
      }
      d = d.plusDays(1);
    }
    throw new IllegalStateException(
        "no working day within "
            + MAX_DAYS_OFF
            + " days after "
            + day
            + ": the holiday list leaves no day to send on");
  }

  /**
   * This calendar with another holiday list, which covers whatever years it names: a simulation
   * trying another calendar.
   */
  public WorkingCalendar withHolidays(Set<LocalDate> replacement) {
    SortedSet<Integer> years = new TreeSet<>();
    replacement.forEach(d -> years.add(d.getYear()));
    return new WorkingCalendar(workingDaysOnly, new TreeSet<>(replacement), years);
  }

  /** The first year from {@code from} to {@code until} for which no holiday is listed, if any. */
  public Optional<Integer> firstYearNotListed(LocalDate from, LocalDate until) {
    for (int year = from.getYear(); year <= until.getYear(); year++) {
      if (!yearsListed.contains(year)) {
        return Optional.of(year);
      }
    }
    return Optional.empty();
  }
}
