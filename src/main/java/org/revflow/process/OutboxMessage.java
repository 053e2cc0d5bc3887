package org.revflow.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message for the engine, stored with the change that caused it (transactional outbox). */
@Entity
@Table(name = "process_outbox")
public class OutboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** What to do with the row: publish a message, or set variables on a process instance. */
  public enum Kind {
    MESSAGE,
    SET_VARIABLES
  }

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind = Kind.MESSAGE;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "message_name", nullable = false)
  private String messageName;

  @Column(name = "correlation_key", nullable = false)
  private String correlationKey;

  @Column(name = "message_id", nullable = false)
  private String messageId;

  @Column(nullable = false)
  private String variables;

  @Column(name = "ttl_seconds", nullable = false)
  private int ttlSeconds;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  protected OutboxMessage() {}

  OutboxMessage(
      String messageName,
      String correlationKey,
      String messageId,
      String variables,
      int ttlSeconds,
      Instant createdAt) {
    this.messageName = messageName;
    this.correlationKey = correlationKey;
    this.messageId = messageId;
    this.variables = variables;
    this.ttlSeconds = ttlSeconds;
    this.createdAt = createdAt;
  }

  /**
   * Variables for one process instance; name and correlation say what they are in Operate's terms.
   */
  static OutboxMessage setVariables(
      long processInstanceKey,
      String purpose,
      String updateId,
      String variables,
      Instant createdAt) {
    OutboxMessage m =
        new OutboxMessage(
            purpose, String.valueOf(processInstanceKey), updateId, variables, 0, createdAt);
    m.kind = Kind.SET_VARIABLES;
    m.processInstanceKey = processInstanceKey;
    return m;
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getMessageName() {
    return messageName;
  }

  public String getCorrelationKey() {
    return correlationKey;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getVariables() {
    return variables;
  }

  public int getTtlSeconds() {
    return ttlSeconds;
  }
}
