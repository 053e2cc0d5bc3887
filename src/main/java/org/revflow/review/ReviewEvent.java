package org.revflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;

/** An event recorded on a review, with who recorded it: the review's history. */
@Entity
@Table(name = "review_event")
public class ReviewEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "review_id", nullable = false)
  private String reviewId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventType type;

  @Column(name = "state_code", length = 3)
  private String stateCode;

  @Enumerated(EnumType.STRING)
  private Step step;

  @Column(name = "occurred_on", nullable = false)
  private LocalDate occurredOn;

  private String reference;

  private String details;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  protected ReviewEvent() {}

  public ReviewEvent(
      String reviewId,
      EventType type,
      String stateCode,
      Step step,
      LocalDate occurredOn,
      String reference,
      String details,
      Instant recordedAt,
      String recordedBy) {
    this.reviewId = reviewId;
    this.type = type;
    this.stateCode = stateCode;
    this.step = step;
    this.occurredOn = occurredOn;
    this.reference = reference;
    this.details = details;
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
  }

  void addDetail(String detail) {
    this.details = details == null ? detail : details + "; " + detail;
  }

  /** The details as key=value pairs ("reason=...; newDue=..."). */
  public java.util.Map<String, String> detailMap() {
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    if (details != null) {
      for (String part : details.split("; ")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          map.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
    }
    return map;
  }

  public Long getId() {
    return id;
  }

  public String getReviewId() {
    return reviewId;
  }

  public EventType getType() {
    return type;
  }

  public String getStateCode() {
    return stateCode;
  }

  public Step getStep() {
    return step;
  }

  public LocalDate getOccurredOn() {
    return occurredOn;
  }

  public String getReference() {
    return reference;
  }

  public String getDetails() {
    return details;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
