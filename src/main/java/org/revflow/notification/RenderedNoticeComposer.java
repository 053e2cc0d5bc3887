package org.revflow.notification;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.notification.render.NoticeContent;
import org.revflow.notification.render.NoticeDetails;
import org.revflow.notification.render.NoticeRenderer;
import org.revflow.notification.render.Recipient;
import org.revflow.notification.render.RecipientRole;
import org.revflow.notification.render.RenderedNotice;
import org.revflow.process.NoticeKeys;
import org.revflow.registry.RegistryLookups;
import org.revflow.review.Review;
import org.revflow.review.ReviewEvent;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewQueries;
import org.revflow.review.ReviewStep;
import org.revflow.vocabulary.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * Gathers what a notice says (review, step, deadline, the event's reason and reference) and has the
 * renderer write it in the addressee's language, with the iCalendar part for deadlines.
 */
@Component
class RenderedNoticeComposer implements NoticeComposer {

  private final NoticeRenderer renderer;
  private final ReviewLookups reviews;
  private final ReviewQueries queries;
  private final RegistryLookups registry;
  private final DigestService digests;
  private final RevFlowProperties properties;
  private final MechanismTime time;

  /** Resolved once, at start: a bean-factory lookup per addressee was a twentieth of rendering. */
  private final Optional<ActionLinkProvider> actionLinks;

  RenderedNoticeComposer(
      NoticeRenderer renderer,
      ReviewLookups reviews,
      ReviewQueries queries,
      RegistryLookups registry,
      DigestService digests,
      RevFlowProperties properties,
      MechanismTime time,
      Optional<ActionLinkProvider> actionLinks) {
    this.digests = digests;
    this.renderer = renderer;
    this.reviews = reviews;
    this.queries = queries;
    this.registry = registry;
    this.properties = properties;
    this.time = time;
    this.actionLinks = actionLinks;
  }

  @Override
  public Composed compose(NoticeJob job, Addressee to) {
    return forJob(job).apply(to);
  }

  /** What a notice says that is the same for all its addressees: looked up once per job. */
  private record JobFacts(Review review, Map<String, String> details, LocalDate previousDue) {}

  @Override
  public Function<Addressee, Composed> forJob(NoticeJob job) {
    JobFacts facts = facts(job, time.today());
    return to -> render(job, facts, to);
  }

  /**
   * The notice as it is written today for a day it was sent on (its date in the text is that
   * day's): for showing the secretariat what a person received, never for sending.
   */
  Composed composeAsOf(NoticeJob job, Addressee to, LocalDate sentOn) {
    return render(job, facts(job, sentOn), to);
  }

  private JobFacts facts(NoticeJob job, LocalDate today) {
    if (job.kind() == NoticeKind.STATUS_DIGEST) {
      return digestFacts(job);
    }
    // A review's process starts only after its launch is committed: a review missing here is not a
    // race, but the job fails and is retried like any other undeliverable notice, never sent blank.
    Review review =
        reviews
            .find(job.reviewId())
            .orElseThrow(
                () ->
                    new NoticeDeliveryException(
                        "review " + job.reviewId() + " is not in the database", false));
    Map<String, String> details = new HashMap<>();
    details.put(NoticeDetails.SENT_ON, today.toString());
    LocalDate previousDue = null;
    if (job.eventId() != null) {
      ReviewEvent event = reviews.findEvent(job.eventId()).orElse(null);
      if (event != null) {
        Map<String, String> d = event.detailMap();
        putIf(details, NoticeDetails.REASON, d.get("reason"));
        putIf(details, NoticeDetails.REFERENCE, event.getReference());
        putIf(details, NoticeDetails.OLD_STATE, d.get("old"));
        putIf(details, NoticeDetails.NEW_STATE, d.get("new"));
        putIf(details, NoticeDetails.INSTRUMENT, instrument(d.get("instrument")));
        previousDue = d.containsKey("previousDue") ? LocalDate.parse(d.get("previousDue")) : null;
      }
    }
    ReviewStep step = job.stepId() == null ? null : reviews.findStep(job.stepId()).orElse(null);
    if (step != null && step.isVacancy()) {
      details.put(NoticeDetails.OCCASION, NoticeDetails.VACANCY);
    }
    if (step != null && step.isRound() && step.getRequestedBy() != null) {
      details.put(NoticeDetails.REQUESTED_BY, step.getRequestedBy());
    }
    if (job.kind() == NoticeKind.REVIEW_LAUNCHED && job.state() != null) {
      launchFacts(job, review, today, details);
    }
    if (job.kind() == NoticeKind.DRAW_NEEDED) {
      details.put(NoticeDetails.PLANNED_ON, review.getLaunchDate().toString());
    }
    if (job.kind() == NoticeKind.FOCAL_POINT_CHANGED && job.state() != null) {
      registry
          .designatedFocalPoint(job.reviewId(), job.state(), time.now())
          .ifPresent(
              fp -> {
                details.put(NoticeDetails.PERSON_NAME, fp.name());
                details.put(NoticeDetails.PERSON_EMAIL, fp.email());
                details.put(NoticeDetails.PERSON_LANGUAGE, fp.language().code());
              });
    }
    if (job.kind() == NoticeKind.REVIEW_RESUMED) {
      // A vacancy has no deadline to list: only the steps whose dates moved.
      List<ReviewStep> open =
          reviews.openSteps(job.reviewId()).stream().filter(s -> !s.isVacancy()).toList();
      if (!open.isEmpty()) {
        details.put(
            NoticeDetails.NEW_DATES,
            open.stream()
                .map(s -> s.getStep().name() + "=" + s.getDueOn())
                .distinct()
                .collect(Collectors.joining(";")));
      }
    }
    if ((job.kind() == NoticeKind.ESCALATION || job.kind() == NoticeKind.DESIGNATION_PENDING)
        && job.due() != null) {
      LocalDate rungDate =
          NoticeKeys.rungOf(job.noticeKey()).map(NoticeKeys.RungKey::date).orElse(today);
      long number = Math.max(1, ChronoUnit.DAYS.between(job.due().plusDays(31), rungDate) / 30 + 1);
      details.put(NoticeDetails.ESCALATION_NUMBER, String.valueOf(number));
    }
    return new JobFacts(review, Map.copyOf(details), previousDue);
  }

  /**
   * What a launch notice lists for its State: its first steps and deadlines and, for the network of
   * focal points, who is already focal point in the review.
   */
  private void launchFacts(
      NoticeJob job, Review review, LocalDate today, Map<String, String> details) {
    var first = queries.firstSteps(job.reviewId(), job.state());
    if (!first.isEmpty()) {
      details.put(
          NoticeDetails.STEPS,
          first.entrySet().stream()
              .map(e -> e.getKey().name() + "=" + e.getValue())
              .collect(Collectors.joining(";")));
    }
    boolean joined =
        !review.getLaunchDate().equals(today) && details.containsKey(NoticeDetails.OLD_STATE);
    if (joined) {
      details.put(NoticeDetails.OCCASION, NoticeDetails.JOINED);
    } else if (review.getPreviousReviewId() != null) {
      details.put(NoticeDetails.OCCASION, NoticeDetails.NEXT_PHASE);
    }
    List<String> known = new java.util.ArrayList<>();
    for (String s : reviews.participatingStates(job.reviewId())) {
      registry
          .designatedFocalPoint(job.reviewId(), s, time.now())
          .ifPresent(
              fp ->
                  known.add(
                      s + "=" + fp.name().replace('|', ' ').replace(';', ',') + "|" + fp.email()));
    }
    if (!known.isEmpty()) {
      details.put(NoticeDetails.FOCAL_POINTS, String.join(";", known));
    }
  }

  /** The weekly digest is about every review: its facts are the week's, dated by its notice key. */
  private JobFacts digestFacts(NoticeJob job) {
    LocalDate on = NoticeKeys.digestDay(job.noticeKey()).orElseGet(time::today);
    Map<String, String> details = new HashMap<>(digests.facts(on));
    details.put(NoticeDetails.SENT_ON, on.toString());
    return new JobFacts(null, Map.copyOf(details), null);
  }

  private Composed render(NoticeJob job, JobFacts facts, Addressee to) {
    if (facts.review() == null) {
      NoticeContent digest =
          new NoticeContent(
              job.kind(),
              job.reviewId(),
              "-",
              0,
              null,
              null,
              null,
              null,
              0,
              properties.publicBaseUrl().resolve("/api/reports/status"),
              null,
              facts.details());
      return composed(renderer.render(digest, recipient(to)));
    }
    Review review = facts.review();
    URI base = properties.publicBaseUrl();
    // People outside the secretariat cannot sign in: their links lead only where they can act.
    URI reviewLink =
        to.role() == Addressee.Role.SECRETARIAT
            ? base.resolve("/api/reviews/" + review.getId())
            : null;
    NoticeContent content =
        new NoticeContent(
            job.kind(),
            review.getId(),
            review.getUnderReview(),
            review.getPhase(),
            job.step(),
            job.state(),
            job.due(),
            facts.previousDue(),
            job.deadlineRevision(),
            reviewLink,
            actionLink(job, to),
            facts.details());
    return composed(renderer.render(content, recipient(to)));
  }

  private static Recipient recipient(Addressee to) {
    return new Recipient(
        to.name(),
        to.email(),
        to.language(),
        to.timeZone(),
        RecipientRole.valueOf(to.role().name()));
  }

  private static Composed composed(RenderedNotice rendered) {
    List<Attachment> attachments =
        rendered
            .calendar()
            .map(a -> List.of(new Attachment(a.filename(), a.contentType(), a.content())))
            .orElse(List.of());
    return new Composed(rendered.subject(), rendered.text(), rendered.html(), attachments);
  }

  private URI actionLink(NoticeJob job, Addressee to) {
    return actionLinks.flatMap(p -> p.actionLink(job, to)).orElse(null);
  }

  /** The API's instrument codes, as the registry (and the renderer) name them. */
  private static String instrument(String code) {
    if (code == null) {
      return null;
    }
    return switch (code) {
      case "UNTOC" -> "CONVENTION";
      case "TIP" -> "TRAFFICKING_IN_PERSONS";
      case "SOM" -> "SMUGGLING_OF_MIGRANTS";
      default -> code;
    };
  }

  private static void putIf(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
