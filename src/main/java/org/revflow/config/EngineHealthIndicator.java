package org.revflow.config;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the connection to the Camunda 8 cluster, by asking its gateway for the topology over
 * the same client (and protocol) the workers use. Shown as {@code engine} in /actuator/health.
 */
@Component("engine")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final CamundaClient camunda;

  EngineHealthIndicator(CamundaClient camunda) {
    super("Camunda cluster not reachable");
    this.camunda = camunda;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    var topology = camunda.newTopologyRequest().requestTimeout(Duration.ofSeconds(5)).send().join();
    int partitions = topology.getBrokers().stream().mapToInt(b -> b.getPartitions().size()).sum();
    health
        .status(topology.getBrokers().isEmpty() ? "DOWN" : "UP")
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("partitions", partitions)
        .withDetail("clusterSize", topology.getClusterSize())
        .withDetail("gatewayVersion", topology.getGatewayVersion());
  }
}
