package org.revflow.notification;

import org.revflow.config.LogSafe;

/**
 * A notice could not be delivered to every addressee; the message names who (by address, for the
 * incident in Operate) and why; {@link #logMessage()} says the same with person ids, for the log.
 */
public class NoticeDeliveryException extends RuntimeException {

  private final boolean permanent;
  private final String logMessage;

  public NoticeDeliveryException(String message, boolean permanent) {
    this(message, LogSafe.redact(message), permanent);
  }

  public NoticeDeliveryException(String message, String logMessage, boolean permanent) {
    super(message);
    this.permanent = permanent;
    this.logMessage = logMessage;
  }

  /** Retrying cannot help (the notice cannot be written): raise an incident at once. */
  public boolean permanent() {
    return permanent;
  }

  /** The message with people named by their registry id instead of their address. */
  public String logMessage() {
    return logMessage;
  }
}
