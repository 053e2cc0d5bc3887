package org.revflow.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.revflow.rulebook.Rulebook.CountFrom;
import org.revflow.rulebook.Rulebook.StepRule;
import org.revflow.vocabulary.Step;

/** The shipped rulebook against review-mechanism.md, sections 2 to 5. */
class DefaultRulebookTest {

  private final Rulebook rb = TestRulebooks.defaultRulebook();

  @Test
  void ruleValuesEqualTheRules() {
    assertThat(rb.step(Step.FOCAL_POINT))
        .isEqualTo(new StepRule(Period.ofWeeks(2), CountFrom.LAUNCH, null));
    assertThat(rb.step(Step.EXPERTS))
        .isEqualTo(new StepRule(Period.ofWeeks(4), CountFrom.LAUNCH, null));
    assertThat(rb.step(Step.SAQ))
        .isEqualTo(new StepRule(Period.ofMonths(6), CountFrom.LAUNCH, null));
    assertThat(rb.step(Step.FEEDBACK))
        .isEqualTo(new StepRule(Period.ofMonths(6), CountFrom.STEP_START, null));
    assertThat(rb.nextPhaseAfter()).isEqualTo(Period.ofMonths(24));
    assertThat(rb.activationLinkValidity()).isEqualTo(Period.ofDays(10));
    assertThat(rb.cluster(1).name()).isEqualTo("Criminalization and jurisdiction");
  }

  @Test
  void conventionValuesEqualTheBrief() {
    assertThat(rb.zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
    assertThat(rb.noticeTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(rb.step(Step.PRELIMINARY_CONSULTATION))
        .isEqualTo(new StepRule(Period.ofMonths(1), CountFrom.LAUNCH, null));
    assertThat(rb.step(Step.TRANSLATION))
        .isEqualTo(new StepRule(Period.ofMonths(1), CountFrom.STEP_START, null));
    assertThat(rb.step(Step.DIALOGUE))
        .isEqualTo(new StepRule(Period.ofMonths(2), CountFrom.STEP_START, Period.ofMonths(2)));
    assertThat(rb.step(Step.OBSERVATIONS))
        .isEqualTo(new StepRule(Period.ofMonths(3), CountFrom.STEP_START, Period.ofMonths(1)));
    assertThat(rb.step(Step.OBSERVATIONS_AGREEMENT))
        .isEqualTo(new StepRule(Period.ofMonths(2), CountFrom.STEP_START, null));
    assertThat(rb.step(Step.SUMMARY))
        .isEqualTo(new StepRule(Period.ofMonths(1), CountFrom.STEP_START, null));
    assertThat(rb.step(Step.SUMMARY_AGREEMENT))
        .isEqualTo(new StepRule(Period.ofMonths(1), CountFrom.STEP_START, null));
    assertThat(rb.step(Step.FINALISATION))
        .isEqualTo(new StepRule(Period.ofMonths(3), CountFrom.STEP_START, null));

    assertThat(rb.ladder().reminders()).containsExactly(Period.ofDays(30), Period.ofDays(7));
    assertThat(rb.ladder().overdue()).isEqualTo(Period.ofDays(1));
    assertThat(rb.ladder().escalation())
        .isEqualTo(new Rulebook.Repeat(Period.ofDays(31), Period.ofDays(30)));
    assertThat(rb.focalPointLadder().reminder()).isEqualTo(Period.ofDays(7));
    // Paragraph 18 sets no deadline: the day of the formal interim notice is the secretariat's
    // convention.
    assertThat(rb.focalPointLadder().interim()).isEqualTo(Period.ofDays(1));
    assertThat(rb.focalPointNetwork()).isTrue();
    assertThat(rb.calendar().workingDaysOnly()).isTrue();
    // The list covers 2026 to 2028, ten days a year (a weekend holiday observed on a weekday).
    assertThat(rb.calendar().yearsListed()).containsExactly(2026, 2027, 2028);
    assertThat(rb.calendar().holidays())
        .hasSize(29)
        .contains(
            java.time.LocalDate.of(2027, 12, 24),
            java.time.LocalDate.of(2027, 12, 31),
            java.time.LocalDate.of(2028, 4, 14))
        .allSatisfy(day -> assertThat(day.getDayOfWeek().getValue()).isLessThan(6));
    assertThat(rb.focalPointLadder().designationPending())
        .isEqualTo(new Rulebook.Repeat(Period.ofDays(31), Period.ofDays(30)));
    assertThat(rb.actionLinkValidity()).isEqualTo(Period.ofDays(30));

    assertThat(rb.clusters())
        .extracting(Rulebook.Cluster::name)
        .containsExactly(
            "Criminalization and jurisdiction",
            "Prevention, technical assistance, protection measures and other measures",
            "Law enforcement and the judicial system",
            "International cooperation, mutual legal assistance and confiscation");
  }

  @Test
  void theInterimTriggerIsMarkedAConventionNotARule() {
    assertThat(TestRulebooks.defaultYaml().lines().filter(l -> l.strip().startsWith("interim:")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("[C]").doesNotContain("[R]"));
  }

  @Test
  void theVersionBeforeKeepsItsOwnRulesAndTakesTheSummarysMonthForTheAgreement() {
    Rulebook old = TestRulebooks.calendarDaysRulebook();
    assertThat(old.id()).isEqualTo("default@2026.1");
    assertThat(old.calendar().workingDaysOnly()).isFalse();
    assertThat(old.focalPointNetwork()).isFalse();
    assertThat(old.step(Step.SUMMARY_AGREEMENT)).isEqualTo(old.step(Step.SUMMARY));
  }

  @Test
  void everyDeadlineInTheFileSaysWhetherItIsARuleOrAConvention() {
    Pattern deadline = Pattern.compile("^\\s+(deadline|round):.*");
    assertThat(TestRulebooks.defaultYaml().lines().filter(l -> deadline.matcher(l).matches()))
        .hasSize(Step.values().length + 2)
        .allSatisfy(line -> assertThat(line).containsAnyOf("[R]", "[C]"));
  }
}
