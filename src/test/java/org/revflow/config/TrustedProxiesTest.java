package org.revflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Forwarded headers count only from the configured proxies. */
class TrustedProxiesTest {

  private static String clientSeen(List<String> trusted, String remote, String... forwardedFor)
      throws Exception {
    TrustedProxies.ForwardedClient filter =
        new TrustedProxies.ForwardedClient(
            trusted.stream().map(TrustedProxies.Block::parse).toList());
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/act/x");
    request.setRemoteAddr(remote);
    for (String f : forwardedFor) {
      request.addHeader("X-Forwarded-For", f);
    }
    AtomicReference<String> seen = new AtomicReference<>();
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (req, res) -> seen.set(((HttpServletRequest) req).getRemoteAddr()));
    return seen.get();
  }

  @Test
  void nothingIsTrustedUnlessConfigured() throws Exception {
    assertThat(clientSeen(List.of(), "10.0.0.5", "203.0.113.9")).isEqualTo("10.0.0.5");
    assertThat(clientSeen(List.of(), "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
  }

  @Test
  void aConfiguredProxyNamesTheClientAndWhatTheClientWroteCountsForNothing() throws Exception {
    List<String> ingress = List.of("10.42.0.0/16", "2001:db8:42::/48");
    assertThat(clientSeen(ingress, "10.42.3.4", "203.0.113.9")).isEqualTo("203.0.113.9");
    // The client put its own X-Forwarded-For in front: the ingress appended the real address.
    assertThat(clientSeen(ingress, "10.42.3.4", "1.2.3.4, 203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(clientSeen(ingress, "10.42.3.4", "1.2.3.4", "203.0.113.9, 10.42.0.7"))
        .isEqualTo("203.0.113.9");
    assertThat(clientSeen(ingress, "2001:db8:42::5", "2001:db8:99::1")).isEqualTo("2001:db8:99::1");
    // Another private address is not the ingress.
    assertThat(clientSeen(ingress, "10.43.0.1", "203.0.113.9")).isEqualTo("10.43.0.1");
    assertThat(clientSeen(ingress, "192.168.1.1", "203.0.113.9")).isEqualTo("192.168.1.1");
  }

  @Test
  void aMisspeltProxyStopsTheStart() {
    assertThatThrownBy(() -> TrustedProxies.Block.parse("ingress.local"))
        .hasMessageContaining("REVFLOW_TRUSTED_PROXIES");
    assertThatThrownBy(() -> TrustedProxies.Block.parse("10.0.0.0/33"))
        .hasMessageContaining("prefix length");
  }
}
