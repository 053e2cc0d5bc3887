package org.revflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import io.camunda.zeebe.protocol.record.value.DeploymentRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ProcessMetadataValue;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revflow.process.ProcessConstants;
import org.revflow.testsupport.EmbeddedEngine;
import org.revflow.testsupport.RevFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The three embedded services answer, through the same beans production uses. */
@RevFlowTest
class FoundationTest {

  @Autowired CamundaClient camunda;
  @Autowired JdbcTemplate jdbc;
  @Autowired JavaMailSender mailSender;
  @Autowired GreenMail greenMail;
  @Autowired TestRestTemplate http;
  @Autowired EmbeddedEngine engine;

  @Test
  void engineHasTheModelsFromTheBpmnFolderDeployed() throws Exception {
    var topology = camunda.newTopologyRequest().send().join();
    assertThat(topology.getBrokers()).isNotEmpty();

    // The latest deployed version of each process id, as the engine recorded the deployments.
    Map<String, ProcessMetadataValue> deployed = new HashMap<>();
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.DEPLOYMENT
          && r.getIntent() == DeploymentIntent.CREATED
          && r.getValue() instanceof DeploymentRecordValue d) {
        d.getProcessesMetadata()
            .forEach(
                p ->
                    deployed.merge(
                        p.getBpmnProcessId(),
                        p,
                        (a, b) -> b.getVersion() >= a.getVersion() ? b : a));
      }
    }
    for (String id :
        new String[] {
          ProcessConstants.PROCESS_COUNTRY_REVIEW,
          ProcessConstants.PROCESS_DEADLINE_STEP,
          ProcessConstants.PROCESS_REVIEW_ANNOUNCEMENT,
          ProcessConstants.PROCESS_PLANNED_REVIEW,
          ProcessConstants.PROCESS_SECRETARIAT_DIGEST
        }) {
      assertThat(deployed).as("process definitions deployed").containsKey(id);
      // The engine runs what bpmn/ holds today, not an older model.
      assertThat(deployed.get(id).getResourceName()).isEqualTo(id + ".bpmn");
      byte[] file = Files.readAllBytes(Path.of("bpmn", id + ".bpmn"));
      assertThat(HexFormat.of().formatHex(deployed.get(id).getChecksum()))
          .as("checksum of %s", id)
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file)));
    }
  }

  @Test
  void databaseIsMySqlProtocolWithTheFlywaySchema() {
    String version = jdbc.queryForObject("SELECT VERSION()", String.class);
    assertThat(version).isNotBlank();
    Integer applied =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class);
    assertThat(applied).isPositive();
    String driver = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDriverName());
    assertThat(driver).contains("MySQL Connector/J");
  }

  @Test
  void mailReachesTheEmbeddedSmtpServerInUtf8() throws Exception {
    MimeMessage message = mailSender.createMimeMessage();
    var helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom("revflow@example.org");
    helper.setTo("fp@foundation-test.example");
    helper.setSubject("Проверка — 测试 — اختبار");
    helper.setText("body");
    mailSender.send(message);
    assertThat(greenMail.getReceivedMessagesForDomain("foundation-test.example")).hasSize(1);

    MimeMessage received = greenMail.getReceivedMessagesForDomain("foundation-test.example")[0];
    assertThat(received.getSubject()).isEqualTo("Проверка — 测试 — اختبار");
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthReportsEngineDatabaseAndMail() {
    Map<String, Object> health = http.getForObject("/actuator/health", Map.class);
    assertThat(health).containsEntry("status", "UP");
    Map<String, Object> components = (Map<String, Object>) health.get("components");
    assertThat(components).containsKeys("db", "mail", "engine");
    assertThat((Map<String, Object>) components.get("engine")).containsEntry("status", "UP");
  }
}
