package org.revflow.console;

import java.util.List;
import java.util.Optional;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeQueries;
import org.revflow.notification.NoticeQueries.NoticeRow;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/** The pages' door into the notice log. */
@Component
class ConsoleNotices {

  private final NoticeQueries notices;

  ConsoleNotices(NoticeQueries notices) {
    this.notices = notices;
  }

  Page<NoticeRow> search(NoticeQueries.Search search, int page, int size) {
    return notices.search(search, page, size);
  }

  List<NoticeRow> ofReview(String reviewId) {
    return notices.ofReview(reviewId);
  }

  Optional<NoticeRow> get(long id) {
    return notices.get(id);
  }

  long failed() {
    return notices.count(Notice.Status.FAILED);
  }

  Optional<NoticeQueries.ShownEmail> email(long id) {
    return notices.shownEmail(id);
  }
}
