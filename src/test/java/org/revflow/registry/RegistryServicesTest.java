package org.revflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revflow.registry.RegistryFixtures.email;
import static org.revflow.registry.RegistryFixtures.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.revflow.testsupport.RevFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry's services and repositories on the real database (embedded MariaDB through
 * Connector/J).
 */
@RevFlowTest
class RegistryServicesTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 1, 10);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired RegistryLookups registry;
  @Autowired DesignationService designations;
  @Autowired PersonService people;
  @Autowired PermanentRepresentativeService representatives;
  @Autowired FocalPointResolver resolver;
  @Autowired StateSeeder seeder;
  @Autowired JdbcTemplate jdbc;

  @Test
  void memberStatesAreSeededOnceWithTheirGroups() {
    assertThat(seeder.seed()).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_state WHERE un_member", Integer.class))
        .isEqualTo(193);
    assertThat(registry.state("TUR").regionalGroup())
        .isEqualTo(RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS);
    assertThat(registry.state("ISR").regionalGroup())
        .isEqualTo(RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS);
    StateParty kir = registry.state("KIR");
    assertThat(kir.regionalGroup()).isNull();
    assertThat(kir.groupForDraw()).isEqualTo(RegionalGroup.ASIA_PACIFIC);
    assertThat(registry.state("FRA").isPartyTo(Instrument.CONVENTION)).isTrue();
    assertThat(registry.isKnownState("fra")).isTrue();
    assertThat(registry.isKnownState("XXX")).isFalse();
  }

  @Test
  void focalPointReplacementKeepsHistoryAndReturnsThePreviousHolder() {
    String review = RegistryFixtures.review(jdbc, "FRA", "DEU", "MEX");
    String first = email("fp1");
    String second = email("fp2");
    assertThat(
            designations.designateFocalPoint(
                review,
                "DEU",
                person("Anna Schmidt", first, "en"),
                "NV/1",
                RECEIVED,
                T0.plusSeconds(10),
                "test"))
        .isEmpty();
    Instant later = T0.plusSeconds(1000);
    assertThat(
            designations.designateFocalPoint(
                review,
                "deu",
                person("Bernd Weber", second.toUpperCase(), "fr"),
                "NV/2",
                RECEIVED,
                later,
                "test"))
        .map(PersonView::email)
        .contains(first);

    assertThat(registry.designatedFocalPoint(review, "DEU", T0.plusSeconds(500)))
        .map(PersonView::email)
        .contains(first);
    assertThat(registry.designatedFocalPoint(review, "DEU", later))
        .map(PersonView::email)
        .contains(second);
    List<DesignationView> history = registry.designationHistory(review, "DEU");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).validTo()).isEqualTo(later);
    assertThat(history.get(0).replacedById()).isEqualTo(history.get(1).id());
    assertThat(history.get(1).validTo()).isNull();
  }

  @Test
  void anExistingEmailReusesThePersonWithoutChangingIt() {
    String review = RegistryFixtures.review(jdbc, "JPN", "CHN", "BRA");
    String mail = email("same");
    PersonView created =
        people.createPerson(new PersonInput("Li Wei", mail, "zh", "Asia/Shanghai"), "test");
    designations.designateExperts(
        review,
        "CHN",
        List.of(person("LI Wei (Mr.)", mail.toUpperCase(), "en")),
        "NV/3",
        RECEIVED,
        T0,
        "test");
    List<PersonView> experts = registry.experts(review, "CHN", T0.plusSeconds(1));
    assertThat(experts).containsExactly(created);
    assertThat(registry.designationHistory(review, "CHN").get(0).nameAsDesignated())
        .isEqualTo("LI Wei (Mr.)");
    // Designating the same expert again changes nothing.
    designations.designateExperts(
        review, "CHN", List.of(person("Li Wei", mail, "zh")), "NV/4", RECEIVED, T0, "test");
    assertThat(registry.designationHistory(review, "CHN")).hasSize(1);
  }

  @Test
  void badInputIsRefusedAndNothingIsWritten() {
    String review = RegistryFixtures.review(jdbc, "ITA", "ESP", "ARG");
    Map<String, Integer> before = counts();
    assertKind(
        () ->
            designations.designateFocalPoint(
                review, "ESP", person("X", "not-an-email", "es"), "NV", RECEIVED, T0, "t"),
        RegistryException.Kind.INVALID_INPUT);
    assertKind(
        () ->
            designations.designateFocalPoint(
                review, "ESP", person("X", email("x"), "de"), "NV", RECEIVED, T0, "t"),
        RegistryException.Kind.INVALID_INPUT);
    assertKind(
        () ->
            designations.designateFocalPoint(
                review,
                "ESP",
                new PersonInput("X", email("x"), "es", "Mars/Olympus"),
                "NV",
                RECEIVED,
                T0,
                "t"),
        RegistryException.Kind.INVALID_INPUT);
    assertKind(
        () ->
            designations.designateFocalPoint(
                review, "XYZ", person("X", email("x"), "es"), "NV", RECEIVED, T0, "t"),
        RegistryException.Kind.UNKNOWN_STATE);
    assertKind(
        () ->
            designations.designateFocalPoint(
                review, "PER", person("X", email("x"), "es"), "NV", RECEIVED, T0, "t"),
        RegistryException.Kind.STATE_NOT_IN_REVIEW);
    assertKind(
        () ->
            designations.designateExperts(
                "no-such-review",
                "ESP",
                List.of(person("X", email("x"), "es")),
                "NV",
                RECEIVED,
                T0,
                "t"),
        RegistryException.Kind.UNKNOWN_REVIEW);
    // One bad person in a list: none of the list is written.
    assertKind(
        () ->
            designations.designateExperts(
                review,
                "ESP",
                List.of(person("Good", email("g"), "es"), person("Bad", "bad@", "es")),
                "NV",
                RECEIVED,
                T0,
                "t"),
        RegistryException.Kind.INVALID_INPUT);
    String fp = email("fp");
    designations.designateFocalPoint(
        review, "ESP", person("Uno", fp, "es"), "NV/1", RECEIVED, T0, "t");
    Map<String, Integer> afterFirst = counts();
    assertKind(
        () ->
            designations.designateFocalPoint(
                review,
                "ESP",
                person("Dos", email("fp"), "es"),
                "NV/2",
                RECEIVED,
                T0.plusSeconds(5),
                "t",
                null,
                true),
        RegistryException.Kind.FOCAL_POINT_ALREADY_DESIGNATED);
    assertThat(counts()).isEqualTo(afterFirst);
    assertThat(afterFirst.get("registry_designation"))
        .isEqualTo(before.get("registry_designation") + 1);
    // Naming the holder makes it a replacement.
    designations.designateFocalPoint(
        review,
        "ESP",
        person("Dos", email("fp"), "es"),
        "NV/2",
        RECEIVED,
        T0.plusSeconds(5),
        "t",
        fp.toUpperCase(),
        true);
    assertThat(registry.designationHistory(review, "ESP")).hasSize(2);
  }

  @Test
  void interimFocalPointOverTime() {
    String review = RegistryFixtures.review(jdbc, "KEN", "NGA", "IND");
    // Later than any change the process tests make while they walk the shared clock for years.
    Instant t = Instant.parse("2090-01-01T00:00:00Z");
    String state = "NGA";
    ActingFocalPoint nobody = resolver.actingFocalPoint(review, state, t.minusSeconds(1));
    if (registry.permanentRepresentative(state, t.minusSeconds(1)).isEmpty()) {
      assertThat(nobody.person()).isNull();
      assertThat(nobody.interim()).isTrue();
      assertThat(nobody.reason()).contains("no permanent representative");
    }
    String pr1 = email("pr1");
    String pr2 = email("pr2");
    String fp1 = email("fp1");
    String fp2 = email("fp2");
    representatives.setPermanentRepresentative(state, person("Ambassador One", pr1, "en"), t, "t");
    designations.designateFocalPoint(
        review, state, person("Focal One", fp1, "en"), "NV/1", RECEIVED, t.plusSeconds(200), "t");
    representatives.setPermanentRepresentative(
        state, person("Ambassador Two", pr2, "fr"), t.plusSeconds(300), "t");
    designations.designateFocalPoint(
        review, state, person("Focal Two", fp2, "en"), "NV/2", RECEIVED, t.plusSeconds(400), "t");
    long fp2Id = registry.designationHistory(review, state).get(1).id();
    designations.endDesignation(fp2Id, "NV/3", "resigned", t.plusSeconds(500), "t");

    assertActing(review, state, t.plusSeconds(100), pr1, true);
    assertActing(review, state, t.plusSeconds(200), fp1, false);
    assertActing(review, state, t.plusSeconds(350), fp1, false);
    assertActing(review, state, t.plusSeconds(400), fp2, false);
    assertActing(review, state, t.plusSeconds(600), pr2, true);
    assertThat(resolver.actingFocalPoint(review, state, t.plusSeconds(600)).reason())
        .contains("interim", "paragraph 18");
    assertThat(registry.permanentRepresentativeHistory(state))
        .extracting(tn -> tn.person().email())
        .containsSubsequence(pr1, pr2);
    // Another State of the same review is untouched by NGA's designations.
    assertThat(registry.designatedFocalPoint(review, "IND", t.plusSeconds(450))).isEmpty();
  }

  @Test
  void concurrentFocalPointDesignationsReplaceOneAnotherAtomically() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String review = RegistryFixtures.review(jdbc, "CAN", "AUS", "ZAF");
        Instant at = T0.plusSeconds(round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          String mail = email("race" + i);
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return designations.designateFocalPoint(
                        review, "AUS", person("Racer", mail, "en"), "NV/R", RECEIVED, at, "t");
                  }));
        }
        start.countDown();
        for (Future<?> f : futures) {
          f.get();
        }
        List<DesignationView> history = registry.designationHistory(review, "AUS");
        assertThat(history).hasSize(2);
        assertThat(history.stream().filter(d -> d.validTo() == null)).hasSize(1);
        DesignationView replaced =
            history.stream().filter(d -> d.validTo() != null).findFirst().orElseThrow();
        DesignationView current =
            history.stream().filter(d -> d.validTo() == null).findFirst().orElseThrow();
        assertThat(replaced.replacedById()).isEqualTo(current.id());
        assertThat(registry.designatedFocalPoint(review, "AUS", at.plusSeconds(1)))
            .contains(current.person());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondOpenFocalPointIsRefusedByTheDatabaseItself() {
    String review = RegistryFixtures.review(jdbc, "NOR", "SWE", "CHL");
    designations.designateFocalPoint(
        review, "SWE", person("Erik", email("e"), "en"), "NV/1", RECEIVED, T0, "t");
    long personId = people.createPerson(person("Other", email("o"), "en"), "t").id();
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO registry_designation (review_id, state_code, role, person_id, "
                        + "name_as_designated, note_verbale_ref, received_on, valid_from, created_at, created_by) "
                        + "VALUES (?, 'SWE', 'FOCAL_POINT', ?, 'Other', 'NV', '2026-01-01', NOW(6), NOW(6), 't')",
                    review,
                    personId))
        .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
  }

  private void assertActing(
      String review, String state, Instant at, String email, boolean interim) {
    ActingFocalPoint a = resolver.actingFocalPoint(review, state, at);
    assertThat(a.person()).as("acting at %s", at).isNotNull();
    assertThat(a.person().email()).as("acting at %s", at).isEqualTo(email);
    assertThat(a.interim()).as("interim at %s", at).isEqualTo(interim);
    assertThat(a.stateCode()).isEqualTo(state);
  }

  private Map<String, Integer> counts() {
    return Map.of(
        "registry_person",
        RegistryFixtures.count(jdbc, "registry_person"),
        "registry_designation",
        RegistryFixtures.count(jdbc, "registry_designation"));
  }

  private static void assertKind(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, RegistryException.Kind kind) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
