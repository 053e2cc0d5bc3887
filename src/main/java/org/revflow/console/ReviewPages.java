package org.revflow.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeQueries.NoticeRow;
import org.revflow.registry.DesignationView;
import org.revflow.registry.RegistryException;
import org.revflow.report.StatusReport;
import org.revflow.report.StatusReport.Stage;
import org.revflow.review.ReviewView;
import org.revflow.simulation.PreviewService.PlannedNotice;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The list of reviews with its filters, and one review's page. */
@Controller
class ReviewPages {

  /** How far ahead a review's page shows the notices planned. */
  static final int PREVIEW_DAYS = 120;

  private final ConsoleReviews reviews;
  private final ConsoleReports reports;
  private final ConsoleNotices notices;
  private final ConsoleRegistry registry;
  private final ConsoleProperties properties;
  private final MessageSource messages;
  private final java.time.ZoneId zone;

  ReviewPages(
      ConsoleReviews reviews,
      ConsoleReports reports,
      ConsoleNotices notices,
      ConsoleRegistry registry,
      ConsoleProperties properties,
      MessageSource messages,
      org.revflow.config.RevFlowProperties revflow) {
    this.zone = revflow.zone();
    this.reviews = reviews;
    this.reports = reports;
    this.notices = notices;
    this.registry = registry;
    this.properties = properties;
    this.messages = messages;
  }

  /** The list's filters, as the query string gives them; all optional. */
  record Filter(
      String state,
      Integer phase,
      Integer group,
      Stage stage,
      Boolean overdue,
      Boolean onHold,
      Boolean interim,
      Integer page) {

    public boolean any() {
      return (state != null && !state.isBlank())
          || phase != null
          || group != null
          || stage != null
          || Boolean.TRUE.equals(overdue)
          || Boolean.TRUE.equals(onHold)
          || Boolean.TRUE.equals(interim);
    }
  }

  /** One row of the list: where a review stands today. */
  record Row(
      String id,
      String underReview,
      String name,
      int phase,
      Integer group,
      Stage stage,
      LocalDate nextDue,
      String nextStep,
      String nextState,
      long daysOverdue,
      boolean onHold,
      boolean interim,
      int openSteps) {}

  @GetMapping("/console/reviews")
  String list(
      @ModelAttribute("filter") Filter filter,
      BindingResult binding,
      HttpServletRequest request,
      Model model) {
    if (binding.hasErrors()) {
      model.addAttribute(
          "filterError",
          binding.getFieldErrors().stream()
              .map(e -> "'" + e.getRejectedValue() + "' is not a valid " + e.getField())
              .toList());
      filter = new Filter(null, null, null, null, null, null, null, null);
      model.addAttribute("filter", filter);
    }
    StatusReport report = reports.today();
    String state =
        filter.state() == null || filter.state().isBlank()
            ? null
            : filter.state().strip().toUpperCase(Locale.ROOT);
    List<Row> rows = new ArrayList<>();
    TreeSet<String> states = new TreeSet<>();
    for (StatusReport.ReviewStatus r : report.reviews()) {
      states.add(r.underReview());
      r.focalPoints().forEach(f -> states.add(f.state()));
      boolean interim =
          r.focalPoints().stream().anyMatch(StatusReport.FocalPoint::interim)
              && r.stage() != Stage.COMPLETED
              && r.stage() != Stage.NOT_STARTED;
      if (state != null
          && !r.underReview().equals(state)
          && r.focalPoints().stream().noneMatch(f -> f.state().equals(state))) {
        continue;
      }
      if ((filter.phase() != null && r.phase() != filter.phase())
          || (filter.group() != null && !filter.group().equals(r.group()))
          || (filter.stage() != null && r.stage() != filter.stage())
          || (Boolean.TRUE.equals(filter.overdue()) && r.maxDaysOverdue() == 0)
          || (Boolean.TRUE.equals(filter.onHold()) && !r.onHold())
          || (Boolean.TRUE.equals(filter.interim()) && !interim)) {
        continue;
      }
      StatusReport.OpenStep next =
          r.openSteps().stream().min(Comparator.comparing(StatusReport.OpenStep::due)).orElse(null);
      rows.add(
          new Row(
              r.id(),
              r.underReview(),
              registry.name(r.underReview()),
              r.phase(),
              r.group(),
              r.stage(),
              next == null ? null : next.due(),
              next == null ? null : next.step(),
              next == null ? null : next.state(),
              r.maxDaysOverdue(),
              r.onHold(),
              interim,
              r.openSteps().size()));
    }
    int size = properties.pageSize();
    int page = filter.page() == null || filter.page() < 0 ? 0 : filter.page();
    int from = Math.min(page * size, rows.size());
    var shown =
        new PageImpl<>(
            rows.subList(from, Math.min(from + size, rows.size())),
            PageRequest.of(page, size),
            rows.size());
    Map<String, String> stateOptions = new TreeMap<>();
    states.forEach(s -> stateOptions.put(s, registry.name(s)));
    model.addAttribute("rows", shown.getContent());
    model.addAttribute("pages", Pages.of(shown, ServletUriComponentsBuilder.fromRequest(request)));
    model.addAttribute("stages", Stage.values());
    model.addAttribute(
        "states", stateOptions.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList());
    model.addAttribute("asOf", report.asOf());
    return request.getHeader("HX-Request") != null
        ? "console/reviews :: results"
        : "console/reviews";
  }

