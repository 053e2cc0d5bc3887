package org.revflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The drawing checks of BpmnModelsTest catch what they are meant to catch, on a small drawing. */
class BpmnDrawingTest {

  private static final String CLEAN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="https://revflow.org/test">
        <bpmn:process id="p" isExecutable="true">
          <bpmn:startEvent id="StartEvent_S" name="Started"><bpmn:outgoing>Flow_A</bpmn:outgoing></bpmn:startEvent>
          <bpmn:task id="Task_T" name="Do it"><bpmn:incoming>Flow_A</bpmn:incoming><bpmn:outgoing>Flow_B</bpmn:outgoing></bpmn:task>
          <bpmn:endEvent id="EndEvent_E" name="Done"><bpmn:incoming>Flow_B</bpmn:incoming></bpmn:endEvent>
          <bpmn:task id="Task_X" name="Aside" />
          <bpmn:sequenceFlow id="Flow_A" sourceRef="StartEvent_S" targetRef="Task_T" />
          <bpmn:sequenceFlow id="Flow_B" sourceRef="Task_T" targetRef="EndEvent_E" />
        </bpmn:process>
        <bpmndi:BPMNDiagram id="D">
          <bpmndi:BPMNPlane id="P" bpmnElement="p">
            <bpmndi:BPMNShape id="S_di" bpmnElement="StartEvent_S"><dc:Bounds x="100" y="100" width="36" height="36" /><bpmndi:BPMNLabel><dc:Bounds x="98" y="141" width="40" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="T_di" bpmnElement="Task_T"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="E_di" bpmnElement="EndEvent_E"><dc:Bounds x="400" y="100" width="36" height="36" /><bpmndi:BPMNLabel><dc:Bounds x="403" y="141" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="X_di" bpmnElement="Task_X"><dc:Bounds x="200" y="250" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="A_di" bpmnElement="Flow_A"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="B_di" bpmnElement="Flow_B"><di:waypoint x="300" y="118" /><di:waypoint x="400" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  private static BpmnModelInstance model(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCleanDrawingHasNoProblems() {
    assertThat(BpmnDrawing.flowProblems(model(CLEAN))).isEmpty();
    assertThat(BpmnDrawing.labelProblems(model(CLEAN))).isEmpty();
  }

  @Test
  void aFlowEndingBesideItsTargetOrSlantedIsReported() {
    String xml =
        CLEAN.replace("<di:waypoint x=\"400\" y=\"118\" />", "<di:waypoint x=\"380\" y=\"130\" />");
    assertThat(BpmnDrawing.flowProblems(model(xml)))
        .anyMatch(p -> p.contains("Flow_B") && p.contains("not orthogonal"))
        .anyMatch(p -> p.contains("Flow_B") && p.contains("not on the outline of EndEvent_E"));
  }

  @Test
  void aFlowEndingOnAnEventBesideItsPointIsReported() {
    String xml =
        CLEAN.replace(
            "<di:waypoint x=\"300\" y=\"118\" /><di:waypoint x=\"400\" y=\"118\" />",
            "<di:waypoint x=\"300\" y=\"130\" /><di:waypoint x=\"400\" y=\"130\" />");
    assertThat(BpmnDrawing.flowProblems(model(xml)))
        .containsExactly(
            "p/Flow_B: ends at Point[x=400.0, y=130.0], not on the outline of EndEvent_E");
  }

  @Test
  void aFlowThroughAShapeOrALabelIsReported() {
    String xml = CLEAN.replace("<dc:Bounds x=\"200\" y=\"250\"", "<dc:Bounds x=\"330\" y=\"100\"");
    assertThat(BpmnDrawing.flowProblems(model(xml)))
        .containsExactly("p/Flow_B: runs through Task_X");
    String overLabel =
        CLEAN.replace("<dc:Bounds x=\"403\" y=\"141\"", "<dc:Bounds x=\"340\" y=\"112\"");
    assertThat(BpmnDrawing.flowProblems(model(overLabel)))
        .containsExactly("p/Flow_B: runs through the label of EndEvent_E");
  }

  @Test
  void labelsOnOtherLabelsOnShapesOrFarAwayAreReported() {
    String onLabel =
        CLEAN.replace("<dc:Bounds x=\"403\" y=\"141\"", "<dc:Bounds x=\"120\" y=\"145\"");
    assertThat(BpmnDrawing.labelProblems(model(onLabel)))
        .contains(
            "p: labels of StartEvent_S and EndEvent_E overlap", "p/EndEvent_E: label 250 px away");
    String onShape =
        CLEAN.replace("<dc:Bounds x=\"403\" y=\"141\"", "<dc:Bounds x=\"290\" y=\"141\"");
    assertThat(BpmnDrawing.labelProblems(model(onShape)))
        .contains("p: label of EndEvent_E overlaps Task_T");
  }

  @Test
  void aNamedEventWithoutPlacedLabelIsReported() {
    String xml =
        CLEAN.replace(
            "<bpmndi:BPMNLabel><dc:Bounds x=\"403\" y=\"141\" width=\"30\" height=\"14\" /></bpmndi:BPMNLabel>",
            "");
    assertThat(BpmnDrawing.labelProblems(model(xml)))
        .containsExactly("p/EndEvent_E: no label bounds");
  }
}
