package org.revflow.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.FocalPointResolver;
import org.revflow.registry.Language;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryLookups;
import org.revflow.review.Review;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewEvent;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewService;
import org.revflow.review.ReviewStep;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.vocabulary.EventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an action link against the review as it is now, and records what the person confirms
 * through {@link ReviewService#record}, the secretariat API's own path.
 */
@Service
class ActionService {

  /** What a valid link is about, for the page. */
  record Action(
      String token,
      ActionTokens.Claims claims,
      PersonView person,
      Review review,
      ReviewStep step,
      List<EventType> events,
      LocalDate validUntil) {

    Language language() {
      return person.language();
    }
  }

  private final ActionTokens tokens;
  private final ReviewLookups reviews;
  private final ReviewService commands;
  private final RegistryLookups registry;
  private final FocalPointResolver focalPoints;
  private final RulebookRegistry rulebooks;
  private final DeadlinePlanner planner;
  private final JdbcTemplate jdbc;
  private final RevFlowProperties properties;
  private final MechanismTime time;

  ActionService(
      ActionTokens tokens,
      ReviewLookups reviews,
      ReviewService commands,
      RegistryLookups registry,
      FocalPointResolver focalPoints,
      RulebookRegistry rulebooks,
      DeadlinePlanner planner,
      JdbcTemplate jdbc,
      RevFlowProperties properties,
      MechanismTime time) {
    this.tokens = tokens;
    this.reviews = reviews;
    this.commands = commands;
    this.registry = registry;
    this.focalPoints = focalPoints;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.jdbc = jdbc;
    this.properties = properties;
    this.time = time;
  }

  /**
   * The action a token stands for, if it may be used now; else {@link ActionRefused} with the
   * reason.
   */
  @Transactional(readOnly = true)
  public Action check(String token) {
    ActionTokens.Claims claims =
        tokens.verify(token).orElseThrow(() -> new ActionRefused(ActionOutcome.INVALID, null));
    PersonView person =
        person(claims.personId()).orElseThrow(() -> new ActionRefused(ActionOutcome.INVALID, null));
    Language lang = person.language();
    ReviewStep step =
        reviews
            .findStep(claims.stepId())
            .filter(s -> s.getReviewId().equals(claims.reviewId()))
            .orElseThrow(() -> new ActionRefused(ActionOutcome.INVALID, lang));
    Review review =
        reviews
            .find(claims.reviewId())
            .orElseThrow(() -> new ActionRefused(ActionOutcome.INVALID, lang));
    List<EventType> events = ActionCatalogue.events(step.getStep());
    if (events.isEmpty()) {
      throw new ActionRefused(ActionOutcome.INVALID, lang);
    }
    if (used(token)) {
      throw new ActionRefused(ActionOutcome.USED, lang);
    }
    // A replaced reviewing State hands its open steps to the new one: the old State's links end.
    if (!claims.state().equals(step.getStateCode())) {
      throw new ActionRefused(ActionOutcome.REPLACED, lang);
    }
    ActingFocalPoint acting =
        focalPoints.actingFocalPoint(claims.reviewId(), claims.state(), time.now());
    boolean stillActs =
        acting.person() != null
            && acting.person().id() == claims.personId()
            && (events.get(0) != EventType.INTERIM_ROLE_ACKNOWLEDGED || acting.interim());
    if (!stillActs) {
      throw new ActionRefused(ActionOutcome.REPLACED, lang);
    }
    if (!step.isOpen() || review.getStatus() == Review.Status.COMPLETED) {
      throw new ActionRefused(
          ActionOutcome.DONE, lang, step.getDoneOn() == null ? "" : step.getDoneOn());
    }
    LocalDate validUntil =
        planner.actionLinkExpiry(rulebooks.get(review.getRulebookVersion()), step.getDueOn());
    if (time.today().isAfter(validUntil)) {
      throw new ActionRefused(ActionOutcome.EXPIRED, lang, validUntil);
    }
    return new Action(token, claims, person, review, step, events, validUntil);
  }

  /**
   * Records the chosen event as the person, once: the token's digest goes in first, in the same
   * transaction as the event, so a second confirmation (even a concurrent one) fails on its key and
   * a refused event leaves no trace of the attempt.
   */
  @Transactional
  public ReviewEvent confirm(String token, String choice, String comment, String clientAddress) {
    Action action = check(token);
    Language lang = action.language();
    EventType type =
        action.events().stream()
            .filter(e -> e.name().equals(choice))
            .findFirst()
            .orElseThrow(() -> new ActionRefused(ActionOutcome.BAD_FORM, lang));
    String reason = comment == null || comment.isBlank() ? null : comment.strip();
    if (ActionCatalogue.needsComment(type) && reason == null) {
      throw new ActionRefused(ActionOutcome.BAD_FORM, lang);
    }
    if (reason != null && reason.length() > 1000) {
      throw new ActionRefused(ActionOutcome.BAD_FORM, lang);
    }
    String digest =
        tokens.digest(token).orElseThrow(() -> new ActionRefused(ActionOutcome.INVALID, lang));
    try {
      jdbc.update(
          "INSERT INTO action_link_use (token_digest, review_id, step_id, state_code, person_id, event_type,"
              + " client_address, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          digest,
          action.claims().reviewId(),
          action.claims().stepId(),
          action.claims().state(),
          action.claims().personId(),
          type.name(),
          truncate(clientAddress, 64),
          java.sql.Timestamp.from(time.now()));
    } catch (DuplicateKeyException concurrent) {
      throw new ActionRefused(ActionOutcome.USED, lang);
    }
    ReviewCommands.RecordEvent cmd =
        new ReviewCommands.RecordEvent(
            type,
            action.claims().state(),
            action.step().getStep(),
            null,
            null,
            ActionCatalogue.needsComment(type) ? reason : null,
            null,
            null,
            null,
            null,
            null,
            null);
    ReviewEvent event = commands.record(action.claims().reviewId(), cmd, actor(action.person()));
    jdbc.update(
        "UPDATE action_link_use SET event_id = ? WHERE token_digest = ?", event.getId(), digest);
    return event;
  }

  /** The registry id of the person a verified token names; null when it cannot be read. */
  Long personIdOf(String token) {
    return tokens.verify(token).map(ActionTokens.Claims::personId).orElse(null);
  }

  /** The language of the person a verified token names; English when it cannot be read. */
  public Language languageOf(String token) {
    return tokens
        .verify(token)
        .flatMap(c -> person(c.personId()))
        .map(PersonView::language)
        .orElse(Language.EN);
  }

  String secretariatEmail() {
    return properties.secretariatEmail();
  }

  private boolean used(String token) {
    String digest = tokens.digest(token).orElse(null);
    if (digest == null) {
      return false; // not a token: refused as invalid before this is asked
    }
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM action_link_use WHERE token_digest = ?", Integer.class, digest);
    return n != null && n > 0;
  }

  private Optional<PersonView> person(long id) {
    try {
      return Optional.ofNullable(registry.person(id));
    } catch (RuntimeException unknown) {
      return Optional.empty();
    }
  }

  /**
   * The history names the person and that it came through their link (recorded_by holds 100
   * characters).
   */
  static String actor(PersonView person) {
    String suffix = " via action link";
    return truncate(person.email(), 100 - suffix.length()) + suffix;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
