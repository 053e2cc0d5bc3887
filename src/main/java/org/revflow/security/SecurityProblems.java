package org.revflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401, 403 and requests the firewall rejects, answered as RFC 9457 problems like every other
 * refusal of the API. Spring Security answers these in its filters, before any controller advice
 * could.
 */
final class SecurityProblems
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  private final ObjectMapper json;
  private final boolean basic;
  private final boolean bearer;

  SecurityProblems(ObjectMapper json, boolean basic, boolean bearer) {
    this.json = json;
    this.basic = basic;
    this.bearer = bearer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    BearerTokenError tokenError =
        e instanceof OAuth2AuthenticationException o && o.getError() instanceof BearerTokenError b
            ? b
            : null;
    for (String challenge : challenges(tokenError)) {
      response.addHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    String detail;
    if (tokenError != null || e instanceof OAuth2AuthenticationException) {
      detail =
          "The bearer token was refused: "
              + (tokenError != null && tokenError.getDescription() != null
                  ? tokenError.getDescription()
                  : e.getMessage());
    } else if (e instanceof BadCredentialsException) {
      detail = "The user name or password is wrong.";
    } else if (!basic && !bearer) {
      detail =
          "No users and no OpenID Connect provider are configured: this API refuses every request "
              + "(see revflow.security.users and spring.security.oauth2.resourceserver.jwt.issuer-uri).";
    } else {
      detail =
          "This API is for signed-in secretariat users: send "
              + (basic && bearer
                  ? "HTTP Basic credentials or an OpenID Connect bearer token."
                  : basic ? "HTTP Basic credentials." : "an OpenID Connect bearer token.");
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String name = who == null ? "this user" : "user '" + who.getName() + "'";
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "The "
            + name
            + " does not have the role "
            + ApiSecurityProperties.SECRETARIAT
            + " this API needs.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        "The request was rejected: " + e.getMessage());
  }

  void crossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "The browser marked this request as sent from another site; RevFlow accepts no changes from other sites.");
  }

  void foreignOrigin(HttpServletRequest request, HttpServletResponse response) throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "The request's Origin is another site's; RevFlow accepts no changes from other sites.");
  }

  void throttled(HttpServletRequest request, HttpServletResponse response) throws IOException {
    write(
        request,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed sign-ins",
        "Too many failed sign-ins for this user name or from this address; try again later (see Retry-After).");
  }

  private List<String> challenges(BearerTokenError tokenError) {
    List<String> c = new ArrayList<>();
    if (bearer || tokenError != null) {
      c.add(
          tokenError == null
              ? "Bearer realm=\"RevFlow\""
              : "Bearer realm=\"RevFlow\", error=\"" + tokenError.getErrorCode() + "\"");
    }
    if (basic || c.isEmpty()) {
      // A 401 must name at least one scheme; Basic also makes browsers (Swagger UI) ask for a
      // login.
      c.add("Basic realm=\"RevFlow\"");
    }
    return c;
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    try {
      p.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // a rejected request's path need not be a valid URI: leave the instance out
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), p);
  }
}
