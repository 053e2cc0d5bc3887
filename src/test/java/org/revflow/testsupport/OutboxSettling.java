package org.revflow.testsupport;

import org.revflow.process.ProcessMessages;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Lets {@link SimulatedTime#settle()} publish this context's pending outbox messages (see there
 * why).
 */
@Component
class OutboxSettling implements DisposableBean {

  private final SimulatedTime time;
  private final ProcessMessages outbox;

  OutboxSettling(SimulatedTime time, ProcessMessages outbox) {
    this.time = time;
    this.outbox = outbox;
    time.attachOutbox(outbox);
  }

  @Override
  public void destroy() {
    time.detachOutbox(outbox);
  }
}
