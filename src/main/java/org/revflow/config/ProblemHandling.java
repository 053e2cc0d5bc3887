package org.revflow.config;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refused request gets an RFC 9457 problem body that says what was wrong. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ProblemHandling.class);

  /**
   * A failure nobody anticipated still answers the API's callers in the API's format, with a
   * reference to find the logged cause by, instead of a bare servlet error. Other paths (the action
   * pages have their own pages) are left to their own handling.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(
      Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
    if (!request.getRequestURI().startsWith("/api/")) {
      throw e;
    }
    String reference = java.util.UUID.randomUUID().toString();
    log.error(
        "{} {} failed unexpectedly (reference {})",
        request.getMethod(),
        request.getRequestURI(),
        reference,
        e);
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
            "RevFlow could not complete this request. The cause is logged under reference "
                + reference
                + ".");
    p.setTitle("Internal error");
    p.setProperty("reference", reference);
    return ResponseEntity.internalServerError().body(p);
  }

  /**
   * Lock conflicts that outlasted {@link LockConflictRetry}: nothing was changed, and trying again
   * later works.
   */
  @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> busy(org.springframework.dao.PessimisticLockingFailureException e) {
    log.warn(
        "request refused after repeated lock conflicts: {}",
        LogSafe.redact(e.getMostSpecificCause().getMessage()));
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
            "Other changes to the same records were being made at the same moment; nothing was changed. Try again.");
    p.setTitle("Busy");
    return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(p);
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    p.setTitle(e.title());
    return ResponseEntity.status(e.status()).body(p);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<String> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + ": " + f.getDefaultMessage())
            .sorted()
            .toList();
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, String.join("; ", errors));
    p.setTitle("Invalid request");
    p.setProperty("errors", errors);
    return ResponseEntity.status(status).headers(headers).body(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String reason = e.getMostSpecificCause().getMessage();
    if (reason != null && reason.length() > 300) {
      reason = reason.substring(0, 300) + "...";
    }
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(status, "The request body could not be read: " + reason);
    p.setTitle("Malformed request body");
    return ResponseEntity.status(status).headers(headers).body(p);
  }
}
