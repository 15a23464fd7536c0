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
 * in {@code recovery_workflow_details}: every flow node has a name of words, and no two share one. A host
 * failure's details hold the tasks of two models, the host's and the instance evacuation its call activity
 * starts, so no name is shared across the two either.
 */
class ModelNamesTest {

    private static BpmnModelInstance model(String resource) throws Exception {
        try (InputStream in = ModelNamesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(in);
        }
    }

    /** The flow nodes of one host failure's recovery: the host's model and the instance evacuation. */
    private static <T extends org.camunda.bpm.model.bpmn.instance.FlowElement> List<T> hostFailureNodes(Class<T> type)
            throws Exception {
        List<T> nodes = new java.util.ArrayList<>();
        for (String resource : List.of("bpmn/host-failure-recovery.bpmn", "bpmn/instance-evacuation.bpmn")) {
            nodes.addAll(model(resource).getModelElementsByType(type));
        }
        return nodes;
    }

    @Test
    void everyFlowNodeHasItsOwnName() throws Exception {
        Collection<FlowNode> nodes = hostFailureNodes(FlowNode.class);
        List<String> names = nodes.stream().map(FlowNode::getName).toList();

        assertThat(nodes).hasSizeGreaterThan(30);
        assertThat(names).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theProcessFailureModelIsNamedInWordsToo() throws Exception {
        BpmnModelInstance model = model("bpmn/process-failure-recovery.bpmn");
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        assertThat(nodes.stream().map(FlowNode::getName).toList()).hasSizeGreaterThan(15).doesNotContainNull()
                .doesNotHaveDuplicates().allSatisfy(name -> assertThat(name).contains(" "));
    }

    @Test
    void gatewaysAndTasksAreNamedInWordsNotIdentifiers() throws Exception {
        Collection<Gateway> gateways = hostFailureNodes(Gateway.class);
        Collection<ServiceTask> tasks = hostFailureNodes(ServiceTask.class);

        assertThat(gateways).hasSizeGreaterThanOrEqualTo(10).allSatisfy(g ->
                assertThat(g.getName()).as(g.getId()).isNotEqualTo(g.getId()).contains(" "));
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(18).allSatisfy(t ->
                assertThat(t.getName()).as(t.getId()).isNotEqualTo(t.getId()).contains(" "));
    }
}
