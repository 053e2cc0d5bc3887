package org.revflow.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.StateNames;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for an error that reaches the servlet container from the pages (a template that fails
 * while it is written, after every handler): the pages' own error page instead of Spring Boot's
 * "Whitelabel" one. Other paths (the API, the action pages) keep their own error handling.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorViews implements ErrorViewResolver {

  private final MessageSource messages;
  private final Formats formats;
  private final Formats.Names names;
  private final Clock clock;
  private final RevFlowProperties properties;

  ConsoleErrorViews(
      MessageSource messages, RevFlowProperties properties, StateNames stateNames, Clock clock) {
    this.messages = messages;
    this.properties = properties;
    this.formats = new Formats(properties.zone());
    this.names = new Formats.Names(stateNames);
    this.clock = clock;
  }

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> error) {
    Object path = error.get("path");
    if (!(path instanceof String p)
        || !p.startsWith("/console/")
        || p.startsWith("/console/webjars/")
        || p.startsWith("/console/assets/")) {
      return null;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("status", status.value());
    model.put(
        "message",
        messages.getMessage(
            "problem.unexpected",
            new Object[] {status.value(), formats.time(clock.instant())},
            Locale.ENGLISH));
    model.put(
        "currentUser",
        request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
    model.put("today", LocalDate.now(clock.withZone(properties.zone())));
    model.put("fmt", formats);
    model.put("names", names);
    return new ModelAndView("console/problem", model, status);
  }
}
