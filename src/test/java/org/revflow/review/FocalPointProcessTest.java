package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revflow.testsupport.ExpectedNotices.*;
import static org.revflow.testsupport.ReviewDriver.fp;
import static org.revflow.testsupport.ReviewDriver.pr;
import static org.revflow.vocabulary.NoticeKind.*;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.ReceivedMail;
import org.revflow.testsupport.ReceivedMail.Mail;
import org.revflow.testsupport.RevFlowTest;
import org.revflow.testsupport.ReviewDriver;
import org.revflow.vocabulary.EventType;
import org.revflow.vocabulary.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue #18, items 5 and 7: paragraph 18 as one rule (the permanent representative acts while no
 * focal point is designated, and is told so, also when a focal point leaves mid-review), one path
 * for every door through which a focal point changes, and the network of focal points (on by
 * default, off with the rulebook switch).
 */
@RevFlowTest
class FocalPointProcessTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};
  private static final String SECOND_FP = "second.fp@lka.example";
  private static final String SECOND_FP_NAME = "Second focal point of LKA";
  private static final String THIRD_FP = "third.fp@lka.example";

  @Autowired ReviewDriver driver;
  @Autowired GreenMail greenMail;
  @Autowired TestRestTemplate http;
  @Autowired ReviewService reviews;
  @Autowired ReviewLaunchService launches;

  @AfterEach
  void stopReviews() {
    driver.cancelAllReviews();
  }

  /** The ways the secretariat changes a focal point, each for a review of its own State. */
  enum Door {
    /** FOCAL_POINT_DESIGNATED and FOCAL_POINT_ENDED recorded on the review. */
    REVIEW_EVENTS("AFG"),
    /** The registry's designation endpoint, and the end of the designation. */
    DESIGNATION_ENDPOINT("BHS"),
    /** The registry's CSV import, and the end of the designation. */
    CSV_IMPORT("BRN");

    final String underReview;

    Door(String underReview) {
      this.underReview = underReview;
    }
  }

  /**
   * One review per door, launched the same day, the same changes made through each door on the same
   * days: the notices are the same, State for State.
   */
  @Test
  void
      aFocalPointWhoLeavesMidReviewMakesThePermanentRepresentativeActAgainUntilADesignationWhicheverDoor() {
    driver.permanentRepresentatives("AFG", "BHS", "BRN", "LKA", "GEO");
    Map<Door, String> ids = new EnumMap<>(Door.class);
    for (Door door : Door.values()) {
      ids.put(
          door,
          door.ordinal() == 0
              ? driver.launch(door.underReview, 1, "LKA", "GEO")
              : driver.launchAlongside(door.underReview, 1, "LKA", "GEO"));
    }
    LocalDate t0 = driver.time().today();
    for (Door door : Door.values()) {
      String id = ids.get(door);
      driver.designateFocalPoint(t0, id, door.underReview);
      driver.designateFocalPoint(t0, id, "GEO");
      for (String s : List.of(door.underReview, "LKA", "GEO")) {
        driver.on(t0, id, EventType.EXPERTS_DESIGNATED, s);
      }
      driver.on(t0, id, EventType.PRELIMINARY_CONSULTATION_HELD);
    }
    LocalDate designated = t0.plusDays(1);
    LocalDate left = t0.plusDays(2);
    LocalDate again = left.plusDays(35);
    LocalDate replaced = again.plusDays(3);
    ids.forEach(
        (door, id) -> designate(door, designated, id, "Focal point of LKA", fp("LKA"), null));
    ids.forEach((door, id) -> end(door, left, id));
    driver.time().walkTo(left);
    ids.values()
        .forEach(
            id ->
                assertThat(driver.review(id).actingFocalPoints())
                    .filteredOn(a -> a.state().equals("LKA"))
                    .singleElement()
                    .satisfies(
                        a -> {
                          assertThat(a.interim()).isTrue();
                          assertThat(a.email()).isEqualTo(pr("LKA"));
                        }));
    ids.forEach((door, id) -> designate(door, again, id, SECOND_FP_NAME, SECOND_FP, null));
    // A replacement names the focal point it replaces; no interim ends with it.
    ids.forEach(
        (door, id) ->
            designate(door, replaced, id, "Third focal point of LKA", THIRD_FP, SECOND_FP));
    LocalDate end = left.plusDays(61);
    driver.time().walkTo(end);

    ids.forEach(
        (door, id) -> {
          String u = door.underReview;
          String[] launchDay = {fp(u), pr("LKA"), fp("GEO")};
          assertThat(driver.notices(id))
              .as(door.name())
              .containsExactlyInAnyOrderElementsOf(
                  all(
                      launch(t0, u, "LKA", "GEO"),
                      designated(t0, u, fp(u), pr("LKA"), pr("GEO")),
                      designated(t0, "GEO", fp("GEO"), fp(u), pr("LKA")),
                      toEach(t0, STEP_DONE, Step.EXPERTS, u, launchDay),
                      toEach(t0, STEP_DONE, Step.EXPERTS, "LKA", launchDay),
                      toEach(t0, STEP_DONE, Step.EXPERTS, "GEO", launchDay),
                      toEach(t0, STEP_DONE, Step.PRELIMINARY_CONSULTATION, null, launchDay),
                      designated(designated, "LKA", fp("LKA"), fp(u), fp("GEO")),
                      // Not silently: that day the interim notices, then "designation pending"
                      // every 30 days.
                      vacancy("LKA", left, again.minusDays(1), fp(u), fp("GEO")),
                      List.of(
                          line(
                              again,
                              FOCAL_POINT_DESIGNATED,
                              Step.FOCAL_POINT,
                              "LKA",
                              SECOND_FP,
                              SECRETARIAT),
                          line(
                              again,
                              INTERIM_FOCAL_POINT_ENDED,
                              Step.FOCAL_POINT,
                              "LKA",
                              pr("LKA"),
                              SECRETARIAT)),
                      toEachNoCopy(
                          again, FOCAL_POINT_CHANGED, Step.FOCAL_POINT, "LKA", fp(u), fp("GEO")),
                      designated(replaced, "LKA", THIRD_FP, fp(u), fp("GEO"))));
          assertThat(driver.notices(id))
              .filteredOn(l -> l.contains(" DESIGNATION_PENDING "))
              .hasSize(1);
          assertThat(driver.review(id).history())
              .filteredOn(
                  e -> "LKA".equals(e.state()) && e.type().name().startsWith("FOCAL_POINT_"))
              .extracting(ReviewView.EventView::type)
              .containsExactly(
                  EventType.FOCAL_POINT_DESIGNATED,
                  EventType.FOCAL_POINT_ENDED,
                  EventType.FOCAL_POINT_DESIGNATED,
                  EventType.FOCAL_POINT_DESIGNATED);

          List<Mail> mails = ReceivedMail.of(greenMail, driver.noticeRows(id));
          assertThat(mails)
              .filteredOn(m -> m.kind() == INTERIM_FOCAL_POINT_IN_FORCE)
              .singleElement()
              .satisfies(
                  m -> assertThat(m.body()).contains("has left this review without a successor"));
          // The network of focal points: who the new one is, with email and language.
          assertThat(mails)
              .filteredOn(
                  m ->
                      m.kind() == FOCAL_POINT_CHANGED
                          && m.to().equals(fp(u))
                          && m.row().getSentOn().equals(again))
              .singleElement()
              .satisfies(
                  m ->
                      assertThat(m.body())
                          .contains(SECOND_FP_NAME, SECOND_FP, "Language: English"));
        });
  }

  private void designate(
      Door door, LocalDate on, String reviewId, String name, String email, String replaces) {
    if (door == Door.REVIEW_EVENTS) {
      driver.designateFocalPoint(on, reviewId, "LKA", ReviewDriver.person(name, email));
      return;
    }
    driver.time().walkTo(on, ReviewDriver.EVENT_TIME);
    if (door == Door.DESIGNATION_ENDPOINT) {
      HttpHeaders h = new HttpHeaders();
      h.setContentType(MediaType.APPLICATION_JSON);
      Map<String, Object> body =
          new java.util.HashMap<>(
              Map.of(
                  "stateCode",
                  "LKA",
                  "role",
                  "FOCAL_POINT",
                  "person",
                  Map.of("name", name, "email", email, "language", "en"),
                  "noteVerbaleRef",
                  "NV/LKA/" + on,
                  "receivedOn",
                  on.toString()));
      if (replaces != null) {
        body.put("replaces", replaces);
      }
      ResponseEntity<Map<String, Object>> r =
          http.exchange(
              "/api/registry/reviews/" + reviewId + "/designations",
              HttpMethod.POST,
              new HttpEntity<>(body, h),
              MAP);
      assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    } else {
      String csv =
          "review_id,state,role,name,email,language,note_verbale_ref,received_on,replaces\r\n"
              + reviewId
              + ",LKA,FOCAL_POINT,"
              + name
              + ","
              + email
              + ",en,NV/LKA/"
              + on
              + ","
              + on
              + ","
              + (replaces == null ? "" : replaces)
              + "\r\n";
      HttpHeaders h = new HttpHeaders();
      h.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
      ResponseEntity<Map<String, Object>> r =
          http.exchange(
              "/api/registry/designations/import",
              HttpMethod.POST,
              new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), h),
              MAP);
      assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
      assertThat(r.getBody()).containsEntry("applied", 1);
    }
    driver.time().settle();
  }

  private void end(Door door, LocalDate on, String reviewId) {
    if (door == Door.REVIEW_EVENTS) {
      driver.endFocalPoint(on, reviewId, "LKA", "retired");
      return;
    }
    driver.time().walkTo(on, ReviewDriver.EVENT_TIME);
    ResponseEntity<List<Map<String, Object>>> history =
        http.exchange(
            "/api/registry/reviews/" + reviewId + "/designations?state=LKA",
            HttpMethod.GET,
            null,
            LIST);
    long designationId =
        history.getBody().stream()
            .filter(d -> "FOCAL_POINT".equals(d.get("role")) && d.get("validTo") == null)
            .map(d -> ((Number) d.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> r =
        http.exchange(
            "/api/registry/designations/" + designationId + "/end",
            HttpMethod.POST,
            new HttpEntity<>(Map.of("noteVerbaleRef", "NV/LKA/end", "reason", "retired"), h),
            MAP);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    driver.time().settle();
  }

  @Test
  void theParagraph18NoticesSayThePermanentRepresentativeAlreadyActsAndGoesOnActing() {
    driver.permanentRepresentatives("BLZ", "LKA", "GEO");
    String id = driver.launch("BLZ", 1, "LKA", "GEO");
    LocalDate t0 = driver.time().today();
    driver.designateFocalPoint(t0, id, "LKA");
    driver.designateFocalPoint(t0, id, "GEO");
    for (String s : List.of("BLZ", "LKA", "GEO")) {
      driver.on(t0, id, EventType.EXPERTS_DESIGNATED, s);
    }
    driver.on(t0, id, EventType.PRELIMINARY_CONSULTATION_HELD);
    LocalDate due = t0.plusWeeks(2);
    driver.time().walkTo(due.plusDays(1));

    String[] acting = {pr("BLZ"), fp("LKA"), fp("GEO")};
    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                launch(t0, "BLZ", "LKA", "GEO"),
                designated(t0, "LKA", fp("LKA"), pr("BLZ"), pr("GEO")),
                designated(t0, "GEO", fp("GEO"), pr("BLZ"), fp("LKA")),
                toEach(t0, STEP_DONE, Step.EXPERTS, "BLZ", acting),
                toEach(t0, STEP_DONE, Step.EXPERTS, "LKA", acting),
                toEach(t0, STEP_DONE, Step.EXPERTS, "GEO", acting),
                toEach(t0, STEP_DONE, Step.PRELIMINARY_CONSULTATION, null, acting),
                focalPointLadder("BLZ", t0, due, due.plusDays(1), fp("LKA"), fp("GEO"))));

    List<Mail> mails = ReceivedMail.of(greenMail, driver.noticeRows(id));
    assertThat(mails)
        .filteredOn(m -> m.kind() == FOCAL_POINT_REMINDER)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.body())
                    .doesNotContain("will become")
                    .contains("you act as interim focal point"));
    assertThat(mails)
        .filteredOn(m -> m.kind() == INTERIM_FOCAL_POINT_IN_FORCE)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.body())
                    .contains("has passed", "you continue to act as interim focal point"));
  }

  @Test
  void aFocalPointInPlaceAtTheLaunchGetsTheLaunchNoticeWhichListsItAndNoWelcome() {
    driver.permanentRepresentatives("ERI", "LKA", "GEO");
    driver.time().walkTo(driver.time().today().plusDays(1), ReviewDriver.EVENT_TIME);
    LocalDate t0 = driver.time().today();
    String id =
        launches
            .launch(
                new ReviewCommands.Launch(
                    "ERI",
                    1,
                    Map.of(ReviewCommands.Instrument.UNTOC, List.of("LKA", "GEO")),
                    t0,
                    org.revflow.testsupport.TestRulebookDirectory.CALENDAR_DAYS,
                    Map.of("LKA", ReviewDriver.person("Focal point of LKA", fp("LKA")))),
                "test")
            .getId();
    driver.time().settle();
    for (String s : List.of("ERI", "LKA", "GEO")) {
      driver.on(t0, id, EventType.EXPERTS_DESIGNATED, s);
    }
    driver.on(t0, id, EventType.PRELIMINARY_CONSULTATION_HELD);
    LocalDate end = t0.plusWeeks(2).plusDays(1);
    driver.time().walkTo(end);

    String[] acting = {pr("ERI"), fp("LKA"), pr("GEO")};
    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                launch(t0, "ERI", "LKA", "GEO"),
                List.of(line(t0, REVIEW_LAUNCHED, null, "LKA", fp("LKA"), SECRETARIAT)),
                toEach(t0, STEP_DONE, Step.EXPERTS, "ERI", acting),
                toEach(t0, STEP_DONE, Step.EXPERTS, "LKA", acting),
                toEach(t0, STEP_DONE, Step.EXPERTS, "GEO", acting),
                toEach(t0, STEP_DONE, Step.PRELIMINARY_CONSULTATION, null, acting),
                focalPointLadder("ERI", t0, t0.plusWeeks(2), end, fp("LKA"), pr("GEO")),
                focalPointLadder("GEO", t0, t0.plusWeeks(2), end, pr("ERI"), fp("LKA"))));

    List<Mail> launched =
        ReceivedMail.of(greenMail, driver.noticeRows(id)).stream()
            .filter(m -> m.kind() == REVIEW_LAUNCHED)
            .toList();
    assertThat(launched)
        .hasSize(4)
        .allSatisfy(
            m ->
                assertThat(m.body())
                    .as(m.toString())
                    .contains("Sri Lanka: Focal point of LKA <" + fp("LKA") + ">"));
    assertThat(launched)
        .filteredOn(m -> m.to().equals(pr("GEO")))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("- Focal point designation: "));
    assertThat(launched)
        .filteredOn(m -> m.state().equals("LKA"))
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m.body())
                    .doesNotContain("- Focal point designation: ")
                    .contains("- Designation of governmental experts: "));
  }

  @Test
  void noNetworkNoticeWhenTheRulebookTurnsItOff() {
    driver.permanentRepresentatives("BTN", "LKA", "GEO");
    String id = driver.launchWith("default@2026.1", "BTN", 1, "LKA", "GEO");
    assertThat(driver.review(id).rulebookVersion()).isEqualTo("default@2026.1");
    LocalDate t0 = driver.time().today();
    for (String s : List.of("BTN", "LKA", "GEO")) {
      driver.designateFocalPoint(t0, id, s);
    }
    LocalDate replaced = t0.plusDays(5);
    String newFp = "second.fp@geo.example";
    driver.designateFocalPoint(
        replaced, id, "GEO", ReviewDriver.person("Second focal point of GEO", newFp));
    driver.time().walkTo(replaced);

    assertThat(driver.notices(id))
        .containsExactlyInAnyOrderElementsOf(
            all(
                launch(t0, "BTN", "LKA", "GEO"),
                List.of(
                    line(
                        t0,
                        FOCAL_POINT_DESIGNATED,
                        Step.FOCAL_POINT,
                        "BTN",
                        fp("BTN"),
                        SECRETARIAT),
                    line(
                        t0,
                        FOCAL_POINT_DESIGNATED,
                        Step.FOCAL_POINT,
                        "LKA",
                        fp("LKA"),
                        SECRETARIAT),
                    line(
                        t0,
                        FOCAL_POINT_DESIGNATED,
                        Step.FOCAL_POINT,
                        "GEO",
                        fp("GEO"),
                        SECRETARIAT),
                    line(
                        replaced,
                        FOCAL_POINT_DESIGNATED,
                        Step.FOCAL_POINT,
                        "GEO",
                        newFp,
                        SECRETARIAT)),
                secretariatLadder(Step.PRELIMINARY_CONSULTATION, t0, t0.plusMonths(1), replaced)));
  }
}
