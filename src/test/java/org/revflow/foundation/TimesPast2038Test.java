package org.revflow.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RevFlow keeps working after 19 January 2038, when a MySQL or MariaDB TIMESTAMP column refuses
 * every write: a review mechanism of two-year phases reaches that date within its life. (A test run
 * whose clock walked past it stopped publishing to the engine: every outbox row stayed pending and
 * a planned phase never launched.) Two things had to change: the columns (DATETIME(6), V15) and how
 * the driver sends a time (as text: a server-side prepared statement sends it as a binary
 * TIMESTAMP, which MariaDB makes NULL past that date whatever the column).
 */
@RevFlowTest
class TimesPast2038Test {

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  @Autowired JdbcTemplate jdbc;

  @Test
  void noColumnOfRevFlowsIsATimestamp() {
    List<String> timestamps =
        jdbc.queryForList(
            "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND data_type = 'timestamp'"
                // Flyway's own history table is Flyway's, and only records when a migration ran.
                + " AND table_name <> 'flyway_schema_history'",
            String.class);
    assertThat(timestamps).isEmpty();
  }

  @Test
  void anOutboxMessageOf2040IsWrittenAndPublishedAndReadBackAsWritten() {
    Instant created = Instant.parse("2040-03-09T08:00:00.123456Z");
    Instant published = Instant.parse("2040-03-09T08:00:00.654321Z");
    String id = "times-past-2038-" + System.nanoTime();
    jdbc.update(
        // Written as published already, so that no sweeper sends it to the engine meanwhile.
        "INSERT INTO process_outbox (message_name, correlation_key, message_id, variables,"
            + " ttl_seconds, created_at, published_at) VALUES ('Test', ?, ?, '{}', 0, ?, ?)",
        ps -> {
          ps.setString(1, id);
          ps.setString(2, id);
          ps.setTimestamp(3, Timestamp.from(created), UTC);
          ps.setTimestamp(4, Timestamp.from(created), UTC);
        });
    try {
      // The write that failed from 2038-01-19 on, every time: marking a message published.
      assertThat(
              jdbc.update(
                  "UPDATE process_outbox SET published_at = ? WHERE message_id = ?",
                  ps -> {
                    ps.setTimestamp(1, Timestamp.from(published), UTC);
                    ps.setString(2, id);
                  }))
          .isEqualTo(1);
      List<Instant[]> read =
          jdbc.query(
              "SELECT created_at, published_at FROM process_outbox WHERE message_id = ?",
              (rs, n) ->
                  new Instant[] {
                    rs.getTimestamp(1, UTC).toInstant(), rs.getTimestamp(2, UTC).toInstant()
                  },
              id);
      assertThat(read).singleElement().isEqualTo(new Instant[] {created, published});
    } finally {
      jdbc.update("DELETE FROM process_outbox WHERE message_id = ?", id);
    }
  }
}
