package org.revflow.registry;

import java.util.List;

/**
 * Every refusal of the registry. Thrown before anything is written (or inside the transaction that
 * is then rolled back), and mapped to an RFC 9457 problem by the registry's controller advice.
 */
public class RegistryException extends RuntimeException {

  /** What went wrong; each maps to one HTTP status and problem type. */
  public enum Kind {
    INVALID_INPUT(400),
    UNKNOWN_STATE(404),
    UNKNOWN_REVIEW(404),
    UNKNOWN_PERSON(404),
    UNKNOWN_DRAW(404),
    STATE_NOT_IN_REVIEW(409),
    FOCAL_POINT_ALREADY_DESIGNATED(409),
    ALREADY_EXISTS(409),
    CONFLICT(409),
    INVALID_CSV(422),
    DRAW_INFEASIBLE(422);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    /** The problem type slug, e.g. {@code unknown-state}. */
    public String slug() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** A bad line of a CSV import. */
  public record LineError(long line, String reason) {}

  private final Kind kind;
  private final List<LineError> lineErrors;

  public RegistryException(Kind kind, String message) {
    this(kind, message, List.of());
  }

  public RegistryException(Kind kind, String message, List<LineError> lineErrors) {
    super(message);
    this.kind = kind;
    this.lineErrors = List.copyOf(lineErrors);
  }

  public Kind kind() {
    return kind;
  }

  public List<LineError> lineErrors() {
    return lineErrors;
  }

  public static RegistryException invalid(String message) {
    return new RegistryException(Kind.INVALID_INPUT, message);
  }

  public static RegistryException unknownState(String code) {
    return new RegistryException(Kind.UNKNOWN_STATE, "unknown State '" + code + "'");
  }
}
