package org.revflow.console;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revflow.config.ApiException;
import org.revflow.registry.StateParty;
import org.revflow.review.Review;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewCommands.Instrument;
import org.revflow.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Launching a review from a page: the same command, checks and refusals as {@code POST
 * /api/reviews}.
 */
@Controller
class LaunchPage {

  private final ConsoleReviews reviews;
  private final ConsoleRegistry registry;
  private final CurrentUser currentUser;
  private final Validator validator;

  LaunchPage(
      ConsoleReviews reviews,
      ConsoleRegistry registry,
      CurrentUser currentUser,
      Validator validator) {
    this.reviews = reviews;
    this.registry = registry;
    this.currentUser = currentUser;
    this.validator = validator;
  }

  /** The form as typed. */
  record LaunchForm(
      String underReview,
      String phase,
      String untoc,
      String tip,
      String som,
      String firearms,
      String launchDate,
      String rulebook) {

    static LaunchForm empty() {
      return new LaunchForm(null, "1", null, null, null, null, null, null);
    }
  }

  @GetMapping("/console/reviews/new")
  String form(Model model) {
    return show(LaunchForm.empty(), new FormErrors(), model);
  }

  @PostMapping("/console/reviews")
  String launch(
      @ModelAttribute LaunchForm form,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    FormErrors errors = new FormErrors();
    String underReview = FormErrors.blankToNull(form.underReview());
    if (underReview == null) {
      errors.add("underReview", "Choose the State under review.");
    }
    Integer phase = null;
    try {
      phase = Integer.valueOf(String.valueOf(form.phase()).strip());
    } catch (NumberFormatException e) {
      errors.add("phase", "Choose the phase (1 to 4).");
    }
    Map<Instrument, List<String>> reviewers = new LinkedHashMap<>();
    put(reviewers, Instrument.UNTOC, form.untoc());
    put(reviewers, Instrument.TIP, form.tip());
    put(reviewers, Instrument.SOM, form.som());
    put(reviewers, Instrument.FIREARMS, form.firearms());
    if (reviewers.isEmpty()) {
      errors.add("untoc", "Name the reviewing States (for the Convention at least), e.g. DEU KEN.");
    }
    LocalDate launchDate = errors.date("launchDate", form.launchDate());
    if (!errors.isEmpty()) {
      return refused(form, errors, model, response, 400);
    }
    ReviewCommands.Launch cmd =
        new ReviewCommands.Launch(
            underReview.toUpperCase(Locale.ROOT),
            phase,
            reviewers,
            launchDate,
            FormErrors.blankToNull(form.rulebook()),
            null);
    errors.validate(validator, cmd, LaunchPage::fieldOf);
    if (!errors.isEmpty()) {
      return refused(form, errors, model, response, 400);
    }
    try {
      Review review = reviews.launch(cmd, currentUser.name());
      redirect.addFlashAttribute(
          "recorded", "Review " + review.getId() + " launched: its launch notices go out now.");
      return "redirect:/console/reviews/" + review.getId();
    } catch (ApiException refused) {
      errors.refusal(
          refused.getMessage(),
          Map.of(
              "rulebook",
              "rulebook",
              "launchDate",
              "launchDate",
              "phase",
              "phase",
              "underReview",
              "underReview"),
          FormErrors.values(
              "untoc",
              form.untoc(),
              "tip",
              form.tip(),
              "som",
              form.som(),
              "firearms",
              form.firearms(),
              "underReview",
              underReview),
          refused.getMessage().contains("review itself") || refused.getMessage().contains("twice")
              ? "untoc"
              : "underReview");
      return refused(form, errors, model, response, refused.status().value());
    }
  }

  private static void put(
      Map<Instrument, List<String>> reviewers, Instrument instrument, String typed) {
    List<String> codes = FormErrors.codes(typed);
    if (!codes.isEmpty()) {
      reviewers.put(instrument, codes);
    }
  }

  private static String fieldOf(String path) {
    if (path.startsWith("reviewers")) {
      return path.contains("TIP")
          ? "tip"
          : path.contains("SOM") ? "som" : path.contains("FIREARMS") ? "firearms" : "untoc";
    }
    return path.startsWith("phase")
        ? "phase"
        : path.startsWith("launchDate")
            ? "launchDate"
            : path.startsWith("rulebook") ? "rulebook" : "underReview";
  }

  private String refused(
      LaunchForm form,
      FormErrors errors,
      Model model,
      jakarta.servlet.http.HttpServletResponse response,
      int status) {
    response.setStatus(status);
    return show(form, errors, model);
  }

  private String show(LaunchForm form, FormErrors errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("fieldErrors", errors.asMap());
    model.addAttribute(
        "states",
        registry.states().stream()
            .map(StateParty::code)
            .map(c -> Map.entry(c, registry.name(c)))
            .sorted(Map.Entry.comparingByValue())
            .toList());
    model.addAttribute("rulebooks", reviews.rulebooks());
    model.addAttribute("defaultRulebook", reviews.defaultRulebook());
    return "console/launch";
  }
}