  @GetMapping("/console/reviews/{id}")
  String review(@PathVariable String id, Model model) {
    ReviewView review = reviews.review(id);
    LocalDate today = reviews.today();
    List<NoticeRow> sent = notices.ofReview(id);
    boolean running = "ACTIVE".equals(review.status());
    List<PlannedNotice> planned = running ? reports.planned(id, PREVIEW_DAYS) : List.of();
    List<DesignationView> designations;
    try {
      designations = registry.designations(id);
    } catch (RegistryException notInTheRegistry) {
      designations = List.of();
    }
    Locale locale = LocaleContextHolder.getLocale();
    List<ReviewView.StepView> steps = new ArrayList<>(review.doneSteps());
    steps.addAll(review.openSteps());
    steps.sort(
        Comparator.comparing(ReviewView.StepView::startedOn)
            .thenComparing(ReviewView.StepView::id));
    List<Timeline.Row> rows =
        steps.stream()
            .map(
                s ->
                    new Timeline.Row(
                        s.id(),
                        stepLabel(s, locale),
                        s.startedOn(),
                        s.due(),
                        s.doneOn(),
                        s.paused()))
            .toList();
    List<Timeline.Mark> marks = new ArrayList<>();
    for (NoticeRow n : sent) {
      Timeline.Kind kind =
          switch (n.status()) {
            case SENT -> Timeline.Kind.SENT;
            case FAILED -> Timeline.Kind.FAILED;
            case SUPERSEDED -> null;
            default -> Timeline.Kind.PENDING;
          };
      if (kind != null) {
        marks.add(
            new Timeline.Mark(
                n.stepId(),
                n.step(),
                n.state(),
                n.day(zone),
                text("kind." + n.kind(), locale),
                kind));
      }
    }
    for (PlannedNotice p : planned) {
      Long stepId =
          review.openSteps().stream()
              .filter(
                  s ->
                      s.step().name().equals(p.step())
                          && java.util.Objects.equals(s.state(), p.state()))
              .map(ReviewView.StepView::id)
              .findFirst()
              .orElse(null);
      marks.add(
          new Timeline.Mark(
              stepId,
              p.step(),
              p.state(),
              p.on(),
              text("kind." + p.kind(), locale),
              Timeline.Kind.PLANNED));
    }
    boolean launched =
        !"PLANNED".equals(review.status())
            && !"WAITING_FOR_DRAW".equals(review.status())
            && !"CANCELLED".equals(review.status());
    if (launched) {
      model.addAttribute(
          "timeline",
          Timeline.svg(
              rows,
              marks,
              review.launchDate(),
              today,
              text("timeline.review", locale),
              text("timeline.title", locale, review.id()),
              key -> text(key, locale)));
      model.addAttribute(
          "legend",
          List.of("done", "open", "late", "due", "SENT", "PLANNED", "PENDING", "FAILED").stream()
              .map(k -> new String[] {Timeline.legendSymbol(k), "timeline.legend." + k})
              .toList());
    }
    model.addAttribute("review", review);
    model.addAttribute("launched", launched);
    model.addAttribute("running", running || "ON_HOLD".equals(review.status()));
    model.addAttribute("steps", steps);
    model.addAttribute(
        "sent", sent.stream().sorted(Comparator.comparing(NoticeRow::id).reversed()).toList());
    model.addAttribute("planned", planned);
    model.addAttribute("previewDays", PREVIEW_DAYS);
    model.addAttribute("designations", designations);
    model.addAttribute("operate", properties.operateLink(review.processInstanceKey()));
    model.addAttribute(
        "failedCount", sent.stream().filter(n -> n.status() == Notice.Status.FAILED).count());
    return "console/review";
  }

  private String stepLabel(ReviewView.StepView s, Locale locale) {
    String name = text("step." + s.step(), locale);
    if (s.step() == org.revflow.vocabulary.Step.DIALOGUE && s.state() == null) {
      return text("timeline.window", locale);
    }
    String who = s.state() == null ? "" : " \u2013 " + s.state();
    return name
        + who
        + (s.round() > 1 ? " (" + text("timeline.round", locale, s.round()) + ")" : "");
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
