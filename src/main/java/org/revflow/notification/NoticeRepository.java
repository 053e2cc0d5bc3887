package org.revflow.notification;

import java.time.Instant;
import java.util.List;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

  // JPQL rather than derived queries: Hibernate caches a JPQL string's plan, and translates a
  // derived (criteria) query anew on every call (see the review repositories).

  /** The rows of one notice (all addressees): dedup keys start with the job's identity. */
  default List<Notice> findByDedupKeyStartingWith(String identityPrefix) {
    // "_" and "%" are LIKE's wildcards: a review id or notice key holding one must match only
    // itself.
    return findByDedupKeyLike(
        identityPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
  }

  @Query("select n from Notice n where n.dedupKey like :pattern escape '!'")
  List<Notice> findByDedupKeyLike(String pattern);

  @Query("select n from Notice n where n.reviewId = :reviewId order by n.id")
  List<Notice> findByReviewIdOrderById(String reviewId);

  @Query("select n from Notice n where lower(n.addresseeEmail) = lower(:email) order by n.id")
  List<Notice> findByAddresseeEmailIgnoreCaseOrderById(String email);

  @Query("select n from Notice n where n.status = :status order by n.id")
  List<Notice> findByStatusOrderById(Notice.Status status);

  /**
   * The log, newest first, each criterion optional; {@code emailLike} is a LIKE pattern in lower
   * case (escape '!').
   */
  @Query(
      value =
          """
      select n from Notice n where (:reviewId is null or n.reviewId = :reviewId)
        and (:state is null or n.stateCode = :state or n.addresseeState = :state)
        and (:kind is null or n.kind = :kind)
        and (:status is null or n.status = :status)
        and (:emailLike is null or lower(n.addresseeEmail) like :emailLike escape '!')
      order by n.id desc""",
      countQuery =
          """
      select count(n) from Notice n where (:reviewId is null or n.reviewId = :reviewId)
        and (:state is null or n.stateCode = :state or n.addresseeState = :state)
        and (:kind is null or n.kind = :kind)
        and (:status is null or n.status = :status)
        and (:emailLike is null or lower(n.addresseeEmail) like :emailLike escape '!')""")
  org.springframework.data.domain.Page<Notice> search(
      String reviewId,
      String state,
      NoticeKind kind,
      Notice.Status status,
      String emailLike,
      org.springframework.data.domain.Pageable page);

  @Query("select count(n) from Notice n where n.status = :status")
  long countByStatus(Notice.Status status);

  /**
   * Takes the right to send one notice: only one worker wins, and a claim left by a crashed worker
   * expires. Returns 1 for the winner.
   */
  @Modifying
  @Query(
      """
      update Notice n set n.status = org.revflow.notification.Notice.Status.SENDING, n.claimedUntil = :until,
        n.attempts = n.attempts + 1
      where n.id = :id and (n.status in (org.revflow.notification.Notice.Status.PENDING,
        org.revflow.notification.Notice.Status.FAILED)
        or (n.status = org.revflow.notification.Notice.Status.SENDING and n.claimedUntil < :now))""")
  int claim(long id, Instant now, Instant until);

  /**
   * Retires a row not yet sent whose addressee no longer holds its role, unless another worker
   * holds a live claim on it (then 0: that worker is sending, and this job must not complete).
   */
  @Modifying
  @Query(
      """
      update Notice n set n.status = org.revflow.notification.Notice.Status.SUPERSEDED, n.claimedUntil = null,
        n.failureReason = :reason
      where n.id = :id and (n.status in (org.revflow.notification.Notice.Status.PENDING,
        org.revflow.notification.Notice.Status.FAILED)
        or (n.status = org.revflow.notification.Notice.Status.SENDING and n.claimedUntil < :now))""")
  int supersede(long id, Instant now, String reason);
}
