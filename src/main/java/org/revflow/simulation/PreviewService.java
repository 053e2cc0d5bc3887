package org.revflow.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.revflow.config.ApiException;
import org.revflow.config.MechanismTime;
import org.revflow.notification.Addressee;
import org.revflow.notification.AddresseeResolver;
import org.revflow.notification.Envelope;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeJob;
import org.revflow.notification.NoticeRepository;
import org.revflow.review.Review;
import org.revflow.review.ReviewLookups;
import org.revflow.review.ReviewStep;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.LadderInput;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.revflow.rulebook.Rung;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who gets what, when, if nothing more happens": the ladder notices of a review's open steps for
 * the next days, planned by the same rulebook and planner the engine's timers get their dates from,
 * and addressed by the same resolver the notice worker uses (to today's role holders).
 */
@Service
public class PreviewService {

  public static final int MAX_DAYS = 3 * 366;

  private final ReviewLookups reviews;
  private final RulebookRegistry rulebooks;
  private final DeadlinePlanner planner;
  private final AddresseeResolver addressees;
  private final NoticeRepository notices;
  private final MechanismTime time;

  PreviewService(
      ReviewLookups reviews,
      RulebookRegistry rulebooks,
      DeadlinePlanner planner,
      AddresseeResolver addressees,
      NoticeRepository notices,
      MechanismTime time) {
    this.reviews = reviews;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.addressees = addressees;
    this.notices = notices;
    this.time = time;
  }

  /** One email that would go out; the same shape as a simulation's notices. */
  public record PlannedNotice(
      LocalDate on,
      String kind,
      String step,
      String state,
      List<String> to,
      List<String> cc,
      String language,
      LocalDate due) {}

  @Transactional(readOnly = true)
  public List<PlannedNotice> preview(String reviewId, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ApiException.invalid("days must be between 1 and " + MAX_DAYS);
    }
    Review review =
        reviews.find(reviewId).orElseThrow(() -> ApiException.notFound("no review " + reviewId));
    if (review.getStatus() == Review.Status.ON_HOLD
        || review.getStatus() == Review.Status.COMPLETED) {
      return List.of();
    }
    Rulebook rb = rulebooks.get(review.getRulebookVersion());
    LocalDate floor = planner.floorAt(rb, time.now());
    LocalDate until = time.today().plusDays(days);
    List<PlannedNotice> out = new ArrayList<>();
    for (ReviewStep step : reviews.openSteps(reviewId)) {
      if (step.isWindow()) {
        continue; // the dialogue's window has no ladder: nobody owes anything by its end
      }
      // The step's own floor, as its process plans with: a rung dated on a past weekend or holiday
      // still goes out on its sending day, so what is past is judged by that day, not the rung's
      // date.
      LadderInput in =
          new LadderInput(
              step.getStep(),
              step.getStartedOn(),
              step.getDueOn(),
              step.getFloorExclusive(),
              lastSent(step),
              false,
              step.isPaused(),
              step.getStep().secretariatActs());
      for (Rung rung : planner.ladder(rb, step.isVacancy() ? in.asVacancy() : in, until)) {
        if (!rung.sendOn().isAfter(floor)) {
          continue;
        }
        NoticeJob job =
            new NoticeJob(
                reviewId,
                step.getId(),
                rung.key(),
                rung.kind(),
                step.getStep(),
                step.getStateCode(),
                step.getDueOn(),
                step.getDeadlineRevision(),
                null);
        for (Envelope e : addressees.resolve(job)) {
          out.add(
              new PlannedNotice(
                  rung.sendOn(),
                  rung.kind().name(),
                  step.getStep().name(),
                  step.getStateCode(),
                  List.of(e.to().email()),
                  e.cc().stream().map(Addressee::email).toList(),
                  e.to().language().code(),
                  step.getDueOn()));
        }
      }
    }
    out.sort(
        Comparator.comparing(PlannedNotice::on)
            .thenComparing(PlannedNotice::kind)
            .thenComparing(p -> p.to().getFirst()));
    return out;
  }

  /** The last ladder rung already sent for this step, from the notice log. */
  private Rung lastSent(ReviewStep step) {
    Rung last = null;
    for (Notice n : notices.findByReviewIdOrderById(step.getReviewId())) {
      Rung r = step.getId().equals(n.getStepId()) ? Rung.fromKey(n.getNoticeKey()) : null;
      if (r != null) {
        if (last == null || Rung.LADDER_ORDER.compare(r, last) > 0) {
          last = r;
        }
      }
    }
    return last;
  }
}
