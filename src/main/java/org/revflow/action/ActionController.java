package org.revflow.action;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Action pages")
@RequestMapping("/act")
class ActionController {

  private static final Logger log = LoggerFactory.getLogger(ActionController.class);
  private static final MediaType HTML =
      new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final ActionService actions;
  private final ActionPages pages;
  private final ActionThrottle throttle;

  ActionController(ActionService actions, ActionPages pages, ActionThrottle throttle) {
    this.actions = actions;
    this.pages = pages;
    this.throttle = throttle;
  }

  @GetMapping("/{token:.+}")
  @Operation(
      summary = "Open an action page",
      description =
          "The page a focal point opens from the link in a notice, in their language: the review, the "
              + "State, the step, its deadline, what confirming means, and the form to confirm. It sets the CSRF "
              + "cookie the form needs. Opening it changes nothing.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The page with the form",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string"))),
        @ApiResponse(
            responseCode = "404",
            description = "An unknown, malformed or altered link (in English)"),
        @ApiResponse(
            responseCode = "409",
            description = "The link was used already, or the step was done another " + "way"),
        @ApiResponse(
            responseCode = "410",
            description = "The link expired, or the person no longer acts for the " + "State"),
        @ApiResponse(
            responseCode = "429",
            description = "Too many invalid links from this address in 15 minutes")
      })
  ResponseEntity<String> show(
      @Parameter(description = "The signed token from the link in the notice") @PathVariable
          String token,
      HttpServletRequest request) {
    String client = request.getRemoteAddr();
    if (throttle.blocked(client)) {
      return page(ActionOutcome.THROTTLED, Language.EN, List.of(), null);
    }
    try {
      ActionService.Action action = actions.check(token);
      CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      String html =
          pages.action(
              action, csrf.getParameterName(), csrf.getToken(), actions.secretariatEmail());
      return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
    } catch (ActionRefused refused) {
      return refused(refused, client);
    }
  }

  @PostMapping("/{token:.+}")
  @Operation(
      summary = "Confirm on an action page",
      description =
          "The page's form: records the chosen event in the review as the person the link names, "
              + "exactly as the API would, once. `choice` is one of the events the page offers (e.g. SAQ_CLEARED; "
              + "OBSERVATIONS_AGREED or CHANGES_REQUESTED on an agreement, the latter with a `comment`). `_csrf` is the "
              + "token the page put in its form, checked against the cookie it set.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/x-www-form-urlencoded",
                      schema =
                          @Schema(
                              type = "object",
                              requiredProperties = {"choice", "_csrf"}),
                      schemaProperties = {
                        @io.swagger.v3.oas.annotations.media.SchemaProperty(
                            name = "choice",
                            schema =
                                @Schema(
                                    type = "string",
                                    description = "The event to record, as the page offers it")),
                        @io.swagger.v3.oas.annotations.media.SchemaProperty(
                            name = "comment",
                            schema =
                                @Schema(
                                    type = "string",
                                    maxLength = 1000,
                                    description = "Required for CHANGES_REQUESTED")),
                        @io.swagger.v3.oas.annotations.media.SchemaProperty(
                            name = "_csrf",
                            schema =
                                @Schema(type = "string", description = "The form's CSRF token"))
                      },
                      examples = {
                        @ExampleObject(
                            name = "confirm",
                            value = "choice=SAQ_CLEARED&_csrf=4bX8..."),
                        @ExampleObject(
                            name = "ask for changes",
                            value =
                                "choice=CHANGES_REQUESTED&comment=Paragraph+12+misstates+the+law+in+force&_csrf=4bX8...")
                      })),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Recorded: the page says what happens next",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string"))),
        @ApiResponse(
            responseCode = "400",
            description =
                "A choice the page did not offer, or changes requested "
                    + "without a comment (or one over 1,000 characters)"),
        @ApiResponse(
            responseCode = "403",
            description =
                "The CSRF token is missing or wrong: the form did not " + "come from the page"),
        @ApiResponse(
            responseCode = "404",
            description = "An unknown, malformed or altered link (in English)"),
        @ApiResponse(
            responseCode = "409",
            description =
                "The link was used already; the step was done another "
                    + "way; the review refused the event (the page says why). Nothing was recorded"),
        @ApiResponse(
            responseCode = "410",
            description = "The link expired, or the person no longer acts for the " + "State"),
        @ApiResponse(
            responseCode = "429",
            description = "Too many invalid links from this address in 15 minutes")
      })
  ResponseEntity<String> confirm(
      @Parameter(description = "The signed token from the link in the notice") @PathVariable
          String token,
      @Parameter(hidden = true) @RequestParam(required = false) String choice,
      @Parameter(hidden = true) @RequestParam(required = false) String comment,
      HttpServletRequest request) {
    String client = request.getRemoteAddr();
    if (throttle.blocked(client)) {
      return page(ActionOutcome.THROTTLED, Language.EN, List.of(), null);
    }
    try {
      ReviewEvent event = actions.confirm(token, choice, comment, client);
      // The event's history names the person by address; the log by registry id.
      log.info(
          "action link: {} recorded on {} for {} by person {}",
          event.getType(),
          event.getReviewId(),
          event.getStateCode(),
          actions.personIdOf(token));
      return page(
          ActionOutcome.RECORDED,
          languageOf(token),
          List.of(event.getOccurredOn()),
          event.getType().name());
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

  private ResponseEntity<String> page(
      ActionOutcome outcome, Language lang, List<Object> args, String event) {
    String html = pages.outcome(outcome, lang, args, event, actions.secretariatEmail());
    return ResponseEntity.status(outcome.status())
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .body(html);
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
