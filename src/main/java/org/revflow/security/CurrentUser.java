package org.revflow.security;

import org.revflow.config.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's name, recorded with every change made through the API. Taken from the
 * security context only, never from the request body or a header the caller could set.
 */
@Component
public class CurrentUser {

  /** The width of the {@code *_by} columns. */
  static final int MAX_LENGTH = 100;

  public String name() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !auth.isAuthenticated()
        || auth instanceof AnonymousAuthenticationToken
        || auth.getName() == null
        || auth.getName().isBlank()) {
      // The filter chain refuses such requests before they get here; refuse rather than record
      // nobody.
      throw new ApiException(
          HttpStatus.UNAUTHORIZED, "Authentication required", "no signed-in user");
    }
    String name = auth.getName().strip();
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
  }
}
