package org.revflow.simulation;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revflow.config.ApiException;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.registry.PermanentRepresentativeService;
import org.revflow.registry.PersonInput;
import org.revflow.review.Review;
import org.revflow.review.ReviewCommands;
import org.revflow.review.ReviewQueries;
import org.revflow.review.ReviewService;
import org.revflow.review.ReviewView;
import org.revflow.testsupport.SimulatedTime;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a scenario through the real models on an in-memory engine of its own, with the real workers,
 * templates and registry, and reports every email the SMTP server accepted. Each run gets a {@link
 * SimulationContext}: its own engine, SMTP server, clock and database (dropped afterwards) in a
 * RevFlow context of its own: nothing touches real reviews or sends real mail, and runs can follow
 * one another in one process.
 */
public final class SimulationRunner {

  private static final LocalTime LAUNCH_TIME = LocalTime.of(7, 0);
  private static final LocalTime EVENT_TIME = LocalTime.of(8, 0);
  private static final LocalTime END_OF_NOTICES = LocalTime.of(10, 0);

  public record Output(
      Map<String, String> review,
      List<OutputNotice> notices,
      List<Rejected> rejected,
      String finalState) {}

  /**
   * {@code review} is the scenario's review, or the next phase's once the phase completes. {@code
   * ladderRung} (not in the JSON) tells a rung of a step's ladder (its notice key names the rung,
   * {@code KIND@date}) from a notice an event caused, whatever the kind: the interim notices of a
   * focal point who left are the event's, those on the designation deadline + 1 are a ladder's.
   */
  public record OutputNotice(
      LocalDate on,
      String kind,
      String step,
      String state,
      List<String> to,
      List<String> cc,
      String language,
      LocalDate due,
      String subject,
      String review,
      @com.fasterxml.jackson.annotation.JsonIgnore boolean ladderRung) {}

  public record Rejected(int index, String type, LocalDate on, String reason) {}

  /**
   * Looks at a running simulation: called after the launch and after each event has settled, with
   * the simulation's own context (its services, its clock at that moment) and the review's id.
   */
  @FunctionalInterface
  public interface Probe {
    void at(ConfigurableApplicationContext simulation, String reviewId);
  }

  /** Parses, checks and runs; an invalid scenario throws before anything starts. */
  public Output run(String scenarioJson) {
    return run(scenarioJson, (ctx, id) -> {});
  }

  /** As {@link #run(String)}, showing the probe every moment a person acts in the scenario. */
  public Output run(String scenarioJson, Probe probe) {
    Scenario scenario = Scenario.parse(scenarioJson, knownStates());
    String secretariat =
        scenario.contacts().stream()
            .filter(c -> "SECRETARIAT".equals(c.role()))
            .map(Scenario.Contact::email)
            .findFirst()
            .orElse(null);
    try (SimulationContext sim =
        new SimulationContext(
            secretariat, scenario.calendar() == null ? null : scenario.calendar().holidays())) {
      return simulate(scenario, sim.context(), probe);
    }
  }

  private static java.util.function.Predicate<String> knownStates() {
    Set<String> iso = new java.util.HashSet<>();
    for (String a2 : java.util.Locale.getISOCountries()) {
      iso.add(new java.util.Locale("", a2).getISO3Country());
    }
    return iso::contains;
  }

  private Output simulate(Scenario scenario, ConfigurableApplicationContext context, Probe probe) {
    SimulatedTime time = context.getBean(SimulatedTime.class);
    ReviewService reviews = context.getBean(ReviewService.class);
    org.revflow.review.ReviewLaunchService launches =
        context.getBean(org.revflow.review.ReviewLaunchService.class);
    ReviewQueries queries = context.getBean(ReviewQueries.class);
    PermanentRepresentativeService registry = context.getBean(PermanentRepresentativeService.class);
    time.pinAt(scenario.start(), LAUNCH_TIME);
    if (Boolean.TRUE.equals(scenario.digest())) {
      // Started once the clock reads the scenario's start, so that its Mondays are the scenario's.
      context.getBean(org.revflow.notification.DigestService.class).start();
    }

    for (Scenario.Contact c : scenario.contacts()) {
      if ("PERMANENT_REPRESENTATIVE".equals(c.role())) {
        registry.setPermanentRepresentative(c.state(), person(c), time.now(), "simulation");
      }
    }
    Map<ReviewCommands.Instrument, List<String>> reviewers = new LinkedHashMap<>();
    scenario
        .review()
        .reviewers()
        .forEach((k, v) -> reviewers.put(ReviewCommands.Instrument.valueOf(k), v));
    // A focal-point contact is in place from the launch: the launch notice goes to it as well.
    Map<String, ReviewCommands.Person> focalPoints = new LinkedHashMap<>();
    for (Scenario.Contact c : scenario.contacts()) {
      if ("FOCAL_POINT".equals(c.role())) {
        focalPoints.put(
            c.state(), new ReviewCommands.Person(c.name(), c.email(), c.language(), c.timeZone()));
      }
    }
    Review review =
        launches.launch(
            new ReviewCommands.Launch(
                scenario.review().underReview(),
                scenario.review().phase(),
                reviewers,
                scenario.start(),
                scenario.rulebook(),
                focalPoints),
            "simulation");
    time.settle();
    probe.at(context, review.getId());

    List<Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < scenario.events().size(); i++) {
      Scenario.Event e = scenario.events().get(i);
      time.walkTo(e.on(), EVENT_TIME);
      try {
        reviews.record(review.getId(), command(e), "simulation");
      } catch (ApiException refused) {
        rejected.add(new Rejected(i, e.type(), e.on(), refused.getMessage()));
      }
      time.settle();
      probe.at(context, review.getId());
    }
    time.walkTo(scenario.until(), END_OF_NOTICES);

