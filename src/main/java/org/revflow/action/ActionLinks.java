package org.revflow.action;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.revflow.config.RevFlowProperties;
import org.revflow.notification.ActionLinkProvider;
import org.revflow.notification.Addressee;
import org.revflow.notification.NoticeJob;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.FocalPointResolver;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewStep;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * Puts an action link into the notices that ask their addressee to act (see {@link
 * ActionCatalogue}).
 */
@Component
class ActionLinks implements ActionLinkProvider {

  private final ActionTokens tokens;
  private final ReviewLookups reviews;
  private final FocalPointResolver focalPoints;
  private final RevFlowProperties properties;
  private final Clock clock;

  ActionLinks(
      ActionTokens tokens,
      ReviewLookups reviews,
      FocalPointResolver focalPoints,
      RevFlowProperties properties,
      Clock clock) {
    this.tokens = tokens;
    this.reviews = reviews;
    this.focalPoints = focalPoints;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Optional<URI> actionLink(NoticeJob job, Addressee to) {
    if (to.personId() == null
        || job.stepId() == null
        || job.state() == null
        || !ActionCatalogue.asksToAct(job.kind(), job.step())) {
      return Optional.empty();
    }
    Optional<ReviewStep> step =
        reviews
            .findStep(job.stepId())
            .filter(
                s ->
                    s.isOpen()
                        && s.getStep() == job.step()
                        && Objects.equals(s.getStateCode(), job.state()));
    if (step.isEmpty()) {
      return Optional.empty();
    }
    // Experts and a PR who is not interim get the notice without a link: they cannot clear.
    ActingFocalPoint acting =
        focalPoints.actingFocalPoint(job.reviewId(), job.state(), clock.instant());
    if (acting.person() == null || acting.person().id() != to.personId()) {
      return Optional.empty();
    }
    // Whoever holds a link can use it, and a notice goes out as one message with its copies. The
    // overdue notice copies the permanent representative, who must not get the focal point's link;
    // when the PR is the interim focal point it is the addressee and only the secretariat is copied
    // (the secretariat can record the same event through its API, so its copy grants nothing new).
    if (job.kind() == NoticeKind.OVERDUE && !acting.interim()) {
      return Optional.empty();
    }
    String token =
        tokens.sign(
            new ActionTokens.Claims(job.reviewId(), job.stepId(), job.state(), to.personId()));
    return Optional.of(properties.publicBaseUrl().resolve("/act/" + token));
  }
}
