package org.revflow.notification;

/** A notice could not be delivered to every addressee; the message names who and why. */
public class NoticeDeliveryException extends RuntimeException {

  private final boolean permanent;

  public NoticeDeliveryException(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  /** Retrying cannot help (the notice cannot be written): raise an incident at once. */
  public boolean permanent() {
    return permanent;
  }
}
