package org.revflow.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.revflow.config.ApiException;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewEvent;
import org.revflow.review.ReviewView;
import org.revflow.security.CurrentUser;
import org.revflow.simulation.PreviewService.PlannedNotice;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Recording an event from a page: the form for the chosen type, the API's command built from it,
 * and {@code ReviewService.record} as for {@code POST /api/reviews/{id}/events}. A refusal shows
 * the form again as typed, the reason next to its field, with the status the API would give;
 * nothing is changed. A recorded event shows what the process does next.
 */
@Controller
class EventPages {

  /** How far ahead the page after recording shows the notices planned. */
  static final int NEXT_DAYS = 60;

  private final ConsoleReviews reviews;
  private final ConsoleReports reports;
  private final ConsoleRegistry registry;
  private final CurrentUser currentUser;
  private final Validator validator;

  EventPages(
      ConsoleReviews reviews,
      ConsoleReports reports,
      ConsoleRegistry registry,
      CurrentUser currentUser,
      Validator validator) {
    this.reviews = reviews;
    this.reports = reports;
    this.registry = registry;
    this.currentUser = currentUser;
    this.validator = validator;
  }

  @GetMapping("/console/reviews/{id}/events/new")
  String form(
      @PathVariable String id,
      @RequestParam(required = false) String type,
      HttpServletRequest request,
      Model model) {
    ReviewView review = reviews.review(id);
    EventType chosen = parse(type);
    if (type != null && !type.isBlank() && chosen == null) {
      model.addAttribute("typeError", "'" + type + "' is not an event that can be recorded here.");
    }
    show(review, chosen, Map.of(), new FormErrors(), model);
    return request.getHeader("HX-Request") != null ? "console/event :: fields" : "console/event";
  }

  @PostMapping("/console/reviews/{id}/events")
  String record(
      @PathVariable String id,
      @ModelAttribute EventForm.Posted posted,
      Model model,
      HttpServletResponse response) {
    ReviewView review = reviews.review(id);
    EventType type = parse(posted.type());
    FormErrors errors = new FormErrors();
    if (type == null) {
      errors.add(
          "type",
          posted.type() == null || posted.type().isBlank()
              ? "Choose what happened."
              : "'" + posted.type() + "' is not an event that can be recorded here.");
      response.setStatus(400);
      show(review, null, posted.values(), errors, model);
      return "console/event";
    }
    ReviewCommands.RecordEvent command = EventForm.command(type, posted, errors);
    if (command != null) {
      errors.validate(validator, command, EventForm::fieldOf);
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      show(review, type, posted.values(), errors, model);
      return "console/event";
    }
    try {
      ReviewEvent event = reviews.record(id, command, currentUser.name());
      return "redirect:/console/reviews/" + id + "/events/" + event.getId();
    } catch (ApiException refused) {
      errors.refusal(
          refused.getMessage(), EventForm.serviceNames(type), presentValues(type, posted), "event");
      response.setStatus(refused.status().value());
      show(review, type, posted.values(), errors, model);
      return "console/event";
    }
  }

  /** After recording: the event, and what the process does next. */
  @GetMapping("/console/reviews/{id}/events/{eventId}")
  String recorded(
      @PathVariable String id,
      @PathVariable long eventId,
      HttpServletRequest request,
      Model model) {
    ReviewEvent event =
        reviews
            .event(id, eventId)
            .orElseThrow(() -> ApiException.notFound("review " + id + " has no event " + eventId));
    ReviewView review = reviews.review(id);
    List<PlannedNotice> next =
        "ACTIVE".equals(review.status()) ? reports.planned(id, NEXT_DAYS) : List.of();
    model.addAttribute("review", review);
    model.addAttribute("event", event);
    model.addAttribute("next", next);
    model.addAttribute("nextDays", NEXT_DAYS);
    boolean htmx = request.getHeader("HX-Request") != null;
    // The full page asks once, a few seconds on, for what the process has done by then; the answer
    // does not ask again.
    model.addAttribute("refresh", !htmx);
    return htmx ? "console/recorded :: next" : "console/recorded";
  }

  private void show(
      ReviewView review,
      EventType type,
      Map<String, String> values,
      FormErrors errors,
      Model model) {
    model.addAttribute("review", review);
    model.addAttribute("types", EventForm.RECORDABLE);
    model.addAttribute("type", type);
    model.addAttribute("values", values);
    model.addAttribute("fieldErrors", errors.asMap());
    model.addAttribute(
        "running", "ACTIVE".equals(review.status()) || "ON_HOLD".equals(review.status()));
    if (type != null) {
      model.addAttribute(
          "fields", EventForm.fields(type).stream().map(EventForm.Field::id).toList());
      model.addAttribute(
          "optional",
          EventForm.fields(type).stream()
              .filter(f -> !f.required())
              .map(EventForm.Field::id)
              .toList());
      List<String> states =
          EventForm.statesFor(type) == EventForm.States.REVIEWING
              ? reviews.reviewingStates(review.id())
              : reviews.participatingStates(review.id());
      model.addAttribute(
          "stateOptions", states.stream().map(s -> Map.entry(s, registry.name(s))).toList());
      model.addAttribute(
          "reviewing",
          reviews.reviewingStates(review.id()).stream()
              .map(s -> Map.entry(s, registry.name(s)))
              .toList());
      model.addAttribute(
          "openSteps",
          review.openSteps().stream().map(ReviewView.StepView::step).distinct().sorted().toList());
      model.addAttribute("allSteps", Step.values());
      model.addAttribute("instruments", ReviewCommands.Instrument.values());
      model.addAttribute("languages", List.of("ar", "zh", "en", "fr", "ru", "es"));
    }
  }

  /** The form's values of the fields this type shows, to find the field a refusal names. */
  private static Map<String, String> presentValues(EventType type, EventForm.Posted posted) {
    Map<String, String> all = posted.values();
    Map<String, String> present = new java.util.LinkedHashMap<>();
    for (EventForm.Field f : EventForm.fields(type)) {
      present.put(f.id(), all.get(f.id()));
    }
    return present;
  }

  private static EventType parse(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      EventType t = EventType.valueOf(type.strip());
      return EventForm.RECORDABLE.contains(t) ? t : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
