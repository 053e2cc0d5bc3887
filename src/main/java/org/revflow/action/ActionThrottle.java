package org.revflow.action;

import java.time.Clock;
import org.revflow.config.ClientAddresses;
import org.revflow.config.FailureWindow;
import org.springframework.stereotype.Component;

/**
 * Counts invalid action-link attempts per client (an IPv4 address, or an IPv6 /64) in a sliding
 * window. In memory, per instance: a restart forgets, and two instances each allow the limit. That
 * is enough to make guessing pointless (a token carries a 256-bit signature); it is not an
 * accounting of abuse. The client address is the connection's, or the one a configured proxy
 * forwarded (TrustedProxies): a header from anyone else names nobody.
 */
@Component
public class ActionThrottle {

  /** Bounds the memory an address-spraying client can make us spend. */
  static final int MAX_ADDRESSES = 50_000;

  private final FailureWindow failures;

  ActionThrottle(ActionProperties properties, Clock clock) {
    this.failures =
        new FailureWindow(
            properties.throttle().maxFailures(),
            properties.throttle().window(),
            MAX_ADDRESSES,
            clock);
  }

  public boolean blocked(String address) {
    return failures.blocked(ClientAddresses.key(address));
  }

  public void failed(String address) {
    failures.failed(ClientAddresses.key(address));
  }
}
