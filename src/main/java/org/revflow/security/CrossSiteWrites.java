package org.revflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a change that a browser says was sent from another site (Fetch Metadata). The API keeps no
 * session and no cookie, but a browser remembers a Basic login (e.g. after Swagger UI asked for one)
 * and would send it along with a form another site makes it post: this is the one ambient credential
 * left, and this filter stands where a CSRF token would. Clients other than browsers send no such header.
 */
final class CrossSiteWrites extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final SecurityProblems problems;

  CrossSiteWrites(SecurityProblems problems) {
    this.problems = problems;
  }

  static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && fromAnotherSite(request)) {
      problems.crossSite(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
