package org.revflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import org.revflow.config.ClientAddresses;
import org.revflow.config.FailureWindow;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed HTTP Basic sign-ins, counted per user name and per client address (IPv6 by /64): past
 * either limit within the window, Basic attempts for that name or from that address get 429 with
 * {@code Retry-After}, right or wrong, until the failures age out. Per name, so that guessing one
 * user's password from many addresses is slow; per address, so that trying many names is too. In
 * memory, per instance, like the action pages' throttle. Bearer tokens are not counted: guessing a
 * signed token is pointless.
 */
final class SignInThrottle extends OncePerRequestFilter {

  /** Bounds the memory a client spraying names or addresses can make us spend. */
  private static final int MAX_KEYS = 50_000;

  private final FailureWindow byUser;
  private final FailureWindow byAddress;
  private final long retryAfterSeconds;
  private final SecurityProblems problems;

  SignInThrottle(
      ApiSecurityProperties.SignInThrottle settings, Clock clock, SecurityProblems problems) {
    this.byUser =
        new FailureWindow(settings.maxFailuresPerUser(), settings.window(), MAX_KEYS, clock);
    this.byAddress =
        new FailureWindow(settings.maxFailuresPerAddress(), settings.window(), MAX_KEYS, clock);
    this.retryAfterSeconds = settings.window().toSeconds();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = basicUser(request.getHeader("Authorization"));
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = ClientAddresses.key(request.getRemoteAddr());
    if (byUser.blocked(user) || byAddress.blocked(address)) {
      response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
      problems.throttled(request, response);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      byUser.failed(user);
      byAddress.failed(address);
    }
  }

  /**
   * The pages' sign-in form counts against the same limits as HTTP Basic: one password, one
   * allowance, whichever door is tried.
   */
  boolean blocked(String user, String clientAddress) {
    return byUser.blocked(normalized(user))
        || byAddress.blocked(ClientAddresses.key(clientAddress));
  }

  void failed(String user, String clientAddress) {
    byUser.failed(normalized(user));
    byAddress.failed(ClientAddresses.key(clientAddress));
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static String normalized(String user) {
    return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The user name of a Basic authorization header (lower case); "" when it cannot be read; null for
   * no Basic.
   */
  static String basicUser(String authorization) {
    if (authorization == null
        || authorization.length() < 6
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String name = colon < 0 ? decoded : decoded.substring(0, colon);
      return name.strip().toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
