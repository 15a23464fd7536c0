package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/**
 * An ops engineer reads the model in Camunda Modeler and Cockpit, and an operator reads its task names
 * in {@code recovery_workflow_details}: every flow node has a name of words, and no two share one.
 */
class ModelNamesTest {

    private static BpmnModelInstance model() throws Exception {
        try (InputStream in = ModelNamesTest.class.getClassLoader()
                .getResourceAsStream("bpmn/host-failure-recovery.bpmn")) {
            return Bpmn.readModelFromStream(in);
        }
    }

    @Test
    void everyFlowNodeHasItsOwnName() throws Exception {
        Collection<FlowNode> nodes = model().getModelElementsByType(FlowNode.class);
        List<String> names = nodes.stream().map(FlowNode::getName).toList();

        assertThat(nodes).hasSizeGreaterThan(30);
        assertThat(names).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theProcessFailureModelIsNamedInWordsToo() throws Exception {
        BpmnModelInstance model;
        try (InputStream in = ModelNamesTest.class.getClassLoader()
                .getResourceAsStream("bpmn/process-failure-recovery.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        assertThat(nodes.stream().map(FlowNode::getName).toList()).hasSizeGreaterThan(15).doesNotContainNull()
                .doesNotHaveDuplicates().allSatisfy(name -> assertThat(name).contains(" "));
    }

    @Test
    void gatewaysAndTasksAreNamedInWordsNotIdentifiers() throws Exception {
        BpmnModelInstance model = model();
        Collection<Gateway> gateways = model.getModelElementsByType(Gateway.class);
        Collection<ServiceTask> tasks = model.getModelElementsByType(ServiceTask.class);

        assertThat(gateways).hasSizeGreaterThanOrEqualTo(10).allSatisfy(g ->
                assertThat(g.getName()).as(g.getId()).isNotEqualTo(g.getId()).contains(" "));
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(18).allSatisfy(t ->
                assertThat(t.getName()).as(t.getId()).isNotEqualTo(t.getId()).contains(" "));
    }
}
