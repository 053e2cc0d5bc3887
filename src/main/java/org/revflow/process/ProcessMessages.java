package org.revflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes messages to the engine through a transactional outbox: {@link #enqueue} stores the
 * message in the caller's transaction; after commit it is published at once, and a sweeper retries
 * what could not be published. The message id makes a second publication harmless while the first
 * is still buffered.
 */
@Service
public class ProcessMessages {

  private static final Logger log = LoggerFactory.getLogger(ProcessMessages.class);

  private final OutboxRepository outbox;
  private final CamundaClient camunda;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate outsideTransaction;
  private final JdbcTemplate jdbc;
  private final Object[] stripes = new Object[64];

  ProcessMessages(
      OutboxRepository outbox,
      CamundaClient camunda,
      ObjectMapper json,
      Clock clock,
      PlatformTransactionManager transactions,
      JdbcTemplate jdbc) {
    this.outbox = outbox;
    this.camunda = camunda;
    this.json = json;
    this.clock = clock;
    this.jdbc = jdbc;
    // After commit, the caller's transaction is still bound to the thread but will never commit
    // again: a write there is lost. The row's state is read, and its outcome written, outside it:
    // each a single statement on a connection of its own, in auto-commit (one round trip, where a
    // transaction of its own took four; a recorded event publishes two or three messages).
    this.outsideTransaction = new TransactionTemplate(transactions);
    this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /** Stores a message in the current transaction; it goes to the engine once that commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(
      String name,
      String correlationKey,
      String messageId,
      Map<String, Object> variables,
      Duration timeToLive) {
    String vars;
    try {
      vars = json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("message variables not serialisable", e);
    }
    publishAfterCommit(
        outbox.save(
            new OutboxMessage(
                name,
                correlationKey,
                messageId,
                vars,
                (int) timeToLive.toSeconds(),
                clock.instant())));
  }

  /**
   * Stores, in the current transaction, variables to set on a process instance once that commits:
   * the engine never sees a change MySQL rolled back. Setting the same values twice is harmless, so
   * the sweeper may retry freely; rows are applied in the order they were stored.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueueVariables(
      long processInstanceKey, String purpose, String updateId, Map<String, Object> variables) {
    String vars;
    try {
      vars = json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables not serialisable", e);
    }
    publishAfterCommit(
        outbox.save(
            OutboxMessage.setVariables(
                processInstanceKey, purpose, updateId, vars, clock.instant())));
  }

  private void publishAfterCommit(OutboxMessage saved) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            publishQuietly(saved);
          }
        });
  }

  /** Publishes everything still pending, oldest first (the order events were recorded in). */
  @Scheduled(fixedDelayString = "${revflow.outbox.sweep-interval:PT5S}")
  public void publishPending() {
    for (OutboxMessage m : outbox.findByPublishedAtIsNullOrderById(Limit.of(200))) {
      publishQuietly(m);
    }
  }

  /**
   * Publishes one row unless it is published already. Rows of the same scope (the same message
   * correlation key, or the same process instance for variables) are published one at a time, so
   * that the sweeper and the publication after commit never send the same row at once and a scope's
   * rows keep their order; rows of different scopes (other steps, other reviews) go out side by
   * side instead of queueing behind each other's round trip to the engine.
   */
  private void publishQuietly(OutboxMessage m) {
    synchronized (stripe(m)) {
      publishLocked(m);
    }
  }

  private Object stripe(OutboxMessage m) {
    String scope =
        m.getKind() == OutboxMessage.Kind.SET_VARIABLES
            ? "instance:" + m.getProcessInstanceKey()
            : "message:" + m.getMessageName() + ":" + m.getCorrelationKey();
    return stripes[Math.floorMod(scope.hashCode(), stripes.length)];
  }

  /**
   * {@code m} is a copy read before the lock was taken (its message never changes, its state may
   * have): whether it is still pending is read again here, and the outcome written with one update.
   */
  private void publishLocked(OutboxMessage m) {
    Long id = m.getId();
    if (!Boolean.TRUE.equals(outsideTransaction.execute(s -> pending(id)))) {
      return;
    }
    Instant publishedAt = null;
    String error = null;
    try {
      if (m.getKind() == OutboxMessage.Kind.SET_VARIABLES) {
        setVariables(m);
      } else {
        camunda
            .newPublishMessageCommand()
            .messageName(m.getMessageName())
            .correlationKey(m.getCorrelationKey())
            .messageId(m.getMessageId())
            .timeToLive(Duration.ofSeconds(m.getTtlSeconds()))
            .variables(m.getVariables())
            .send()
            .join();
      }
      publishedAt = clock.instant();
    } catch (RuntimeException e) {
      if (e instanceof ClientStatusException status
          && status.getStatusCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
        // The same message is still buffered from an earlier attempt: it was published.
        publishedAt = clock.instant();
      } else {
        // Not swallowed: the row stays pending and the sweeper publishes it again.
        error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        log.warn(
            "publishing {} for {} failed, will retry: {}",
            m.getMessageName(),
            m.getCorrelationKey(),
            error);
      }
    }
    Instant at = publishedAt;
    String failure = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    outsideTransaction.executeWithoutResult(
        s -> {
          if (at != null) {
            jdbc.update(
                "update process_outbox set published_at = ?, attempts = attempts + 1, last_error = null where id = ?",
                ps -> {
                  ps.setTimestamp(1, Timestamp.from(at), Calendar.getInstance(UTC));
                  ps.setLong(2, id);
                });
          } else {
            jdbc.update(
                "update process_outbox set attempts = attempts + 1, last_error = ? where id = ?",
                failure,
                id);
          }
        });
  }

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  /** Whether the row is still to publish, read fresh (under the scope's lock). */
  private boolean pending(long id) {
    return !jdbc.queryForList(
            "select 1 from process_outbox where id = ? and published_at is null", Integer.class, id)
        .isEmpty();
  }

  private void setVariables(OutboxMessage m) {
    try {
      camunda
          .newSetVariablesCommand(m.getProcessInstanceKey())
          .variables(m.getVariables())
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != io.grpc.Status.Code.NOT_FOUND) {
        throw e;
      }
      // The instance has ended (completed or cancelled): no later step will read the variables.
      log.info(
          "{} for ended process instance {} not applied",
          m.getMessageName(),
          m.getProcessInstanceKey());
    }
  }

  public long pendingCount() {
    return outbox.countByPublishedAtIsNull();
  }
}
