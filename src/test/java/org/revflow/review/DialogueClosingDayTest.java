package org.revflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revflow.simulation.SimulationRunner;
import org.revflow.simulation.SimulationRunner.OutputNotice;
import org.revflow.testsupport.IntegrationTest;

/**
 * The dialogue closes on the first working day after its window's last day when no request is open
 * then. An answer that comes between the two (here on the Saturday after a window that ended on a
 * Friday) does not close it early: it closes on the Monday, and the lists of observations are due
 * three months after that Monday. Pinned dates, so a simulation on the working-day rulebook.
 */
@IntegrationTest
class DialogueClosingDayTest {

  @Test
  void anAnswerAfterTheWindowsLastDayButBeforeItsClosingDayLeavesTheClosingToThatDay() {
    String scenario =
        """
        {
          "start": "2027-01-04",
          "until": "2027-07-14",
          "calendar": {"holidays": []},
          "review": {"underReview": "SEN", "phase": 1, "reviewers": {"UNTOC": ["FRA", "NLD"]}},
          "contacts": [
            {"state": "SEN", "role": "FOCAL_POINT", "name": "FP Senegal", "email": "fp@sen.example", "language": "fr"},
            {"state": "FRA", "role": "FOCAL_POINT", "name": "FP France", "email": "fp@fra.example", "language": "fr"},
            {"state": "NLD", "role": "FOCAL_POINT", "name": "FP Netherlands", "email": "fp@nld.example", "language": "en"}
          ],
          "events": [
            {"on": "2027-01-05", "type": "EXPERTS_DESIGNATED", "state": "SEN"},
            {"on": "2027-01-05", "type": "EXPERTS_DESIGNATED", "state": "FRA"},
            {"on": "2027-01-05", "type": "EXPERTS_DESIGNATED", "state": "NLD"},
            {"on": "2027-01-05", "type": "PRELIMINARY_CONSULTATION_HELD"},
            {"on": "2027-02-01", "type": "SAQ_CLEARED"},
            {"on": "2027-02-15", "type": "TRANSLATION_DONE"},
            {"on": "2027-05-08", "type": "FEEDBACK_CLEARED", "state": "FRA"},
            {"on": "2027-05-09", "type": "FEEDBACK_CLEARED", "state": "NLD"},
            {"on": "2027-06-01", "type": "CLARIFICATION_REQUESTED", "state": "FRA"},
            {"on": "2027-07-10", "type": "CLARIFICATION_ANSWERED", "state": "FRA"}
          ]
        }""";
    SimulationRunner.Output out = new SimulationRunner().run(scenario);

    assertThat(out.rejected()).isEmpty();
    // Feedback cleared Sunday 9 May: the window runs to Friday 9 July; its closing day is Monday 12
    // July.
    assertThat(out.notices())
        .filteredOn(n -> n.kind().equals("STEP_DONE") && "DIALOGUE".equals(n.step()))
        .extracting(OutputNotice::on)
        .containsOnly(LocalDate.of(2027, 7, 12))
        .isNotEmpty();
    assertThat(out.notices())
        .filteredOn(n -> n.kind().equals("STEP_OPENED") && "OBSERVATIONS".equals(n.step()))
        .isNotEmpty()
        .allSatisfy(
            n -> {
              assertThat(n.on()).isEqualTo(LocalDate.of(2027, 7, 12));
              assertThat(n.due()).isEqualTo(LocalDate.of(2027, 10, 12));
            });
    assertThat(out.notices())
        .filteredOn(n -> n.kind().equals("CLARIFICATION_ANSWERED"))
        .extracting(OutputNotice::on)
        .containsOnly(LocalDate.of(2027, 7, 10));
  }
}
