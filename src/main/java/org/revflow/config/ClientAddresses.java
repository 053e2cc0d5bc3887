package org.revflow.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The identity a throttle counts a client by: its IPv4 address, or the /64 network of its IPv6
 * address, since one IPv6 host commonly holds a whole /64 and would otherwise get a fresh allowance
 * from each of its 2^64 addresses.
 */
public final class ClientAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

  private ClientAddresses() {}

  /** The throttle key of a numeric address; anything that is not one is kept as it is. */
  public static String key(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    InetAddress parsed = literal(a);
    if (parsed instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      StringBuilder net = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        net.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return net.append(":/64").toString();
    }
    return parsed == null ? a : parsed.getHostAddress();
  }

  /**
   * The address, if {@code text} is a numeric IPv4 or IPv6 literal (an IPv4-mapped IPv6 address
   * becomes IPv4); null otherwise. Never a name lookup: the patterns let only literals through.
   */
  static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    boolean v4 = IPV4.matcher(text).matches();
    boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
