package org.revflow.rulebook;

import java.time.LocalDate;
import org.revflow.notification.NoticeKind;

public record Rung(NoticeKind kind, LocalDate date, int sequence) {
  public String key() {
    return kind + "@" + date;
  }
}
