package org.revflow.notification;

/** A notice could not be delivered to every addressee; the message names who and why. */
public class NoticeDeliveryException extends RuntimeException {
  public NoticeDeliveryException(String message) {
    super(message);
  }
}