    ReviewView end = queries.get(review.getId());
    return new Output(
        Map.of(
            "id",
            review.getId(),
            "underReview",
            review.getUnderReview(),
            "rulebookVersion",
            review.getRulebookVersion()),
        notices(context),
        rejected,
        finalState(end));
  }

  private static ReviewCommands.RecordEvent command(Scenario.Event e) {
    EventType type = EventType.valueOf(e.type());
    ReviewCommands.Person person =
        e.person() == null
            ? null
            : new ReviewCommands.Person(
                e.person().name(),
                e.person().email(),
                e.person().language(),
                e.person().timeZone());
    List<ReviewCommands.Person> experts =
        e.experts() == null
            ? null
            : e.experts().stream()
                .map(
                    p -> new ReviewCommands.Person(p.name(), p.email(), p.language(), p.timeZone()))
                .toList();
    return new ReviewCommands.RecordEvent(
        type,
        e.state(),
        e.step() == null ? null : Step.valueOf(e.step()),
        null,
        e.reference() == null ? "scenario event" : e.reference(),
        e.reason(),
        e.newDue(),
        e.instrument() == null ? null : ReviewCommands.Instrument.valueOf(e.instrument()),
        e.old(),
        e.newState(),
        person,
        experts);
  }

  private static PersonInput person(Scenario.Contact c) {
    return new PersonInput(c.name(), c.email(), c.language(), c.timeZone());
  }

  /** One entry per message the SMTP server accepted, with what the notice log knows of it. */
  private static List<OutputNotice> notices(ConfigurableApplicationContext context) {
    GreenMail greenMail = context.getBean(GreenMail.class);
    Map<String, Notice> byMessageId = new HashMap<>();
    // Every review of the simulation's own database: the phase's completion launches the next one.
    for (Notice n : context.getBean(NoticeRepository.class).findAll()) {
      if (n.getSmtpMessageId() != null) {
        byMessageId.put(n.getSmtpMessageId(), n);
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    List<OutputNotice> out = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        if (!seen.add(m.getMessageID())) {
          continue; // the same message, copied to another recipient's mailbox
        }
        Notice n = byMessageId.get(m.getMessageID());
        if (n == null) {
          continue;
        }
        out.add(
            new OutputNotice(
                n.getSentOn(),
                n.getKind().name(),
                n.getStep(),
                n.getStateCode(),
                emails(m.getRecipients(MimeMessage.RecipientType.TO)),
                emails(m.getRecipients(MimeMessage.RecipientType.CC)),
                m.getHeader("Content-Language") == null
                    ? n.getLanguage()
                    : m.getHeader("Content-Language")[0],
                n.getDueOn(),
                m.getSubject(),
                n.getReviewId(),
                org.revflow.rulebook.Rung.fromKey(n.getNoticeKey()) != null));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    // The contract's order (date, kind, addressee), then step and State so that ties never depend
    // on which job handler finished first.
    out.sort(
        Comparator.comparing(OutputNotice::on)
            .thenComparing(OutputNotice::kind)
            .thenComparing(o -> String.join(",", o.to()))
            .thenComparing(o -> o.step() == null ? "" : o.step())
            .thenComparing(o -> o.state() == null ? "" : o.state())
            .thenComparing(OutputNotice::review));
    return out;
  }

  private static List<String> emails(Address[] addresses) {
    return addresses == null
        ? List.of()
        : Arrays.stream(addresses)
            .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
            .toList();
  }

  private static String finalState(ReviewView view) {
    if (view.openSteps().isEmpty()) {
      return view.status();
    }
    return view.status()
        + ": open "
        + String.join(
            ", ",
            view.openSteps().stream()
                .sorted(
                    Comparator.comparing((ReviewView.StepView s) -> s.step())
                        .thenComparing(s -> s.state() == null ? "" : s.state()))
                .map(
                    s ->
                        s.step()
                            + (s.state() == null ? "" : "(" + s.state() + ")")
                            + " due "
                            + s.due())
                .toList());
  }
}
