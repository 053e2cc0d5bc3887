package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revflow.registry.Language;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice log's queries, written out in JPQL: what a derived query did for free must still hold.
 */
@RevFlowTest
class NoticeRepositoryTest {

  @Autowired NoticeRepository notices;
  @Autowired TransactionTemplate tx;

  /**
   * A notice's rows are found by the prefix of their dedup key, with LIKE: "_" and "%" in a key
   * (notice keys hold "_") are wildcards there, and must match only themselves.
   */
  @Test
  void rowsOfANoticeAreFoundByTheirExactPrefixWhateverCharactersItHolds() {
    String review = "LIKE-" + System.nanoTime();
    NoticeJob underscore = job(review, "ESCALATION_1");
    NoticeJob lookalike = job(review, "ESCALATIONX1");
    NoticeJob percent = job(review, "50%_OFF");
    NoticeJob bang = job(review, "A!B");
    tx.executeWithoutResult(
        s -> {
          for (NoticeJob j : List.of(underscore, lookalike, percent, bang)) {
            notices.save(
                new Notice(
                    j.identity() + "|fp@example.org",
                    j,
                    new Addressee(
                        "FP", "fp@example.org", Language.EN, null, Addressee.Role.FOCAL_POINT),
                    null,
                    1L,
                    Instant.now()));
          }
        });

    assertThat(notices.findByDedupKeyStartingWith(underscore.identity() + "|"))
        .extracting(Notice::getNoticeKey)
        .containsExactly("ESCALATION_1");
    assertThat(notices.findByDedupKeyStartingWith(job(review, "50%").identity())).isEmpty();
    assertThat(notices.findByDedupKeyStartingWith(percent.identity() + "|"))
        .extracting(Notice::getNoticeKey)
        .containsExactly("50%_OFF");
    assertThat(notices.findByDedupKeyStartingWith(bang.identity() + "|"))
        .extracting(Notice::getNoticeKey)
        .containsExactly("A!B");
    assertThat(notices.findByDedupKeyStartingWith(review + "|")).hasSize(4);
  }

  private static NoticeJob job(String review, String noticeKey) {
    return new NoticeJob(
        review, null, noticeKey, NoticeKind.ESCALATION, null, "AUT", null, 0, null);
  }
}
