package org.revflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.process.ProcessConstants.*;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.config.RevFlowProperties;
import org.revflow.review.ReviewPlanService;
import org.revflow.testsupport.MailText;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weekly digest on the engine's timer: every Monday at the notice time, once, to the
 * secretariat, with the counts by stage, what became overdue in the week, the reviews waiting for
 * their draw and the failed notices. The shared test context leaves it off; this test starts it as
 * RevFlow does at start-up, and stops it after.
 */
@RevFlowTest
class DigestProcessTest {

  static final LocalTime AFTER_NOTICES = LocalTime.of(9, 30);

  @Autowired ReviewDriver driver;
  @Autowired CamundaClient camunda;
  @Autowired org.revflow.testsupport.EmbeddedEngine engine;
  @Autowired GreenMail greenMail;
  @Autowired RevFlowProperties properties;
  @Autowired ReviewPlanService plans;

  @AfterEach
  void stop() {
    for (long key : digestInstances()) {
      try {
        camunda.newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // nothing to stop
      }
    }
    driver.cancelAllReviews();
  }

  @Test
  void everyMondayTheSecretariatGetsOneDigestOfTheWeek() {
    driver.permanentRepresentatives("NAM", "BWA", "ZMB", "AGO");
    // A review whose focal-point deadline (T0 + 14) falls in the week before the first digest.
    String late = driver.launch("NAM", 1, "BWA", "ZMB");
    LocalDate t0 = driver.time().today();
    LocalDate firstMonday = t0.plusDays(15).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    // A planned review whose date comes before that Monday without a draw: it waits.
    plans.plan(List.of(new ReviewPlanService.Plan("AGO", 1, t0.plusDays(2), null, null)), "test");
    String waiting = "AGO-P1-" + t0.plusDays(2).getYear();

    // RevFlow starts the digest when it starts: here, on the Sunday before the first Monday. The
    // shared test context has it switched off: started as a simulation does, whatever the setting.
    driver.time().walkTo(firstMonday.minusDays(1), LocalTime.NOON);
    schedule("digest-test", Map.of(VAR_DIGEST_KEY, DIGEST_KEY, VAR_DIGEST_ALWAYS, true));
    // A second start while it runs is refused by the engine: still one digest a week.
    schedule("digest-test-again", Map.of(VAR_DIGEST_KEY, DIGEST_KEY, VAR_DIGEST_ALWAYS, true));
    driver.time().settle();
    assertThat(digestInstances()).hasSize(1);

    driver.time().walkTo(firstMonday, AFTER_NOTICES);
    String secretariat = properties.secretariatEmail();
    assertThat(driver.notices("digest"))
        .as("the first digest, on the first Monday after the start")
        .containsExactly(firstMonday + " STATUS_DIGEST - - -> " + secretariat);

    MimeMessage mail = lastTo(secretariat, "Weekly digest");
    String text = MailText.of(mail).replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "Reviews by stage",
            "Steps that became overdue this week",
            late,
            "Planned reviews waiting for their draw",
            waiting,
            "Failed notices in the log");

    driver.time().walkTo(firstMonday.plusDays(7), AFTER_NOTICES);
    assertThat(driver.notices("digest"))
        .containsExactly(
            firstMonday + " STATUS_DIGEST - - -> " + secretariat,
            firstMonday.plusDays(7) + " STATUS_DIGEST - - -> " + secretariat);
    // The late focal points became overdue the week before: not this week's news.
    String second = MailText.of(lastTo(secretariat, "Weekly digest")).replaceAll("\\s+", " ");
    assertThat(second).contains("Reviews by stage", waiting).doesNotContain(late);
  }

  @Test
  void switchedOffTheRunningDigestStopsAtItsNextTurn() {
    List<String> before = driver.notices("digest"); // another test's digests, if it ran first
    // An instance left running by a RevFlow that had the digest on; this one has it off.
    schedule("digest-left-running", Map.of(VAR_DIGEST_KEY, DIGEST_KEY));
    driver.time().settle();
    assertThat(digestInstances()).as("the instance ended at Digest stopped").isEmpty();
    assertThat(passed("EndEvent_DigestStopped")).isTrue();

    driver.time().walkTo(driver.time().today().plusDays(8), AFTER_NOTICES);
    assertThat(driver.notices("digest")).as("no digest once switched off").isEqualTo(before);
  }

  private void schedule(String messageId, Map<String, Object> variables) {
    camunda
        .newPublishMessageCommand()
        .messageName(MSG_DIGEST_SCHEDULED)
        .correlationKey(DIGEST_KEY)
        .messageId(messageId)
        .timeToLive(Duration.ZERO)
        .variables(variables)
        .send()
        .join();
  }

  private boolean passed(String elementId) {
    return java.util.stream.StreamSupport.stream(engine.records().spliterator(), false)
        .anyMatch(
            r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && r.getValue() instanceof ProcessInstanceRecordValue v
                    && v.getElementId().equals(elementId));
  }

  private MimeMessage lastTo(String address, String subject) {
    List<MimeMessage> matching =
        Arrays.stream(greenMail.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return Arrays.stream(m.getAllRecipients())
                            .anyMatch(a -> a.toString().contains(address))
                        && m.getSubject().contains(subject);
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(matching).as("emails to %s about %s", address, subject).isNotEmpty();
    return matching.getLast();
  }

  private List<Long> digestInstances() {
    return java.util.stream.StreamSupport.stream(engine.records().spliterator(), false)
        .filter(
            r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                    && r.getValue() instanceof ProcessInstanceRecordValue v
                    && v.getBpmnElementType() == BpmnElementType.PROCESS
                    && v.getBpmnProcessId().equals(PROCESS_SECRETARIAT_DIGEST))
        .map(r -> ((ProcessInstanceRecordValue) r.getValue()).getProcessInstanceKey())
        .filter(k -> !ended(k))
        .distinct()
        .toList();
  }

  private boolean ended(long key) {
    return java.util.stream.StreamSupport.stream(engine.records().spliterator(), false)
        .anyMatch(
            r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE
                    && (r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED
                        || r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                    && r.getValue() instanceof ProcessInstanceRecordValue v
                    && v.getBpmnElementType() == BpmnElementType.PROCESS
                    && v.getProcessInstanceKey() == key);
  }
}
