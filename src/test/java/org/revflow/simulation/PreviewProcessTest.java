package org.revflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.vocabulary.EventType.EXPERTS_DESIGNATED;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.revflow.notification.Notice;
import org.revflow.notification.NoticeRepository;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The preview of a live review says exactly what the engine then sends, if nothing else happens.
 */
@RevFlowTest
class PreviewProcessTest {

  static final Set<String> LADDER =
      Set.of(
          "REMINDER",
          "OVERDUE",
          "ESCALATION",
          "FOCAL_POINT_REMINDER",
          "INTERIM_FOCAL_POINT_IN_FORCE",
          "INTERIM_FOCAL_POINT_INFO",
          "DESIGNATION_PENDING");

  @Autowired ReviewDriver driver;

  @org.junit.jupiter.api.AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  @Autowired PreviewService previews;
  @Autowired NoticeRepository notices;

  @Test
  void previewAndEngineAgreeDateByDate() {
    driver.permanentRepresentatives("ZAF", "BWA", "NAM");
    String id = driver.launch("ZAF", 2, "BWA", "NAM");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0.plusDays(3), id, "BWA");
    driver.on(t0.plusDays(3), id, EXPERTS_DESIGNATED, "BWA");
    LocalDate from = driver.time().today();
    int days = 240;

    List<PreviewService.PlannedNotice> preview = previews.preview(id, days);
    driver.time().walkTo(from.plusDays(days));

    Comparator<PreviewService.PlannedNotice> order =
        Comparator.comparing(PreviewService.PlannedNotice::on)
            .thenComparing(PreviewService.PlannedNotice::kind)
            .thenComparing(p -> p.to().getFirst());
    List<PreviewService.PlannedNotice> sent =
        notices.findByReviewIdOrderById(id).stream()
            .filter(
                n ->
                    LADDER.contains(n.getKind().name()) && n.getSentOn().isAfter(from.minusDays(1)))
            .map(PreviewProcessTest::asPlanned)
            .sorted(order)
            .toList();
    assertThat(preview).isNotEmpty();
    assertThat(preview)
        .extracting(PreviewService.PlannedNotice::kind)
        .contains("ESCALATION", "DESIGNATION_PENDING");
    assertThat(sent).containsExactlyInAnyOrderElementsOf(preview);
  }

  private static PreviewService.PlannedNotice asPlanned(Notice n) {
    return new PreviewService.PlannedNotice(
        n.getSentOn(),
        n.getKind().name(),
        n.getStep(),
        n.getStateCode(),
        List.of(n.getAddresseeEmail()),
        n.getCc() == null ? List.of() : Arrays.asList(n.getCc().split(",")),
        n.getLanguage(),
        n.getDueOn());
  }
}
