package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.review.EventType.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.pr;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The country review on the real engine, time moved timer by timer: each test follows one path of
 * the models and checks the exact dates, kinds and addressees of the notices against the brief.
 */
@RevFlowTest
class LifecycleProcessTest {

  static final String SECRETARIAT = "untoc.review@example.org";

  @Autowired ReviewDriver driver;

  @Test
  void focalPointLateThenDesignated() {
    driver.permanentRepresentatives("AUT", "DEU", "KEN");
    String id = driver.launch("AUT", 1, "DEU", "KEN");
    LocalDate t0 = driver.time().today();
    LocalDate due = t0.plusWeeks(2);
    driver.designateFocalPoint(t0.plusDays(2), id, "DEU");
    driver.designateFocalPoint(t0.plusDays(3), id, "KEN");
    driver.designateFocalPoint(due.plusDays(10), id, "AUT");

    List<String> fpNotices = driver.notices(id).stream()
        .filter(l -> l.contains(" FOCAL_POINT ") || l.contains("REVIEW_LAUNCHED")).toList();
    assertThat(fpNotices).containsExactly(
        t0 + " REVIEW_LAUNCHED - AUT -> " + pr("AUT") + " cc " + SECRETARIAT,
        t0 + " REVIEW_LAUNCHED - DEU -> " + pr("DEU") + " cc " + SECRETARIAT,
        t0 + " REVIEW_LAUNCHED - KEN -> " + pr("KEN") + " cc " + SECRETARIAT,
        t0.plusDays(2) + " FOCAL_POINT_DESIGNATED FOCAL_POINT DEU -> " + fp("DEU") + " cc " + SECRETARIAT,
        t0.plusDays(3) + " FOCAL_POINT_DESIGNATED FOCAL_POINT KEN -> " + fp("KEN") + " cc " + SECRETARIAT,
        t0.plusDays(7) + " FOCAL_POINT_REMINDER FOCAL_POINT AUT -> " + pr("AUT") + " cc " + SECRETARIAT,
        due.plusDays(1) + " INTERIM_FOCAL_POINT_IN_FORCE FOCAL_POINT AUT -> " + pr("AUT") + " cc " + SECRETARIAT,
        due.plusDays(1) + " INTERIM_FOCAL_POINT_INFO FOCAL_POINT AUT -> " + fp("DEU"),
        due.plusDays(1) + " INTERIM_FOCAL_POINT_INFO FOCAL_POINT AUT -> " + fp("KEN"),
        due.plusDays(10) + " FOCAL_POINT_DESIGNATED FOCAL_POINT AUT -> " + fp("AUT") + " cc " + SECRETARIAT,
        due.plusDays(10) + " INTERIM_FOCAL_POINT_ENDED FOCAL_POINT AUT -> " + pr("AUT") + " cc " + SECRETARIAT);
  }
}
