package org.revflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.impl.CamundaObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.revflow.notification.NextDigestWorker;
import org.revflow.notification.NoticeWorker;
import org.revflow.review.CloseStepWorker;
import org.revflow.review.OpenDialogueWorker;
import org.revflow.review.OpenStepWorker;
import org.revflow.review.PlanDialogueEndWorker;
import org.revflow.review.PlanNextNoticeWorker;
import org.revflow.review.ReviewPlanService;
import org.revflow.vocabulary.NoticeKind;
import org.revflow.vocabulary.Step;
import org.revflow.workplan.ActOnPlanWorker;
import org.revflow.workplan.PlanNextMoveWorker;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * What the workers' typed records look like as process variables, through the same JSON mapping the
 * Camunda client uses (a copy of the application's mapper): the names are ProcessConstants', dates
 * are ISO strings, and a field without a value is left out rather than set to null, so that the
 * variable keeps its last value and the models' gateways read their flags.
 */
class WorkerVariablesTest {

  private static final LocalDate DUE = LocalDate.of(2027, 7, 4);
  private final CamundaObjectMapper json =
      new CamundaObjectMapper(Jackson2ObjectMapperBuilder.json().build());

  private Map<String, Object> variables(Object output) {
    return json.fromJsonAsMap(json.toJson(output));
  }

  @Test
  void aPlannedRungIsSentWithItsDateKindAndKey() {
    var out =
        new PlanNextNoticeWorker.Output(
            true, true, "2027-06-04T09:00+02:00", NoticeKind.REMINDER, "REMINDER@2027-06-04", DUE);
    assertThat(variables(out))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ProcessConstants.VAR_STEP_OPEN,
                true,
                ProcessConstants.VAR_NOTICE_PLANNED,
                true,
                ProcessConstants.VAR_NEXT_NOTICE_AT,
                "2027-06-04T09:00+02:00",
                ProcessConstants.VAR_NEXT_NOTICE_KIND,
                "REMINDER",
                ProcessConstants.VAR_NOTICE_KEY,
                "REMINDER@2027-06-04",
                ProcessConstants.VAR_DUE,
                "2027-07-04"));
  }

  @Test
  void withNothingPlannedOnlyTheFlagsAndTheDeadlineAreSent() {
    var out = new PlanNextNoticeWorker.Output(true, false, null, null, null, DUE);
    assertThat(variables(out))
        .containsOnlyKeys(
            ProcessConstants.VAR_STEP_OPEN,
            ProcessConstants.VAR_NOTICE_PLANNED,
            ProcessConstants.VAR_DUE);
    assertThat(variables(new PlanDialogueEndWorker.Output(false, false, null)))
        .containsOnlyKeys(
            ProcessConstants.VAR_DIALOGUE_CLOSED, ProcessConstants.VAR_DIALOGUE_END_PLANNED);
    assertThat(variables(new PlanNextMoveWorker.Output(ReviewPlanService.NextMove.Kind.WAIT, null)))
        .containsExactlyEntriesOf(Map.of(ProcessConstants.VAR_PLAN_MOVE, "WAIT"));
  }

  @Test
  void listsOfNoticeKindsAndDatesAreSentAsTheModelsReadThem() {
    assertThat(variables(new OpenStepWorker.Output(42, DUE, List.of(NoticeKind.STEP_OPENED))))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ProcessConstants.VAR_STEP_ID,
                42,
                ProcessConstants.VAR_DUE,
                "2027-07-04",
                ProcessConstants.VAR_OPENING_NOTICES,
                List.of("STEP_OPENED")));
    assertThat(
            variables(
                new NextDigestWorker.Output(
                    "2027-07-05T09:00+02:00", LocalDate.of(2027, 7, 5), true)))
        .containsEntry(ProcessConstants.VAR_DIGEST_DAY, "2027-07-05")
        .containsEntry(ProcessConstants.VAR_DIGEST_WANTED, true);
  }

  @Test
  void everyOutputNamesOnlyProcessConstantsVariables() {
    List<Object> outputs =
        List.of(
            new OpenStepWorker.Output(1, DUE, List.of()),
            new CloseStepWorker.Output(List.of(NoticeKind.STEP_DONE)),
            new OpenDialogueWorker.Output(2),
            new PlanDialogueEndWorker.Output(false, true, "2027-07-05T09:00+02:00"),
            new PlanNextNoticeWorker.Output(
                true,
                true,
                "2027-06-04T09:00+02:00",
                NoticeKind.REMINDER,
                "REMINDER@2027-06-04",
                DUE),
            new PlanNextMoveWorker.Output(
                ReviewPlanService.NextMove.Kind.LAUNCH, "2027-07-05T09:00+02:00"),
            new ActOnPlanWorker.Output(ReviewPlanService.Outcome.LAUNCHED),
            new NextDigestWorker.Output("2027-07-05T09:00+02:00", DUE, true));
    Set<String> names = new TreeSet<>();
    outputs.forEach(o -> names.addAll(variables(o).keySet()));
    assertThat(variableConstants()).containsAll(names);
  }

  @Test
  void inputsAreReadFromTheVariablesByTheirConstantsNames() {
    String notice =
        "{\"reviewId\":\"AUT-P2-2027\",\"stepId\":7,\"noticeKey\":\"OPENED:STEP_OPENED\","
            + "\"noticeKind\":\"STEP_OPENED\",\"step\":\"SAQ\",\"state\":\"AUT\",\"participatingStates\":[\"AUT\"]}";
    NoticeWorker.Input in = json.fromJson(notice, NoticeWorker.Input.class);
    assertThat(in)
        .isEqualTo(
            new NoticeWorker.Input(
                "AUT-P2-2027",
                7L,
                "OPENED:STEP_OPENED",
                NoticeKind.STEP_OPENED,
                Step.SAQ,
                "AUT",
                null));
    assertThat(
            json.fromJson(
                "{\"reviewId\":\"AUT-P2-2027\",\"step\":\"FOCAL_POINT\",\"state\":null}",
                OpenStepWorker.Input.class))
        .isEqualTo(new OpenStepWorker.Input("AUT-P2-2027", Step.FOCAL_POINT, null, null));
  }

  private static Set<String> variableConstants() {
    List<String> values = new ArrayList<>();
    for (Field f : ProcessConstants.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("VAR_")) {
        try {
          values.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(values);
  }
}
