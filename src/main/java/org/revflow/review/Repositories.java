package org.revflow.review;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.revflow.vocabulary.EventType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/*
 * Queries are written out in JPQL rather than derived from method names: Hibernate 6 caches the
 * plan of a JPQL string, but translates a derived (criteria) query anew on every call, which was
 * a sixth of a notice job's time in the phase benchmark.
 */

interface ReviewRepository extends JpaRepository<Review, String> {

  /** Serialises all changes to one review: events are applied one at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Review r where r.id = :id")
  Optional<Review> lockById(String id);

  @Query("select r from Review r where r.underReview = :underReview order by r.launchDate desc")
  List<Review> findByUnderReviewOrderByLaunchDateDesc(String underReview);
}

interface ReviewParticipantRepository extends JpaRepository<ReviewParticipant, Long> {
  @Query("select p from ReviewParticipant p where p.reviewId = :reviewId order by p.id")
  List<ReviewParticipant> findByReviewIdOrderById(String reviewId);

  @Query("select p from ReviewParticipant p where p.reviewId in :reviewIds order by p.id")
  List<ReviewParticipant> findByReviewIdInOrderById(java.util.Collection<String> reviewIds);

  /** The reviews a State takes or took part in, in any role. */
  @Query("select distinct p.reviewId from ReviewParticipant p where p.stateCode = :stateCode")
  List<String> reviewIdsOf(String stateCode);
}

interface ReviewStepRepository extends JpaRepository<ReviewStep, Long> {
  @Query("select s from ReviewStep s where s.openedByElement = :elementInstanceKey")
  Optional<ReviewStep> findByOpenedByElement(long elementInstanceKey);

  @Query("select s from ReviewStep s where s.reviewId = :reviewId order by s.id")
  List<ReviewStep> findByReviewIdOrderById(String reviewId);

  @Query("select s from ReviewStep s where s.reviewId in :reviewIds order by s.id")
  List<ReviewStep> findByReviewIdInOrderById(java.util.Collection<String> reviewIds);

  @Query("select s from ReviewStep s where s.reviewId = :reviewId and s.status = :status")
  List<ReviewStep> findByReviewIdAndStatus(String reviewId, ReviewStep.Status status);

  @Query("select s from ReviewStep s where s.status = :status")
  List<ReviewStep> findByStatus(ReviewStep.Status status);
}

interface ReviewEventRepository extends JpaRepository<ReviewEvent, Long> {
  @Query("select e from ReviewEvent e where e.reviewId = :reviewId order by e.id")
  List<ReviewEvent> findByReviewIdOrderById(String reviewId);

  @Query(
      "select e from ReviewEvent e where e.reviewId = :reviewId and e.type = :type order by e.id desc limit 1")
  Optional<ReviewEvent> findFirstByReviewIdAndTypeOrderByIdDesc(String reviewId, EventType type);
}
