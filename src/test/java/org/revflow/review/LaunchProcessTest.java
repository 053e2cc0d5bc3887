package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.process.ProcessConstants.*;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.config.ApiException;
import org.revflow.process.ProcessMessages;
import org.revflow.review.ReviewCommands.Instrument;
import org.revflow.testsupport.EmbeddedEngine;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A review's instance starts from its launch message, after the launch is committed: never for a
 * launch the database rolled back, once however often the launch is published, and it writes its
 * key on the review.
 */
@RevFlowTest
class LaunchProcessTest {

  @Autowired ReviewDriver driver;
  @Autowired ReviewService reviews;
  @Autowired ReviewLaunchService launches;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedEngine engine;
  @Autowired CamundaClient camunda;
  @Autowired ProcessMessages outbox;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Test
  void aLaunchTheDatabaseRollsBackStartsNoInstance() {
    driver.permanentRepresentatives("GHA", "TGO", "BEN");
    driver.time().walkTo(driver.time().today().plusDays(1), ReviewDriver.EVENT_TIME);

    tx.executeWithoutResult(
        s -> {
          launches.launch(launch("GHA", "TGO", "BEN"), "test");
          // Whatever fails after the launch in the same transaction (here: the caller gives up).
          s.setRollbackOnly();
        });
    driver.time().settle();

    String id = "GHA-P1-" + driver.time().today().getYear();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review WHERE id = ?", Integer.class, id))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM process_outbox WHERE correlation_key = ?", Integer.class, id))
        .isZero();
    assertThat(instancesOf(id)).as("country-review instances for %s", id).isEmpty();
  }

  @Test
  void theLaunchStartsOneInstanceWhichRecordsItsKeyAndASecondPublicationStartsNothing() {
    driver.permanentRepresentatives("SEN", "MLI", "GMB");
    String id = driver.launch("SEN", 1, "MLI", "GMB");

    Set<Long> instances = instancesOf(id);
    assertThat(instances).hasSize(1);
    assertThat(driver.review(id).processInstanceKey()).isEqualTo(instances.iterator().next());

    // The sweeper publishes the launch again, as it would after a lost acknowledgement noticed
    // late (the engine away for hours): the outbox row is pending once more.
    driver.time().advance(Duration.ofHours(2));
    assertThat(
            jdbc.update(
                "UPDATE process_outbox SET published_at = NULL WHERE message_name = ? AND correlation_key = ?",
                MSG_REVIEW_LAUNCHED,
                id))
        .isEqualTo(1);
    outbox.publishPending();
    driver.time().settle();

    assertThat(instancesOf(id)).isEqualTo(instances);
    assertThat(driver.notices(id)).filteredOn(l -> l.contains("REVIEW_LAUNCHED")).hasSize(3);

    // Nothing was left waiting either (a buffered launch would start a new instance the moment the
    // first one ends): cancelled, the review stays without an instance.
    camunda.newCancelInstanceCommand(instances.iterator().next()).send().join();
    driver.time().settle();
    assertThat(instancesOf(id)).isEqualTo(instances);
  }

  @Test
  void aSecondInstanceForAReviewStopsWithAnIncidentAtItsFirstTaskAndSendsNothing() {
    driver.permanentRepresentatives("NER", "TCD", "CMR");
    String id = driver.launch("NER", 1, "TCD", "CMR");
    long first = driver.review(id).processInstanceKey();
    int launchNotices = driver.notices(id).size();

    // What the engine's one-instance-per-key rule prevents for RevFlow's own launches: another
    // launch message for the same review under another key (a hand-made one, say).
    camunda
        .newPublishMessageCommand()
        .messageName(MSG_REVIEW_LAUNCHED)
        .correlationKey(id + "-by-hand")
        .messageId("launch-" + id + "-by-hand")
        .timeToLive(Duration.ZERO)
        .variables(
            Map.of(
                VAR_REVIEW_ID,
                id,
                VAR_UNDER_REVIEW,
                "NER",
                VAR_PHASE,
                1,
                VAR_PARTICIPATING_STATES,
                List.of("NER", "TCD", "CMR"),
                VAR_REVIEWING_STATES,
                List.of("TCD", "CMR")))
        .send()
        .join();
    driver.time().settle();

    Set<Long> instances = instancesOf(id);
    assertThat(instances).hasSize(2).contains(first);
    long second = instances.stream().filter(k -> k != first).findFirst().orElseThrow();
    List<String> incidents = incidentsOf(second);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.getFirst()).contains("already runs in process instance " + first);
    assertThat(engine.records())
        .as("tries of the second instance's first task")
        .filteredOn(
            r ->
                r.getValueType() == ValueType.JOB
                    && r.getIntent() == JobIntent.FAILED
                    && r.getValue() instanceof JobRecordValue j
                    && j.getProcessInstanceKey() == second)
        .hasSize(1);
    assertThat(driver.review(id).processInstanceKey()).isEqualTo(first);
    assertThat(driver.notices(id)).hasSize(launchNotices);
    camunda.newCancelInstanceCommand(second).send().join();
  }

  @Test
  void aReviewerReplacedBeforeTheInstanceStartedIsRefusedAndChangesNothing() {
    driver.permanentRepresentatives("PER", "BOL", "ECU", "COL");
    driver.time().walkTo(driver.time().today().plusDays(1), ReviewDriver.EVENT_TIME);
    String id = "PER-P1-" + driver.time().today().getYear();

    // Inside the launch's own transaction the message is not published yet: as seen by a
    // replacement that arrives between the launch's commit and its instance's first task.
    tx.executeWithoutResult(
        s -> {
          launches.launch(launch("PER", "BOL", "ECU"), "test");
          assertThatThrownBy(
                  () ->
                      reviews.record(
                          id,
                          new ReviewCommands.RecordEvent(
                              EventType.REVIEWER_REPLACED,
                              null,
                              null,
                              null,
                              "NV/repl",
                              "withdrew",
                              null,
                              Instrument.UNTOC,
                              "BOL",
                              "COL",
                              null,
                              null),
                          "test"))
              .isInstanceOfSatisfying(
                  ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
              .hasMessageContaining("has not started in the engine yet");
          s.setRollbackOnly();
        });
  }

  private ReviewCommands.Launch launch(String underReview, String... reviewers) {
    return new ReviewCommands.Launch(
        underReview, 1, Map.of(Instrument.UNTOC, List.of(reviewers)), driver.time().today(), null);
  }

  /** The error messages of the incidents raised in an instance. */
  private List<String> incidentsOf(long processInstanceKey) {
    List<String> out = new java.util.ArrayList<>();
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.INCIDENT
          && r.getIntent() == IncidentIntent.CREATED
          && r.getValue() instanceof IncidentRecordValue v
          && v.getProcessInstanceKey() == processInstanceKey) {
        out.add(v.getErrorMessage());
      }
    }
    return out;
  }

  /**
   * Keys of the country-review instances whose reviewId is {@code reviewId}, from the engine's
   * records.
   */
  private Set<Long> instancesOf(String reviewId) {
    Set<Long> countryReviews = new HashSet<>();
    Set<Long> ofReview = new HashSet<>();
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE
          && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
          && r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getBpmnElementType() == BpmnElementType.PROCESS
          && v.getBpmnProcessId().equals(PROCESS_COUNTRY_REVIEW)) {
        countryReviews.add(v.getProcessInstanceKey());
      } else if (r.getValueType() == ValueType.VARIABLE
          && r.getValue() instanceof VariableRecordValue v
          && v.getName().equals(VAR_REVIEW_ID)
          && v.getValue().equals("\"" + reviewId + "\"")) {
        ofReview.add(v.getProcessInstanceKey());
      }
    }
    ofReview.retainAll(countryReviews);
    return ofReview;
  }
}
