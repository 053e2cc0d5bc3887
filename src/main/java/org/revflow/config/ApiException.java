package org.revflow.config;

import org.springframework.http.HttpStatus;

/** A request RevFlow refuses, with the status and reason the RFC 9457 problem body carries. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public ApiException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Not possible now", detail);
  }

  public static ApiException invalid(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }
}
