package org.revflow.notification;

/**
 * A notice that cannot be written yet, but will be on a retry: its review is not visible, because
 * the launch that started the process has not committed when a fast worker takes the launch notice.
 */
class NoticeNotReadyException extends RuntimeException {

  NoticeNotReadyException(String message) {
    super(message);
  }
}
