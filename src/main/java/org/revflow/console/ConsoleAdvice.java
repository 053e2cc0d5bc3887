package org.revflow.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.revflow.config.ApiException;
import org.revflow.registry.RegistryException;
import org.revflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page shows (who is signed in, today's date), and the page for a refusal no form
 * catches. Ordered before the API's {@code ProblemHandling} so that the pages answer with pages,
 * not problem bodies, for Spring's own refusals too (a missing parameter, a file too large).
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ConsoleAdvice.class);

  private final CurrentUser currentUser;
  private final ConsoleReviews reviews;
  private final Formats formats;
  private final Formats.Names names;

  ConsoleAdvice(
      CurrentUser currentUser,
      ConsoleReviews reviews,
      org.revflow.config.RevFlowProperties properties,
      org.revflow.registry.StateNames stateNames) {
    this.currentUser = currentUser;
    this.reviews = reviews;
    this.formats = new Formats(properties.zone());
    this.names = new Formats.Names(stateNames);
  }

  @ModelAttribute("fmt")
  Formats formats() {
    return formats;
  }

  @ModelAttribute("names")
  Formats.Names names() {
    return names;
  }

  @ModelAttribute("currentUser")
  String currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth instanceof AnonymousAuthenticationToken ? null : currentUser.name();
  }

  @ModelAttribute("today")
  LocalDate today() {
    return reviews.today();
  }

  /**
   * An unknown review, State, person (404) or a refusal outside a form (400, 409): said on a page.
   */
  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, Model model, HttpServletResponse response) {
    return problem(e.status().value(), e.getMessage(), model, response);
  }

  @ExceptionHandler(RegistryException.class)
  String refused(RegistryException e, Model model, HttpServletResponse response) {
    return problem(e.kind().status(), e.getMessage(), model, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(
      MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    return problem(
        HttpStatus.BAD_REQUEST.value(),
        "'" + e.getValue() + "' is not a valid " + e.getName(),
        model,
        response);
  }

  /**
   * Spring's own refusals (a missing parameter, a wrong method, an upload too large) with their
   * status; and a failure nobody anticipated, with a reference to find the logged cause by.
   */
  @ExceptionHandler(Exception.class)
  String unexpected(
      Exception e,
      jakarta.servlet.http.HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    if (e instanceof org.springframework.web.ErrorResponse error) {
      String detail = error.getBody().getDetail();
      return problem(
          error.getStatusCode().value(), detail == null ? e.getMessage() : detail, model, response);
    }
    String reference = java.util.UUID.randomUUID().toString();
    log.error(
        "{} {} failed unexpectedly (reference {})",
        request.getMethod(),
        request.getRequestURI(),
        reference,
        e);
    return problem(
        500,
        "RevFlow could not complete this request. The cause is logged under reference "
            + reference
            + ": give it to the team that runs RevFlow.",
        model,
        response);
  }

  /** Exception handlers get a model of their own: what every page shows is added here. */
  String problem(int status, String message, Model model, HttpServletResponse response) {
    model.addAttribute("currentUser", currentUser());
    model.addAttribute("today", today());
    model.addAttribute("fmt", formats);
    model.addAttribute("names", names);
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return "console/problem";
  }
}
