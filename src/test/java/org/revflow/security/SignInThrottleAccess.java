package org.revflow.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets tests outside this package start from a clean slate of failed sign-ins (in a web context).
 */
@Component
public class SignInThrottleAccess {

  private final ObjectProvider<SignInThrottle> throttle;

  SignInThrottleAccess(ObjectProvider<SignInThrottle> throttle) {
    this.throttle = throttle;
  }

  public void reset() {
    throttle.ifAvailable(SignInThrottle::reset);
  }
}
