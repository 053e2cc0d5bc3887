package org.revflow.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

  Optional<Notice> findByDedupKey(String dedupKey);

  List<Notice> findByDedupKeyIn(Collection<String> dedupKeys);

  /** The rows of one notice (all addressees): dedup keys start with the job's identity. */
  List<Notice> findByDedupKeyStartingWith(String identityPrefix);

  List<Notice> findByReviewIdOrderById(String reviewId);

  List<Notice> findByAddresseeEmailIgnoreCaseOrderById(String email);

  List<Notice> findByStatusOrderById(Notice.Status status);

  /**
   * Takes the right to send one notice: only one worker wins, and a claim left by a crashed worker
   * expires. Returns 1 for the winner.
   */
  @Modifying
  @Query("""
      update Notice n set n.status = org.revflow.notification.Notice.Status.SENDING, n.claimedUntil = :until,
        n.attempts = n.attempts + 1
      where n.id = :id and (n.status in (org.revflow.notification.Notice.Status.PENDING,
        org.revflow.notification.Notice.Status.FAILED)
        or (n.status = org.revflow.notification.Notice.Status.SENDING and n.claimedUntil < :now))""")
  int claim(long id, Instant now, Instant until);
}
