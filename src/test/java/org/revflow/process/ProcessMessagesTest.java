package org.revflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.review.ReviewService;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox publishes a recorded event's messages once, right after the commit, and records that
 * it did.
 */
@RevFlowTest
class ProcessMessagesTest {

  @Autowired ReviewDriver driver;
  @Autowired ReviewService reviews;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void messagesAreMarkedPublishedByThePublicationAfterCommit() {
    driver.permanentRepresentatives("MNE", "ALB", "MKD");
    String id = driver.launch("MNE", 1, "ALB", "MKD");
    driver.time().settle();
    long before =
        jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM process_outbox", Long.class);

    reviews.record(id, ReviewDriver.event(EventType.EXPERTS_DESIGNATED, "ALB"), "test");

    // Read before any sweep or settle could publish the rows a second time: the publication right
    // after the commit must itself be on record (it once wrote into the finished transaction, which
    // never committed, so every message went to the engine twice).
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT message_name, published_at, attempts, last_error FROM process_outbox WHERE id > ?",
            before);
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.get("published_at"))
                  .as("published_at of %s", r.get("message_name"))
                  .isNotNull();
              assertThat(((Number) r.get("attempts")).intValue())
                  .as("attempts of %s", r.get("message_name"))
                  .isEqualTo(1);
              assertThat(r.get("last_error")).isNull();
            });
  }

  @Autowired OutboxRepository outboxRows;
  @Autowired ProcessMessages messages;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @Autowired java.time.Clock clock;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void aPublicationTheEngineDoesNotTakeStaysPendingWithItsErrorAndTheSweeperPublishesIt() {
    String key = "no-such-step-" + System.nanoTime();
    try (io.camunda.client.CamundaClient away =
        io.camunda.client.CamundaClient.newClientBuilder()
            .grpcAddress(java.net.URI.create("http://127.0.0.1:1"))
            .restAddress(java.net.URI.create("http://127.0.0.1:1"))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(java.time.Duration.ofSeconds(5))
            .build()) {
      ProcessMessages engineAway =
          new ProcessMessages(outboxRows, away, json, clock, transactions, jdbc);
      new org.springframework.transaction.support.TransactionTemplate(transactions)
          .executeWithoutResult(
              s ->
                  engineAway.enqueue(
                      org.revflow.process.ProcessConstants.MSG_STEP_COMPLETED,
                      key,
                      "test-" + key,
                      Map.of(),
                      java.time.Duration.ZERO));
    }
    Map<String, Object> failed =
        jdbc.queryForMap(
            "SELECT published_at, attempts, last_error FROM process_outbox WHERE correlation_key = ?",
            key);
    assertThat(failed.get("published_at")).isNull();
    assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(1);
    assertThat((String) failed.get("last_error")).isNotBlank();

    messages.publishPending(); // the sweeper, with the engine reachable again

    Map<String, Object> published =
        jdbc.queryForMap(
            "SELECT published_at, attempts, last_error FROM process_outbox WHERE correlation_key = ?",
            key);
    assertThat(published.get("published_at")).isNotNull();
    assertThat(((Number) published.get("attempts")).intValue()).isEqualTo(2);
    assertThat(published.get("last_error")).isNull();
  }
}
