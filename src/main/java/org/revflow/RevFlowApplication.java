package org.revflow;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * RevFlow: the UNTOC country-review lifecycle on Camunda 8.
 *
 * <p>The models in {@code bpmn/} are packaged under {@code bpmn/} in the jar and deployed at start;
 * Zeebe ignores a re-deployment of an unchanged model, so restarts do not create new versions.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Deployment(resources = "classpath*:/bpmn/*.bpmn")
public class RevFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(RevFlowApplication.class, args);
  }
}
