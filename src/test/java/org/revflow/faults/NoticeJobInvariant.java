package org.revflow.faults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.revflow.process.ProcessConstants;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The invariant every fault test holds the notice jobs to: a notice job never completes while a row
 * of its notice is not delivered (FAILED, PENDING or SENDING: unclaimed or claimed and not sent),
 * and never completes without a row at all. SUPERSEDED rows are allowed: their role's holder of the
 * day has a row of their own, which must be SENT. Checked against the engine's COMPLETED job
 * records and the notice log, after the fault.
 */
final class NoticeJobInvariant {

  /**
   * Notice jobs completed since the engine log's start, and those that broke the invariant (with
   * why).
   */
  record Result(int completedJobs, List<String> violations) {

    /** The fault report's wording. */
    String line() {
      return "invariant (no notice job completed with a row of its notice undelivered) "
          + (violations.isEmpty()
              ? "held for all " + completedJobs + " completed notice jobs"
              : "BROKEN by "
                  + violations.size()
                  + " of "
                  + completedJobs
                  + " completed notice jobs: "
                  + violations);
    }
  }

  private NoticeJobInvariant() {}

  static Result check(EngineIncidents engineLog, JdbcTemplate jdbc) {
    Set<Long> completed = engineLog.completed(ProcessConstants.JOB_NOTICE);
    List<String> violations = new ArrayList<>();
    for (long job : completed) {
      List<String> keys =
          jdbc.queryForList("SELECT dedup_key FROM notice WHERE job_key = ?", String.class, job);
      if (keys.isEmpty()) {
        violations.add("job " + job + ": completed without a notice row");
        continue;
      }
      Set<String> identities = new LinkedHashSet<>();
      keys.forEach(k -> identities.add(k.substring(0, k.lastIndexOf('|') + 1)));
      for (String identity : identities) {
        String pattern = identity.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        jdbc.query(
            "SELECT dedup_key, status FROM notice WHERE dedup_key LIKE ? ESCAPE '!'"
                + " AND status NOT IN ('SENT', 'SUPERSEDED')",
            rs -> {
              violations.add("job " + job + ": " + rs.getString(1) + " is " + rs.getString(2));
            },
            pattern);
      }
    }
    return new Result(completed.size(), violations);
  }
}
