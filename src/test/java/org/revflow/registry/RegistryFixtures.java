package org.revflow.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reviews and participants (tables of the review feature) written directly, for registry tests
 * only.
 */
final class RegistryFixtures {

  private RegistryFixtures() {}

  /** A new review of {@code underReview} with the given participating States; returns its id. */
  static String review(JdbcTemplate jdbc, String underReview, String... reviewers) {
    String id = "T-" + UUID.randomUUID().toString().substring(0, 30);
    jdbc.update(
        "INSERT INTO review (id, under_review, phase, launch_date, rulebook_version, status, created_at, "
            + "created_by) VALUES (?, ?, 1, ?, 'default@2027.1', 'ACTIVE', ?, 'test')",
        id,
        underReview,
        LocalDate.of(2026, 1, 1).plusDays(Math.floorMod(id.hashCode(), 3000)),
        Timestamp.from(Instant.now()));
    jdbc.update(
        "INSERT INTO review_participant (review_id, state_code, role, instrument, joined_on) VALUES (?, ?, 'UNDER_REVIEW', NULL, ?)",
        id,
        underReview,
        LocalDate.of(2026, 1, 1));
    for (String r : reviewers) {
      jdbc.update(
          "INSERT INTO review_participant (review_id, state_code, role, instrument, joined_on) VALUES (?, ?, 'REVIEWER', 'UNTOC', ?)",
          id,
          r,
          LocalDate.of(2026, 1, 1));
    }
    return id;
  }

  static String email(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  static PersonInput person(String name, String email, String language) {
    return new PersonInput(name, email, language, null);
  }

  static int count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }
}
