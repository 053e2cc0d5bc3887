package org.revflow.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeQueries;
import org.revflow.report.StatusReport;
import org.revflow.report.StatusReport.Stage;
import org.revflow.review.ReviewView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: reviews by stage and phase (the status report's chart and counts), what became
 * overdue in the last seven days, reviews waiting for their draw, failed notices, and interim focal
 * points in force.
 */
@Controller
class DashboardPage {

  /**
   * Days before its date when a planned review without reviewing States is flagged (the workplan's
   * draw notice).
   */
  static final int DRAW_HORIZON_DAYS = 30;

  private final ConsoleReports reports;
  private final ConsoleReviews reviews;
  private final ConsoleNotices notices;
  private final ConsoleRegistry registry;

  DashboardPage(
      ConsoleReports reports,
      ConsoleReviews reviews,
      ConsoleNotices notices,
      ConsoleRegistry registry) {
    this.reports = reports;
    this.reviews = reviews;
    this.notices = notices;
    this.registry = registry;
  }

  /** One row of the counts table: a stage, its count per phase, and in all. */
  record CountRow(Stage stage, List<Integer> perPhase, int total) {}

  /** A step that became overdue in the last seven days. */
  record Overdue(
      String reviewId,
      String step,
      String state,
      String stateName,
      LocalDate due,
      long daysOverdue) {}

  /**
   * A planned review that needs its draw: waiting already, or due within {@link #DRAW_HORIZON_DAYS}
   * days without reviewers.
   */
  record DrawNeeded(
      String reviewId,
      String underReview,
      String name,
      int phase,
      LocalDate plannedOn,
      boolean waiting) {}

  /** A permanent representative acting as interim focal point. */
  record Interim(String reviewId, String state, String stateName, String permanentRepresentative) {}

  @GetMapping("/console/")
  String dashboard(Model model) {
    StatusReport report = reports.today();
    LocalDate today = report.asOf();
    List<Integer> phases = List.copyOf(report.counts().byPhaseAndStage().keySet());
    List<CountRow> counts = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      List<Integer> perPhase =
          phases.stream()
              .map(
                  p ->
                      report
                          .counts()
                          .byPhaseAndStage()
                          .getOrDefault(p, Map.of())
                          .getOrDefault(stage, 0))
              .toList();
      int total = report.counts().byStage().getOrDefault(stage, 0);
      if (total > 0) {
        counts.add(new CountRow(stage, perPhase, total));
      }
    }
    List<Overdue> overdue = new ArrayList<>();
    List<Interim> interims = new ArrayList<>();
    for (StatusReport.ReviewStatus r : report.reviews()) {
      for (StatusReport.OpenStep s : r.openSteps()) {
        if (s.daysOverdue() >= 1 && s.daysOverdue() <= 7) {
          overdue.add(
              new Overdue(
                  r.id(), s.step(), s.state(), registry.name(s.state()), s.due(), s.daysOverdue()));
        }
      }
      if (r.stage() != Stage.COMPLETED && r.stage() != Stage.NOT_STARTED) {
        for (StatusReport.FocalPoint f : r.focalPoints()) {
          if (f.interim()) {
            interims.add(new Interim(r.id(), f.state(), registry.name(f.state()), f.name()));
          }
        }
      }
    }
    overdue.sort(Comparator.comparing(Overdue::daysOverdue).thenComparing(Overdue::reviewId));
    List<DrawNeeded> draws = new ArrayList<>();
    for (ReviewView r : reviews.planned()) {
      boolean waiting = "WAITING_FOR_DRAW".equals(r.status());
      boolean soonWithoutReviewers =
          r.participants().stream().noneMatch(p -> "REVIEWER".equals(p.role()))
              && !r.launchDate().isAfter(today.plusDays(DRAW_HORIZON_DAYS));
      if (waiting || soonWithoutReviewers) {
        draws.add(
            new DrawNeeded(
                r.id(),
                r.underReview(),
                registry.name(r.underReview()),
                r.phase(),
                r.launchDate(),
                waiting));
      }
    }
    model.addAttribute("report", report);
    model.addAttribute("chart", reports.chart(report));
    model.addAttribute("phases", phases);
    model.addAttribute("counts", counts);
    model.addAttribute("overdue", overdue);
    model.addAttribute("draws", draws);
    model.addAttribute("interims", interims);
    model.addAttribute("failedCount", notices.failed());
    model.addAttribute(
        "failed",
        notices
            .search(new NoticeQueries.Search(null, null, null, null, Notice.Status.FAILED), 0, 5)
            .getContent());
    return "console/dashboard";
  }
}
