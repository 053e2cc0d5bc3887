package org.revflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revflow.config.MechanismTime;
import org.revflow.config.RevFlowProperties;
import org.revflow.registry.ActingFocalPoint;
import org.revflow.registry.FocalPointResolver;
import org.revflow.registry.Language;
import org.revflow.registry.PersonView;
import org.revflow.registry.RegistryLookups;
import org.revflow.review.ReviewLookups;
import org.springframework.stereotype.Component;

/**
 * Who gets a notice, decided when it is sent (review-mechanism brief, section 5): the acting focal
 * point (designated, else the permanent representative as interim), the Permanent Mission, the
 * secretariat, the other States' focal points. A person replaced yesterday gets nothing today.
 */
@Component
public class AddresseeResolver {

  private final FocalPointResolver focalPoints;
  private final RegistryLookups registry;
  private final ReviewLookups reviews;
  private final RevFlowProperties properties;
  private final MechanismTime time;

  AddresseeResolver(
      FocalPointResolver focalPoints,
      RegistryLookups registry,
      ReviewLookups reviews,
      RevFlowProperties properties,
      MechanismTime time) {
    this.focalPoints = focalPoints;
    this.registry = registry;
    this.reviews = reviews;
    this.properties = properties;
    this.time = time;
  }

  /** Never empty: a notice nobody can be found for goes to the secretariat rather than nowhere. */
  public List<Envelope> resolve(NoticeJob job) {
    List<Envelope> envelopes = route(job);
    return envelopes.isEmpty() ? List.of(new Envelope(secretariat(), List.of())) : envelopes;
  }

  private List<Envelope> route(NoticeJob job) {
    Instant now = time.now();
    Addressee secretariat = secretariat();
    boolean secretariatActs = job.step() != null && job.step().secretariatActs();
    String state = job.state();
    return switch (job.kind()) {
      case REVIEW_LAUNCHED -> {
        List<Envelope> out = new ArrayList<>();
        pr(state, now).ifPresent(pr -> out.add(new Envelope(pr, List.of(secretariat))));
        registry
            .designatedFocalPoint(job.reviewId(), state, now)
            .ifPresent(
                fp ->
                    out.add(
                        new Envelope(
                            person(fp, Addressee.Role.FOCAL_POINT, state), List.of(secretariat))));
        yield dedupe(out);
      }
      case FOCAL_POINT_REMINDER,
          INTERIM_FOCAL_POINT_IN_FORCE,
          DESIGNATION_PENDING,
          INTERIM_FOCAL_POINT_ENDED ->
          pr(state, now)
              .map(pr -> List.of(new Envelope(pr, List.of(secretariat))))
              .orElse(List.of(new Envelope(secretariat, List.of())));
      case INTERIM_FOCAL_POINT_INFO, FOCAL_POINT_CHANGED -> toTheOthers(job, state, now);
      case FOCAL_POINT_DESIGNATED ->
          registry
              .designatedFocalPoint(job.reviewId(), state, now)
              .map(
                  fp ->
                      List.of(
                          new Envelope(
                              person(fp, Addressee.Role.FOCAL_POINT, state), List.of(secretariat))))
              .orElse(List.of());
      case REMINDER, STEP_OPENED -> {
        if (secretariatActs || state == null) {
          yield List.of(new Envelope(secretariat, List.of()));
        }
        yield withExperts(
            job,
            state,
            now,
            acting(job.reviewId(), state, now).map(a -> new Envelope(a, List.of())));
      }
      case CHANGES_REQUESTED ->
          withExperts(
              job,
              state,
              now,
              acting(job.reviewId(), state, now).map(a -> new Envelope(a, List.of(secretariat))));
      case OVERDUE -> {
        if (secretariatActs || state == null) {
          yield List.of(new Envelope(secretariat, List.of()));
        }
        List<Addressee> cc = new ArrayList<>();
        pr(state, now).ifPresent(cc::add);
        cc.add(secretariat);
        yield acting(job.reviewId(), state, now)
            .map(a -> List.of(new Envelope(a, withoutSelf(cc, a))))
            .orElse(List.of(new Envelope(secretariat, List.of())));
      }
      case ESCALATION -> {
        if (secretariatActs || state == null) {
          yield List.of(new Envelope(secretariat, List.of()));
        }
        yield pr(state, now)
            .map(pr -> List.of(new Envelope(pr, List.of(secretariat))))
            .orElse(List.of(new Envelope(secretariat, List.of())));
      }
      case DEADLINE_EXTENDED,
          CLARIFICATION_REQUESTED,
          CLARIFICATION_ANSWERED,
          REVIEWER_RELEASED -> {
        if (secretariatActs || state == null) {
          yield List.of(new Envelope(secretariat, List.of()));
        }
        yield acting(job.reviewId(), state, now)
            .map(a -> List.of(new Envelope(a, List.of(secretariat))))
            .orElse(List.of(new Envelope(secretariat, List.of())));
      }
      case REVIEW_COMPLETED -> {
        if (state != null) {
          // The model sends one completion notice per participating State.
          yield acting(job.reviewId(), state, now)
              .map(a -> List.of(new Envelope(a, List.of(secretariat))))
              .orElse(List.of());
        }
        yield toEveryone(job, null, now, secretariat);
      }
      // The State that joined is welcomed (REVIEW_LAUNCHED); the one that left is released.
      case REVIEWER_REPLACED -> toEveryone(job, state, now, secretariat);
      case STEP_DONE, REVIEW_ON_HOLD, REVIEW_RESUMED -> toEveryone(job, null, now, secretariat);
      case DRAW_NEEDED, STATUS_DIGEST -> List.of(new Envelope(secretariat, List.of()));
    };
  }

