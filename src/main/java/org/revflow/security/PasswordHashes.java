package org.revflow.security;

import java.util.regex.Pattern;

/**
 * Configured passwords are hashes, so that a configuration file does not give passwords away:
 * {@code {bcrypt}$2a$...} or a bare bcrypt hash; {@code {noop}} marks a plain password, accepted in
 * the local run and the tests only ({@link PlainTextPasswords}). Anything else stops the start with
 * a message, rather than failing every login later.
 */
final class PasswordHashes {

  private static final Pattern BCRYPT =
      Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");

  private PasswordHashes() {}

  static String check(String user, String password, boolean plainTextAllowed) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "revflow.security.users: user '" + user + "' has no password");
    }
    if (BCRYPT.matcher(password).matches()) {
      return "{bcrypt}" + password;
    }
    if (password.startsWith("{bcrypt}") && BCRYPT.matcher(password.substring(8)).matches()) {
      return password;
    }
    if (password.startsWith("{noop}") && password.length() > 6) {
      if (plainTextAllowed) {
        return password;
      }
      throw new IllegalStateException(
          "revflow.security.users: user '"
              + user
              + "' has a {noop} (plain-text)"
              + " password, which only the local run and the tests accept: configure a bcrypt hash"
              + " (htpasswd -bnBC 10 \"\" secret | cut -d: -f2)");
    }
    throw new IllegalStateException(
        "revflow.security.users: the password of user '"
            + user
            + "' must be a bcrypt hash ({bcrypt}$2a$10$... or $2a$10$...)");
  }
}
