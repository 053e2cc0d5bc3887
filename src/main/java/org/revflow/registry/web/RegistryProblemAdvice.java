package org.revflow.registry.web;

import java.net.URI;
import java.util.Map;
import org.revflow.registry.RegistryException;
import org.revflow.registry.draw.DrawInfeasibleException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problems for the registry's controllers only. Ordered first: the application-wide {@code
 * ProblemHandling} handles the same exception types, and which advice Spring asks first must not
 * depend on bean registration order.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
    assignableTypes = {
      StatesController.class,
      PeopleController.class,
      DesignationsController.class,
      DrawsController.class
    })
class RegistryProblemAdvice {

  static final String TYPE_BASE = "https://revflow.org/problems/registry/";

  @ExceptionHandler(RegistryException.class)
  ProblemDetail registry(RegistryException e) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.kind().status()), e.getMessage());
    p.setType(URI.create(TYPE_BASE + e.kind().slug()));
    p.setTitle(title(e.kind()));
    p.setProperty("kind", e.kind().name());
    if (!e.lineErrors().isEmpty()) {
      p.setProperty(
          "errors",
          e.lineErrors().stream()
              .map(l -> Map.of("line", l.line(), "reason", l.reason()))
              .toList());
    }
    if (e instanceof DrawInfeasibleException d) {
      p.setProperty("rule", d.rule().name());
      p.setProperty("ruleText", d.rule().text());
      p.setProperty("states", d.states());
      if (!d.instruments().isEmpty()) {
        p.setProperty("instruments", d.instruments());
      }
      if (d.reviewersNeeded() != null) {
        p.setProperty("reviewersNeeded", d.reviewersNeeded());
      }
    }
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return invalid("request body is not readable: " + rootMessage(e));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return invalid("invalid value for '" + e.getName() + "': " + e.getValue());
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    // A concurrent request won a race on a unique key; the loser's transaction was rolled back.
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "a concurrent change conflicted with this one; nothing was written, retry");
    p.setType(URI.create(TYPE_BASE + "conflict"));
    p.setTitle("Conflict");
    return p;
  }

  private static ProblemDetail invalid(String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setType(URI.create(TYPE_BASE + RegistryException.Kind.INVALID_INPUT.slug()));
    p.setTitle(title(RegistryException.Kind.INVALID_INPUT));
    p.setProperty("kind", RegistryException.Kind.INVALID_INPUT.name());
    return p;
  }

  private static String title(RegistryException.Kind kind) {
    String s = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
