package org.revflow.rulebook;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.revflow.notification.NoticeKind;
import org.revflow.review.Step;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in until the rulebook branch lands (hard-coded default rulebook values). */
@Component
public class DeadlinePlanner {

  public LocalDate dueDate(Rulebook rb, Step step, LocalDate launchDate, LocalDate startedOn) {
    return switch (step) {
      case FOCAL_POINT -> launchDate.plusWeeks(2);
      case EXPERTS -> launchDate.plusWeeks(4);
      case PRELIMINARY_CONSULTATION -> launchDate.plusMonths(1);
      case SAQ -> launchDate.plusMonths(6);
      case TRANSLATION -> startedOn.plusMonths(1);
      case FEEDBACK -> startedOn.plusMonths(6);
      case DIALOGUE -> startedOn.plusMonths(2);
      case OBSERVATIONS -> startedOn.plusMonths(3);
      case OBSERVATIONS_AGREEMENT -> startedOn.plusMonths(2);
      case SUMMARY -> startedOn.plusMonths(1);
      case FINALISATION -> startedOn.plusMonths(3);
    };
  }

  public LocalDate roundDueDate(Rulebook rb, Step step, LocalDate requestedOn) {
    return step == Step.DIALOGUE ? requestedOn.plusMonths(2) : requestedOn.plusMonths(1);
  }

  public LocalDate nextPhaseStart(Rulebook rb, LocalDate launchDate) {
    return launchDate.plus(Period.ofMonths(24));
  }

  public LocalDate actionLinkExpiry(Rulebook rb, LocalDate due) {
    return due.plusDays(30);
  }

  public ZonedDateTime sendAt(Rulebook rb, LocalDate rungDate) {
    return ZonedDateTime.of(rungDate, LocalTime.of(9, 0), ZoneId.of("Europe/Vienna"));
  }

  public Optional<Rung> nextRung(Rulebook rb, LadderInput in) {
    if (in.onHold() || in.paused()) {
      return Optional.empty();
    }
    LocalDate horizon = in.due().plusDays(400);
    if (in.after() != null && in.after().date().isAfter(horizon.minusDays(60))) {
      horizon = in.after().date().plusDays(400);
    }
    return ladder(rb, in, horizon).stream().findFirst();
  }

  public List<Rung> ladder(Rulebook rb, LadderInput in, LocalDate until) {
    List<Rung> all = new ArrayList<>();
    LocalDate d = in.due();
    if (in.step() == Step.FOCAL_POINT) {
      all.add(new Rung(NoticeKind.FOCAL_POINT_REMINDER, in.startedOn().plusDays(7), 0));
      all.add(new Rung(NoticeKind.INTERIM_FOCAL_POINT_IN_FORCE, d.plusDays(1), 0));
      all.add(new Rung(NoticeKind.INTERIM_FOCAL_POINT_INFO, d.plusDays(1), 0));
      for (int i = 0; !d.plusDays(31 + 30L * i).isAfter(until); i++) {
        all.add(new Rung(NoticeKind.DESIGNATION_PENDING, d.plusDays(31 + 30L * i), i));
      }
    } else {
      all.add(new Rung(NoticeKind.REMINDER, d.minusDays(30), 0));
      all.add(new Rung(NoticeKind.REMINDER, d.minusDays(7), 1));
      all.add(new Rung(NoticeKind.OVERDUE, d.plusDays(1), 0));
      for (int i = 0; !d.plusDays(31 + 30L * i).isAfter(until); i++) {
        all.add(new Rung(NoticeKind.ESCALATION, d.plusDays(31 + 30L * i), i));
      }
    }
    Comparator<Rung> order = Comparator.comparing(Rung::date).thenComparing(r -> r.kind().ordinal());
    return all.stream()
        .filter(r -> !r.date().isAfter(until))
        .filter(r -> !r.date().isBefore(in.startedOn()))
        .filter(r -> in.floorExclusive() == null || r.date().isAfter(in.floorExclusive()))
        .filter(r -> in.after() == null || order.compare(r, in.after()) > 0)
        .sorted(order)
        .toList();
  }

  static long days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }
}
