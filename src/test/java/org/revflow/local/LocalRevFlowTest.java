package org.revflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local run is for the developer's machine: its web port listens on the loopback interface. */
class LocalRevFlowTest {

  @Test
  void theLocalRunListensOnLoopbackOnly() {
    assertThat(LocalRevFlow.defaults()).containsEntry("server.address", "127.0.0.1");
  }
}
