package org.revflow.notification;

import org.revflow.review.SentNotices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The notice log as the lifecycle asks about it. */
@Component
class NoticeLog implements SentNotices {

  private final JdbcTemplate jdbc;

  NoticeLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean wasSent(long stepId, String kind) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from notice where step_id = ? and kind = ? and status = 'SENT'",
            Integer.class,
            stepId,
            kind);
    return n != null && n > 0;
  }
}
