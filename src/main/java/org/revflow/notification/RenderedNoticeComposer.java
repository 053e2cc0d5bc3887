package org.revflow.notification;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.revflow.config.RevFlowProperties;
import org.revflow.notification.render.NoticeContent;
import org.revflow.notification.render.NoticeDetails;
import org.revflow.notification.render.NoticeRenderer;
import org.revflow.notification.render.Recipient;
import org.revflow.notification.render.RecipientRole;
import org.revflow.notification.render.RenderedNotice;
import org.revflow.review.Review;
import org.revflow.review.ReviewEvent;
import org.revflow.review.ReviewService;
import org.revflow.review.ReviewStep;
import org.revflow.rulebook.Rung;
import org.springframework.stereotype.Component;

/**
 * Gathers what a notice says (review, step, deadline, the event's reason and reference) and has
 * the renderer write it in the addressee's language, with the iCalendar part for deadlines.
 */
@Component
class RenderedNoticeComposer implements NoticeComposer {

  private final NoticeRenderer renderer;
  private final ReviewService reviews;
  private final RevFlowProperties properties;
  private final Clock clock;
  /** Resolved once, at start: a bean-factory lookup per addressee was a twentieth of rendering. */
  private final Optional<ActionLinkProvider> actionLinks;

  RenderedNoticeComposer(NoticeRenderer renderer, ReviewService reviews, RevFlowProperties properties, Clock clock,
      Optional<ActionLinkProvider> actionLinks) {
    this.renderer = renderer;
    this.reviews = reviews;
    this.properties = properties;
    this.clock = clock;
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
    JobFacts facts = facts(job);
    return to -> render(job, facts, to);
  }

  private JobFacts facts(NoticeJob job) {
    // A review's process starts only after its launch is committed: a review missing here is not a
    // race, but the job fails and is retried like any other undeliverable notice, never sent blank.
    Review review = reviews.find(job.reviewId())
        .orElseThrow(() -> new NoticeDeliveryException("review " + job.reviewId() + " is not in the database", false));
    LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
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
    if (job.kind() == NoticeKind.REVIEW_RESUMED) {
      List<ReviewStep> open = reviews.openSteps(job.reviewId());
      if (!open.isEmpty()) {
        details.put(NoticeDetails.NEW_DATES, open.stream()
            .map(s -> s.getStep().name() + "=" + s.getDueOn()).distinct().collect(Collectors.joining(";")));
      }
    }
    if ((job.kind() == NoticeKind.ESCALATION || job.kind() == NoticeKind.DESIGNATION_PENDING) && job.due() != null) {
      Rung rung = Rung.fromKey(job.noticeKey());
      LocalDate rungDate = rung == null ? today : rung.date();
      long number = Math.max(1, ChronoUnit.DAYS.between(job.due().plusDays(31), rungDate) / 30 + 1);
      details.put(NoticeDetails.ESCALATION_NUMBER, String.valueOf(number));
    }
    return new JobFacts(review, Map.copyOf(details), previousDue);
  }

  private Composed render(NoticeJob job, JobFacts facts, Addressee to) {
    Review review = facts.review();
    URI base = properties.publicBaseUrl();
    NoticeContent content = new NoticeContent(job.kind(), review.getId(), review.getUnderReview(), review.getPhase(),
        job.step(), job.state(), job.due(), facts.previousDue(), job.deadlineRevision(),
        base.resolve("/api/reviews/" + review.getId()), actionLink(job, to), facts.details());
    Recipient recipient = new Recipient(to.name(), to.email(), to.language(), to.timeZone(),
        RecipientRole.valueOf(to.role().name()));
    RenderedNotice rendered = renderer.render(content, recipient);
    List<Attachment> attachments = rendered.calendar()
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
