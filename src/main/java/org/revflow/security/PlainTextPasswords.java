package org.revflow.security;

/**
 * Whether {@code {noop}} (plain-text) passwords may be configured: only where this bean exists,
 * which the local run and the tests register in code (their context initializer, on the test class
 * path only). No property turns it on, so no production configuration can.
 */
public final class PlainTextPasswords {

  /** The one instance, for the local run's and the tests' initializer. */
  public static final PlainTextPasswords ALLOWED = new PlainTextPasswords();

  private PlainTextPasswords() {}
}
