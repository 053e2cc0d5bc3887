package org.revflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revflow.rulebook.Rung;
import org.revflow.vocabulary.NoticeKind;

class NoticeKeysTest {

  private static final LocalDate DAY = LocalDate.of(2027, 7, 5);

  @Test
  void aRungsKeyNamesItsKindAndCalendarDate() {
    assertThat(NoticeKeys.rung(NoticeKind.ESCALATION, DAY)).isEqualTo("ESCALATION@2027-07-05");
    assertThat(NoticeKeys.rungOf("ESCALATION@2027-07-05"))
        .contains(new NoticeKeys.RungKey(NoticeKind.ESCALATION, DAY));
    assertThat(Rung.fromKey(new Rung(NoticeKind.REMINDER, DAY, 1).key()))
        .isEqualTo(new Rung(NoticeKind.REMINDER, DAY, 0));
  }

  @Test
  void theModelsKeysAreNoRungs() {
    // "DRAW@" and "DIGEST@" look like a rung's key; read as one, the digest's job failed on every
    // try.
    for (String key :
        new String[] {
          "DRAW@2027-07-05",
          "DIGEST@2027-07-05",
          "OPENED:STEP_OPENED",
          "DONE:STEP_DONE",
          "LAUNCH",
          "COMPLETED",
          "EVENT-12:REVIEW_ON_HOLD",
          null
        }) {
      assertThat(NoticeKeys.rungOf(key)).as(key).isEmpty();
      assertThat(Rung.fromKey(key)).as(key).isNull();
    }
  }

  @Test
  void theDigestsKeyNamesItsDay() {
    assertThat(NoticeKeys.digestDay(NoticeKeys.DIGEST + DAY)).contains(DAY);
    assertThat(NoticeKeys.digestDay("REMINDER@2027-07-05")).isEmpty();
    assertThat(NoticeKeys.digestDay("DIGEST@next-monday")).isEmpty();
  }

  @Test
  void anEventsKeyNamesTheEventTheKindAndTheState() {
    assertThat(NoticeKeys.event(12, NoticeKind.DEADLINE_EXTENDED, "AUT"))
        .isEqualTo("EVENT-12:DEADLINE_EXTENDED:AUT");
    assertThat(NoticeKeys.event(12, NoticeKind.REVIEW_ON_HOLD, null))
        .isEqualTo("EVENT-12:REVIEW_ON_HOLD");
  }
}
