package org.revflow.notification;

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
import org.revflow.vocabulary.NoticeKind;

/**
 * One notice to one addressee: the log the secretariat reads, and the exactly-once record. A row is
 * SUPERSEDED, never deleted, when a retry finds that its addressee no longer holds the role (or
 * their address changed) before it was sent: the failure reason says why, and a row for today's
 * holder of that role follows it.
 */
@Entity
@Table(name = "notice")
public class Notice {

  public enum Status {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    SUPERSEDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dedup_key", nullable = false)
  private String dedupKey;

  @Column(name = "review_id", nullable = false)
  private String reviewId;

  @Column(name = "step_id")
  private Long stepId;

  @Column(name = "notice_key", nullable = false)
  private String noticeKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NoticeKind kind;

  private String step;

  @Column(name = "state_code")
  private String stateCode;

  @Column(name = "addressee_email", nullable = false)
  private String addresseeEmail;

  @Column(name = "addressee_role", nullable = false)
  private String addresseeRole;

  /**
   * The State whose role the addressee held when the row was written; null for the secretariat (and
   * older rows).
   */
  @Column(name = "addressee_state")
  private String addresseeState;

  /** The registry's person; null for the secretariat's address (and older rows). */
  @Column(name = "person_id")
  private Long personId;

  private String cc;

  @Column(nullable = false)
  private String language;

  @Column(name = "due_on")
  private LocalDate dueOn;

  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "smtp_message_id")
  private String smtpMessageId;

  @Column(name = "job_key", nullable = false)
  private long jobKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "sent_on")
  private LocalDate sentOn;

  protected Notice() {}

  Notice(String dedupKey, NoticeJob job, Addressee to, String cc, long jobKey, Instant createdAt) {
    this.dedupKey = dedupKey;
    this.reviewId = job.reviewId();
    this.stepId = job.stepId();
    this.noticeKey = job.noticeKey();
    this.kind = job.kind();
    this.step = job.step() == null ? null : job.step().name();
    this.stateCode = job.state();
    this.addresseeEmail = to.email();
    this.addresseeRole = to.role().name();
    this.addresseeState = to.state();
    this.personId = to.personId();
    this.cc = cc;
    this.language = to.language().code();
    this.dueOn = job.due();
    this.status = Status.PENDING;
    this.jobKey = jobKey;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public String getReviewId() {
    return reviewId;
  }

  public Long getStepId() {
    return stepId;
  }

  public String getNoticeKey() {
    return noticeKey;
  }

  public NoticeKind getKind() {
    return kind;
  }

  public String getStep() {
    return step;
  }

  public String getStateCode() {
    return stateCode;
  }

  public String getAddresseeEmail() {
    return addresseeEmail;
  }

  public String getAddresseeRole() {
    return addresseeRole;
  }

  public String getAddresseeState() {
    return addresseeState;
  }

  public Long getPersonId() {
    return personId;
  }

  public String getCc() {
    return cc;
  }

  public String getLanguage() {
    return language;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public String getSubject() {
    return subject;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getClaimedUntil() {
    return claimedUntil;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public String getSmtpMessageId() {
    return smtpMessageId;
  }

  public long getJobKey() {
    return jobKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public LocalDate getSentOn() {
    return sentOn;
  }

  /**
   * Taken for sending until {@code until}, as the atomic claim in {@link NoticeRepository#claim}
   * does.
   */
  void claimed(Instant until) {
    this.status = Status.SENDING;
    this.claimedUntil = until;
    this.attempts++;
  }

  void failed(String reason) {
    this.status = Status.FAILED;
    this.claimedUntil = null;
    this.failureReason =
        reason == null ? "unknown" : reason.substring(0, Math.min(1000, reason.length()));
  }
}
