package org.revflow.notification;

import static org.revflow.process.ProcessConstants.*;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.revflow.config.MechanismTime;
import org.revflow.notification.render.NoticeDetails;
import org.revflow.process.ProcessMessages;
import org.revflow.report.StatusReport;
import org.revflow.report.StatusReportService;
import org.revflow.rulebook.DeadlinePlanner;
import org.revflow.rulebook.Rulebook;
import org.revflow.rulebook.RulebookRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly digest to the secretariat: when it goes out (the engine's timer, so that a simulation
 * sees it on its own clock), and what it says: where the reviews stand, what became overdue since
 * the last digest, failed notices and reviews waiting for their draw.
 */
@Service
public class DigestService {

  private final DigestProperties digest;
  private final StatusReportService reports;
  private final RulebookRegistry rulebooks;
  private final DeadlinePlanner planner;
  private final ProcessMessages messages;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final MechanismTime time;

  DigestService(
      DigestProperties digest,
      StatusReportService reports,
      RulebookRegistry rulebooks,
      DeadlinePlanner planner,
      ProcessMessages messages,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      MechanismTime time) {
    this.digest = digest;
    this.reports = reports;
    this.rulebooks = rulebooks;
    this.planner = planner;
    this.messages = messages;
    this.jdbc = jdbc;
    this.tx = tx;
    this.time = time;
  }

  /**
   * Starts the digest's one instance; while it runs, the engine starts no second one for the same
   * key.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void schedule() {
    if (digest.enabled()) {
      start(Map.of(VAR_DIGEST_KEY, DIGEST_KEY));
    }
  }

  /**
   * Starts the digest whatever the setting, for as long as the instance runs: a simulation does so
   * once its clock is set.
   */
  public void start() {
    start(Map.of(VAR_DIGEST_KEY, DIGEST_KEY, VAR_DIGEST_ALWAYS, true));
  }

  private void start(Map<String, Object> variables) {
    tx.executeWithoutResult(
        s ->
            messages.enqueue(
                MSG_DIGEST_SCHEDULED,
                DIGEST_KEY,
                "digest-" + time.now().toEpochMilli(),
                variables,
                java.time.Duration.ZERO));
  }

  /**
   * The next digest day after today (the notice time on it, a working day or not: it is the
   * secretariat's), and whether the digest is still wanted: switched off in the configuration, the
   * running instance ends at its next turn instead of writing every week for ever.
   */
  public record Next(String at, LocalDate day, boolean wanted) {}

  public Next next(boolean always) {
    if (!digest.enabled() && !always) {
      return new Next(null, null, false);
    }
    Rulebook rb = rulebooks.defaultRulebook();
    LocalDate today = time.today();
    LocalDate day = today.with(TemporalAdjusters.next(digest.day()));
    return new Next(planner.sendAt(rb, day).toOffsetDateTime().toString(), day, true);
  }

  /**
   * What the digest of {@code day} says, as notice details (counts, new overdue steps, failures,
   * waiting reviews).
   */
  public Map<String, String> facts(LocalDate day) {
    StatusReport report = reports.report(day);
    Map<String, String> facts = new HashMap<>();
    facts.put(
        NoticeDetails.DIGEST_COUNTS,
        report.counts().byStage().entrySet().stream()
            .map(e -> e.getKey().name() + "=" + e.getValue())
            .collect(Collectors.joining(";")));
    LocalDate since = day.minusDays(7);
    // Became overdue this week: the day after its deadline fell in the seven days up to the digest.
    String overdue =
        report.reviews().stream()
            .flatMap(
                r ->
                    r.openSteps().stream()
                        .filter(s -> s.daysOverdue() >= 1 && s.due().plusDays(1).isAfter(since))
                        .map(
                            s ->
                                r.id()
                                    + "|"
                                    + s.step()
                                    + "|"
                                    + (s.state() == null ? "-" : s.state())
                                    + "|"
                                    + s.due()))
            .limit(200)
            .collect(Collectors.joining(";"));
    if (!overdue.isEmpty()) {
      facts.put(NoticeDetails.DIGEST_OVERDUE, overdue);
    }
    Integer failed =
        jdbc.queryForObject("select count(*) from notice where status = 'FAILED'", Integer.class);
    facts.put(NoticeDetails.DIGEST_FAILED, String.valueOf(failed == null ? 0 : failed));
    String waiting =
        String.join(
            ";",
            jdbc.queryForList(
                "select id from review where status = 'WAITING_FOR_DRAW' order by launch_date, id",
                String.class));
    if (!waiting.isEmpty()) {
      facts.put(NoticeDetails.DIGEST_WAITING, waiting);
    }
    return new LinkedHashMap<>(facts);
  }
}
