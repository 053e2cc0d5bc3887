package org.revflow.security;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the secretariat API (prefix {@code revflow.security}).
 *
 * <p>Two sources of users, usable together: {@code users}, for the local run and small
 * installations, and an OpenID Connect provider, configured with Spring's own {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}); its tokens' roles
 * are read from {@code rolesClaim}. With neither, the API refuses everyone.
 *
 * @param users configured users; each password is a hash: {@code {bcrypt}$2a$...} (or a bare bcrypt
 *     {@code $2a$...}) or, for local use only, {@code {noop}plain}
 * @param rolesClaim the token claim that lists a user's roles; a dotted path reaches into nested
 *     claims (Keycloak: {@code realm_access.roles}); default {@code roles}
 * @param usernameClaim the token claim recorded as the user's name; default {@code
 *     preferred_username}, the token's subject when the claim is absent
 * @param signInThrottle how many failed HTTP Basic sign-ins one user name, and one client address,
 *     may make in a window before further attempts get 429
 */
@ConfigurationProperties("revflow.security")
public record ApiSecurityProperties(
    List<User> users, String rolesClaim, String usernameClaim, SignInThrottle signInThrottle) {

  /** The role every call to {@code /api/**} needs. */
  public static final String SECRETARIAT = "SECRETARIAT";

  public ApiSecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.strip();
    usernameClaim =
        usernameClaim == null || usernameClaim.isBlank()
            ? "preferred_username"
            : usernameClaim.strip();
    signInThrottle = signInThrottle == null ? new SignInThrottle(0, 0, null) : signInThrottle;
  }

  /**
   * @param maxFailuresPerUser failed sign-ins of one user name within {@code window} before that
   *     name is refused (10)
   * @param maxFailuresPerAddress failed sign-ins from one client address (IPv6: its /64) within
   *     {@code window} (30)
   * @param window how long a failure counts (15 minutes)
   */
  public record SignInThrottle(
      int maxFailuresPerUser, int maxFailuresPerAddress, java.time.Duration window) {
    public SignInThrottle {
      maxFailuresPerUser = maxFailuresPerUser <= 0 ? 10 : maxFailuresPerUser;
      maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 30 : maxFailuresPerAddress;
      window =
          window == null || window.isNegative() || window.isZero()
              ? java.time.Duration.ofMinutes(15)
              : window;
    }
  }

  /**
   * @param name the name recorded with every change the user makes
   * @param password a hash, see {@link ApiSecurityProperties}
   * @param roles role names, compared without regard to case (e.g. {@code SECRETARIAT})
   */
  public record User(String name, String password, List<String> roles) {

    public User {
      roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Spring's authority for a role name: upper case, with the ROLE_ prefix. */
    public static String authority(String role) {
      return "ROLE_" + role.strip().toUpperCase(Locale.ROOT);
    }
  }
}
