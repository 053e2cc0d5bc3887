package org.revflow.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API users of the tests and the local run, configured as {@code revflow.security.users} by
 * {@link EmbeddedServicesInitializer}. Passwords are generated per JVM: nothing to leak from git,
 * and the local run prints its own in its banner.
 */
public final class TestUsers {

  /**
   * The secretariat user: every test's TestRestTemplate signs in as it (see {@link
   * TestApiCredentials}).
   */
  public static final String SECRETARIAT = "secretariat";

  public static final String SECRETARIAT_PASSWORD = generated();

  /** Tests only: a user who signs in but lacks the role SECRETARIAT. */
  public static final String READER = "reader";

  public static final String READER_PASSWORD = generated();

  private TestUsers() {}

  /** The configuration properties; {@code withReader} adds the user without the role. */
  static Map<String, Object> properties(boolean withReader) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("revflow.security.users[0].name", SECRETARIAT);
    p.put("revflow.security.users[0].password", "{noop}" + SECRETARIAT_PASSWORD);
    p.put("revflow.security.users[0].roles[0]", "SECRETARIAT");
    if (withReader) {
      p.put("revflow.security.users[1].name", READER);
      p.put("revflow.security.users[1].password", "{noop}" + READER_PASSWORD);
      p.put("revflow.security.users[1].roles[0]", "READER");
    }
    return p;
  }

  private static String generated() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
