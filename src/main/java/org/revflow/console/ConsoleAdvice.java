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

/** What every page shows (who is signed in, today's date), and the page for a refusal no form catches. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

  private final CurrentUser currentUser;
  private final ConsoleReviews reviews;

  ConsoleAdvice(CurrentUser currentUser, ConsoleReviews reviews) {
    this.currentUser = currentUser;
    this.reviews = reviews;
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

  /** An unknown review, State, person (404) or a refusal outside a form (400, 409): said on a page. */
  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, Model model, HttpServletResponse response) {
    return problem(e.status().value(), e.getMessage(), model, response);
  }

  @ExceptionHandler(RegistryException.class)
  String refused(RegistryException e, Model model, HttpServletResponse response) {
    return problem(e.kind().status(), e.getMessage(), model, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    return problem(HttpStatus.BAD_REQUEST.value(), "'" + e.getValue() + "' is not a valid " + e.getName(), model,
        response);
  }

  /** Exception handlers get a model of their own: what every page shows is added here. */
  String problem(int status, String message, Model model, HttpServletResponse response) {
    model.addAttribute("currentUser", currentUser());
    model.addAttribute("today", today());
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return "console/problem";
  }
}
