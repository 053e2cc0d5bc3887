package org.revflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simulated time on an isolated engine: simulations and fault tests pin both clocks to dates of
 * their own, and those dates pass. Until the isolated engine's clock started in the past, a date
 * before today never fired a timer again, so each test or scenario with a fixed date would have
 * failed from the day after it.
 */
@IntegrationTest
class SimulatedTimeTest {

  private EmbeddedServices services;
  private CamundaClient client;

  @BeforeEach
  void start() {
    services =
        EmbeddedServices.isolated("revflow_time_" + UUID.randomUUID().toString().substring(0, 8));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + services.enginePort()))
            .restAddress(URI.create("http://localhost:1"))
            .preferRestOverGrpc(false)
            .build();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("wait-for-date")
                .startEvent()
                .intermediateCatchEvent("Timer_Due")
                .timerWithDateExpression("dueAt")
                .endEvent("End_Done")
                .done(),
            "wait-for-date.bpmn")
        .send()
        .join();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (services != null) {
      services.close();
    }
  }

  @Test
  void aTimerFiresOnADateYearsBeforeToday() {
    SimulatedTime time = services.time();
    time.pinAt(LocalDate.of(2019, 5, 6), LocalTime.of(7, 0));
    long instance =
        start(
            ZonedDateTime.of(LocalDate.of(2019, 5, 8), LocalTime.of(9, 0), SimulatedTime.VIENNA)
                .toInstant()
                .toString());

    time.walkTo(LocalDate.of(2019, 5, 7));
    assertThat(ended(instance)).as("ended a day before its timer").isFalse();

    time.walkTo(LocalDate.of(2019, 5, 8));
    assertThat(ended(instance)).as("ended once its date passed").isTrue();
    assertThat(time.today()).isEqualTo(LocalDate.of(2019, 5, 8));
  }

  @Test
  void theClockIsNotSetBackOnceATimeIsPinned() {
    SimulatedTime time = services.time();
    time.pinAt(LocalDate.of(2027, 1, 4), LocalTime.of(7, 0));

    assertThatThrownBy(() -> time.pinAt(LocalDate.of(2026, 1, 5), LocalTime.of(7, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot move the engine's clock back");
    assertThat(time.today()).isEqualTo(LocalDate.of(2027, 1, 4));
  }

  private long start(String dueAt) {
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("wait-for-date")
            .latestVersion()
            .variables(Map.of("dueAt", dueAt))
            .send()
            .join()
            .getProcessInstanceKey();
    services.time().settle();
    return key;
  }

  /** Whether the engine has recorded the instance as completed. */
  private boolean ended(long instance) {
    for (var r : services.engine().records()) {
      if (r.getKey() == instance && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        return true;
      }
    }
    return false;
  }
}
