package org.revflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a change that a browser says was sent from another site: by Fetch Metadata ({@code
 * Sec-Fetch-Site}), and by {@code Origin}, which browsers send on every cross-origin POST,
 * including those that know no Fetch Metadata. The API keeps no session and no cookie, but a
 * browser remembers a Basic login (e.g. after Swagger UI asked for one) and would send it along
 * with a form another site makes it post: this is the one ambient credential left, and this filter
 * stands where a CSRF token would. Clients other than browsers send neither header. An Origin is
 * ours when it is the public base URL's or the request's own (scheme, host and port).
 */
final class CrossSiteWrites extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final SecurityProblems problems;
  private final String publicOrigin;

  CrossSiteWrites(SecurityProblems problems, java.net.URI publicBaseUrl) {
    this.problems = problems;
    this.publicOrigin =
        publicBaseUrl == null
            ? null
            : origin(publicBaseUrl.getScheme(), publicBaseUrl.getHost(), publicBaseUrl.getPort());
  }

  /** scheme://host[:port], lower case, without the scheme's default port. */
  static String origin(String scheme, String host, int port) {
    if (scheme == null || host == null) {
      return null;
    }
    String s = scheme.toLowerCase(java.util.Locale.ROOT);
    boolean defaultPort =
        port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
    return s + "://" + host.toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  boolean foreignOrigin(HttpServletRequest request) {
    String header = request.getHeader("Origin");
    if (header == null) {
      return false;
    }
    java.net.URI uri;
    try {
      uri = java.net.URI.create(header.strip());
    } catch (IllegalArgumentException garbled) {
      return true;
    }
    // "null" (a sandboxed page, a redirect across sites, a file) is nobody's origin we know.
    String origin = origin(uri.getScheme(), uri.getHost(), uri.getPort());
    if (origin == null) {
      return true;
    }
    return !origin.equals(publicOrigin)
        && !origin.equals(
            origin(request.getScheme(), request.getServerName(), request.getServerPort()));
  }

  static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && fromAnotherSite(request)) {
      problems.crossSite(request, response);
      return;
    }
    if (!SAFE.contains(request.getMethod()) && foreignOrigin(request)) {
      problems.foreignOrigin(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
