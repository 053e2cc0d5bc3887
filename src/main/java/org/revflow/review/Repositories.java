package org.revflow.review;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;


interface ReviewRepository extends JpaRepository<Review, String> {

  /** Serialises all changes to one review: events are applied one at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Review r where r.id = :id")
  Optional<Review> lockById(String id);

  List<Review> findByUnderReviewOrderByLaunchDateDesc(String underReview);

  Optional<Review> findByPreviousReviewId(String previousReviewId);
}

interface ReviewParticipantRepository extends JpaRepository<ReviewParticipant, Long> {
  List<ReviewParticipant> findByReviewIdOrderById(String reviewId);

  List<ReviewParticipant> findByStateCodeAndActiveTrue(String stateCode);
}

interface ReviewStepRepository extends JpaRepository<ReviewStep, Long> {
  Optional<ReviewStep> findByOpenedByElement(long elementInstanceKey);

  List<ReviewStep> findByReviewIdOrderById(String reviewId);

  List<ReviewStep> findByReviewIdAndStatus(String reviewId, ReviewStep.Status status);

  int countByReviewIdAndStep(String reviewId, Step step);
}

interface ReviewEventRepository extends JpaRepository<ReviewEvent, Long> {
  List<ReviewEvent> findByReviewIdOrderById(String reviewId);

  Optional<ReviewEvent> findFirstByReviewIdAndTypeOrderByIdDesc(String reviewId, EventType type);
}
