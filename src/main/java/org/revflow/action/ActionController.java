package org.revflow.action;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.revflow.config.ApiException;
import org.revflow.registry.Language;
import org.revflow.review.ReviewEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages behind the links in notices: {@code GET /act/{token}} shows, {@code POST} confirms. */
@Controller
@Hidden
@RequestMapping("/act")
class ActionController {

  private static final Logger log = LoggerFactory.getLogger(ActionController.class);
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final ActionService actions;
  private final ActionPages pages;
  private final ActionThrottle throttle;

  ActionController(ActionService actions, ActionPages pages, ActionThrottle throttle) {
    this.actions = actions;
    this.pages = pages;
    this.throttle = throttle;
  }

  @GetMapping("/{token:.+}")
  ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
    String client = request.getRemoteAddr();
    if (throttle.blocked(client)) {
      return page(ActionOutcome.THROTTLED, Language.EN, List.of(), null);
    }
    try {
      ActionService.Action action = actions.check(token);
      CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      String html = pages.action(action, csrf.getParameterName(), csrf.getToken(), actions.secretariatEmail());
      return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
    } catch (ActionRefused refused) {
      return refused(refused, client);
    }
  }

  @PostMapping("/{token:.+}")
  ResponseEntity<String> confirm(@PathVariable String token, @RequestParam(required = false) String choice,
      @RequestParam(required = false) String comment, HttpServletRequest request) {
    String client = request.getRemoteAddr();
    if (throttle.blocked(client)) {
      return page(ActionOutcome.THROTTLED, Language.EN, List.of(), null);
    }
    try {
      ReviewEvent event = actions.confirm(token, choice, comment, client);
      // The event's history names the person by address; the log by registry id.
      log.info("action link: {} recorded on {} for {} by person {}", event.getType(), event.getReviewId(),
          event.getStateCode(), actions.personIdOf(token));
      return page(ActionOutcome.RECORDED, languageOf(token), List.of(event.getOccurredOn()), event.getType().name());
    } catch (ActionRefused refused) {
      return refused(refused, client);
    } catch (ApiException rejected) {
      // The review refused the event (the secretariat API would answer the same 409); the
      // transaction rolled back, the link stays unused.
      return page(ActionOutcome.REFUSED, languageOf(token), List.of(rejected.getMessage()), null);
    }
  }

  private ResponseEntity<String> refused(ActionRefused refused, String client) {
    if (refused.outcome.countsAsFailure()) {
      throttle.failed(client);
    }
    return page(refused.outcome, refused.language, Arrays.asList(refused.args), null);
  }

  private ResponseEntity<String> page(ActionOutcome outcome, Language lang, List<Object> args, String event) {
    String html = pages.outcome(outcome, lang, args, event, actions.secretariatEmail());
    return ResponseEntity.status(outcome.status()).contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
  }

  /** After a successful confirmation the token was valid: its person's language. */
  private Language languageOf(String token) {
    try {
      return actions.languageOf(token);
    } catch (RuntimeException e) {
      return Language.EN;
    }
  }
}
