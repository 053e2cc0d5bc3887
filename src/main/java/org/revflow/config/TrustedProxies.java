package org.revflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address as the throttles see it: the connection's own, unless the connection comes
 * from a configured proxy (the ingress), which may then say in {@code X-Forwarded-For} whom it
 * forwards, and in {@code X-Forwarded-Proto} whether that client used HTTPS. Tomcat's own handling
 * ({@code server.forward-headers-strategy: native}) trusts every private address by default, so
 * anyone inside the network could name their own address and get a fresh allowance each time: it is
 * off, and nothing is trusted unless listed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedProxies.Properties.class)
public class TrustedProxies {

  /**
   * @param trusted addresses or CIDR blocks of the reverse proxies in front of RevFlow (e.g. the
   *     ingress controller's pod network {@code 10.42.0.0/16}); empty: forwarded headers are
   *     ignored
   */
  @ConfigurationProperties("revflow.proxies")
  public record Properties(List<String> trusted) {
    public Properties {
      trusted =
          trusted == null
              ? List.of()
              : trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  @Bean
  FilterRegistrationBean<ForwardedClient> forwardedClient(Properties properties) {
    List<Block> blocks = new ArrayList<>();
    for (String cidr : properties.trusted()) {
      blocks.add(Block.parse(cidr));
    }
    FilterRegistrationBean<ForwardedClient> bean =
        new FilterRegistrationBean<>(new ForwardedClient(blocks));
    // Before Spring Security, whose sign-in throttle reads the address too.
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return bean;
  }

  /** An address block: a network and its prefix length. */
  record Block(byte[] network, int prefix) {

    static Block parse(String cidr) {
      int slash = cidr.indexOf('/');
      String address = slash < 0 ? cidr : cidr.substring(0, slash);
      InetAddress parsed = ClientAddresses.literal(address);
      if (parsed == null) {
        throw new IllegalStateException(
            "revflow.proxies.trusted (REVFLOW_TRUSTED_PROXIES): '"
                + cidr
                + "' is not an IP address or CIDR block such as 10.42.0.0/16 or 2001:db8::/48");
      }
      int bits = parsed.getAddress().length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalStateException(
            "revflow.proxies.trusted (REVFLOW_TRUSTED_PROXIES): '"
                + cidr
                + "' has a prefix length outside 0-"
                + bits);
      }
      return new Block(parsed.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < prefix; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Replaces the connection's address with the forwarded client's when a trusted proxy sent the
   * request.
   */
  static final class ForwardedClient extends OncePerRequestFilter {

    private final List<Block> trusted;

    ForwardedClient(List<Block> trusted) {
      this.trusted = List.copyOf(trusted);
    }

    boolean trusted(String address) {
      InetAddress a = ClientAddresses.literal(address);
      return a != null && trusted.stream().anyMatch(b -> b.contains(a));
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (trusted.isEmpty() || !trusted(request.getRemoteAddr())) {
        chain.doFilter(request, response);
        return;
      }
      String client = request.getRemoteAddr();
      List<String> hops = new ArrayList<>();
      for (var values = request.getHeaders("X-Forwarded-For"); values.hasMoreElements(); ) {
        for (String hop : values.nextElement().split(",")) {
          if (!hop.isBlank()) {
            hops.add(hop.strip());
          }
        }
      }
      // From the nearest hop back: the first address that is not one of our proxies is the client;
      // what lies before it was written by the client and proves nothing.
      for (int i = hops.size() - 1; i >= 0; i--) {
        client = hops.get(i);
        if (!trusted(client)) {
          break;
        }
      }
      String proto = request.getHeader("X-Forwarded-Proto");
      boolean https = proto != null && proto.strip().toLowerCase(Locale.ROOT).startsWith("https");
      String forwarded = client;
      chain.doFilter(
          new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
              return forwarded;
            }

            @Override
            public String getRemoteHost() {
              return forwarded;
            }

            @Override
            public boolean isSecure() {
              return https || super.isSecure();
            }

            @Override
            public String getScheme() {
              return https ? "https" : super.getScheme();
            }
          },
          response);
    }
  }
}