  /**
   * The acting focal point of every participating State but {@code except}, each copying the
   * secretariat.
   */
  private List<Envelope> toEveryone(
      NoticeJob job, String except, Instant now, Addressee secretariat) {
    List<Envelope> out = new ArrayList<>();
    for (String s : reviews.participatingStates(job.reviewId())) {
      if (!s.equals(except)) {
        acting(job.reviewId(), s, now)
            .ifPresent(a -> out.add(new Envelope(a, List.of(secretariat))));
      }
    }
    return dedupe(out);
  }

  /** The acting focal points of the other participating States, for their information. */
  private List<Envelope> toTheOthers(NoticeJob job, String state, Instant now) {
    List<Envelope> out = new ArrayList<>();
    for (String other : reviews.participatingStates(job.reviewId())) {
      if (!other.equals(state)) {
        acting(job.reviewId(), other, now)
            .ifPresent(
                a -> out.add(new Envelope(a.as(Addressee.Role.OTHER_FOCAL_POINT), List.of())));
      }
    }
    return dedupe(out);
  }

  /**
   * The acting focal point and, where the step is the experts' to draft, each expert (no copies).
   */
  private List<Envelope> withExperts(
      NoticeJob job, String state, Instant now, Optional<Envelope> actingOne) {
    List<Envelope> out = new ArrayList<>();
    actingOne.ifPresent(out::add);
    if (job.step() != null && job.step().draftedByExperts()) {
      for (PersonView e : registry.experts(job.reviewId(), state, now)) {
        out.add(new Envelope(person(e, Addressee.Role.EXPERT, state), List.of()));
      }
    }
    return dedupe(out);
  }

  public Addressee secretariat() {
    return new Addressee(
        "Secretariat",
        properties.secretariatEmail(),
        Language.EN,
        time.zone(),
        Addressee.Role.SECRETARIAT);
  }

  private Optional<Addressee> acting(String reviewId, String state, Instant now) {
    ActingFocalPoint a = focalPoints.actingFocalPoint(reviewId, state, now);
    if (a.person() == null) {
      return Optional.empty();
    }
    return Optional.of(
        person(
            a.person(),
            a.interim() ? Addressee.Role.INTERIM_FOCAL_POINT : Addressee.Role.FOCAL_POINT,
            state));
  }

  private Optional<Addressee> pr(String state, Instant now) {
    return registry
        .permanentRepresentative(state, now)
        .map(p -> person(p, Addressee.Role.PERMANENT_REPRESENTATIVE, state));
  }

  private static Addressee person(PersonView p, Addressee.Role role, String state) {
    return new Addressee(p.name(), p.email(), p.language(), p.timeZone(), role, p.id(), state);
  }

  private static List<Addressee> withoutSelf(List<Addressee> cc, Addressee to) {
    return cc.stream().filter(c -> !c.email().equalsIgnoreCase(to.email())).toList();
  }

  private static List<Envelope> dedupe(List<Envelope> envelopes) {
    Map<String, Envelope> byEmail = new LinkedHashMap<>();
    for (Envelope e : envelopes) {
      byEmail.putIfAbsent(e.to().email().toLowerCase(java.util.Locale.ROOT), e);
    }
    return new ArrayList<>(byEmail.values());
  }
}
