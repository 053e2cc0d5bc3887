package org.revflow.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.revflow.config.ApiException;
import org.revflow.review.ReviewCommands.Instrument;
import org.revflow.review.ReviewView;
import org.revflow.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workplan: the reviews planned and not launched yet, and the secretariat's changes to one of
 * them (move, cancel, launch early, record its draw), each with its reason, as {@code
 * /api/workplan} makes them.
 */
@Controller
class WorkplanPages {

  private final ConsoleReviews reviews;
  private final CurrentUser currentUser;

  WorkplanPages(ConsoleReviews reviews, CurrentUser currentUser) {
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @GetMapping("/console/workplan")
  String list(Model model) {
    List<ReviewView> planned = reviews.planned();
    model.addAttribute("planned", planned);
    return "console/workplan";
  }

  @GetMapping("/console/workplan/{id}")
  String plan(@PathVariable String id, Model model) {
    return show(reviews.review(id), new FormErrors(), Map.of(), model);
  }

  @PostMapping("/console/workplan/{id}/move")
  String move(
      @PathVariable String id,
      @RequestParam(required = false) String plannedOn,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ReviewView review = reviews.review(id);
    FormErrors errors = new FormErrors();
    LocalDate date = errors.date("move-date", plannedOn);
    if (date == null && errors.isEmpty()) {
      errors.add("move-date", "Give the new date.");
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return show(
          review, errors, FormErrors.values("move-date", plannedOn, "move-reason", reason), model);
    }
    try {
      reviews.move(id, date, FormErrors.blankToNull(reason), currentUser.name());
      redirect.addFlashAttribute("done", id + " moved to " + date + ".");
      return "redirect:/console/workplan/" + id;
    } catch (ApiException e) {
      errors.refusal(
          e.getMessage(),
          Map.of("reason", "move-reason", "date", "move-date"),
          Map.of(),
          "move-date");
      response.setStatus(e.status().value());
      return show(
          review, errors, FormErrors.values("move-date", plannedOn, "move-reason", reason), model);
    }
  }

  @PostMapping("/console/workplan/{id}/cancel")
  String cancel(
      @PathVariable String id,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ReviewView review = reviews.review(id);
    try {
      reviews.cancel(id, FormErrors.blankToNull(reason), currentUser.name());
      redirect.addFlashAttribute("done", id + " cancelled.");
      return "redirect:/console/workplan/" + id;
    } catch (ApiException e) {
      FormErrors errors = new FormErrors();
      errors.add("cancel-reason", e.getMessage());
      response.setStatus(e.status().value());
      return show(review, errors, FormErrors.values("cancel-reason", reason), model);
    }
  }

  @PostMapping("/console/workplan/{id}/launch")
  String launchEarly(
      @PathVariable String id,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ReviewView review = reviews.review(id);
    try {
      reviews.launchEarly(id, FormErrors.blankToNull(reason), currentUser.name());
      redirect.addFlashAttribute(
          "recorded", id + " launched today: its launch notices go out now.");
      return "redirect:/console/reviews/" + id;
    } catch (ApiException e) {
      FormErrors errors = new FormErrors();
      errors.add("launch-reason", e.getMessage());
      response.setStatus(e.status().value());
      return show(review, errors, FormErrors.values("launch-reason", reason), model);
    }
  }

  @PostMapping("/console/workplan/{id}/draw")
  String draw(
      @PathVariable String id,
      @RequestParam(required = false) String untoc,
      @RequestParam(required = false) String reference,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ReviewView review = reviews.review(id);
    List<String> codes = FormErrors.codes(untoc);
    try {
      reviews.recordDraw(
          id,
          codes.isEmpty() ? Map.of() : Map.of(Instrument.UNTOC, codes),
          FormErrors.blankToNull(reference),
          currentUser.name());
      redirect.addFlashAttribute(
          "done", "Reviewing States recorded for " + id + ": " + String.join(", ", codes) + ".");
      return "redirect:/console/workplan/" + id;
    } catch (ApiException e) {
      FormErrors errors = new FormErrors();
      errors.add("draw-untoc", e.getMessage());
      response.setStatus(e.status().value());
      return show(
          review,
          errors,
          FormErrors.values("draw-untoc", untoc, "draw-reference", reference),
          model);
    }
  }

  private String show(
      ReviewView review, FormErrors errors, Map<String, String> values, Model model) {
    model.addAttribute("review", review);
    model.addAttribute(
        "planned", "PLANNED".equals(review.status()) || "WAITING_FOR_DRAW".equals(review.status()));
    model.addAttribute(
        "reviewers",
        review.participants().stream().filter(p -> "REVIEWER".equals(p.role())).toList());
    model.addAttribute("fieldErrors", errors.asMap());
    model.addAttribute("values", values);
    return "console/plan";
  }
}
