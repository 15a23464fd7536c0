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
 * starts, so no name is shared across the two either. A developer goes from a task to its code: in all
 * four models a service task's id is its delegate's class name, and its name leads to that class.
 */
class ModelNamesTest {

    private static BpmnModelInstance model(String resource) throws Exception {
        try (InputStream in = ModelNamesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(in);
        }
    }

    /**
     * The flow nodes of one host failure's recovery: the host's model, the instance evacuation, and the host's return
     * to service (all three report their progress under the same notification).
     */
    private static <T extends org.camunda.bpm.model.bpmn.instance.FlowElement> List<T> hostFailureNodes(Class<T> type)
            throws Exception {
        List<T> nodes = new java.util.ArrayList<>();
        for (String resource : List.of("bpmn/host-failure-recovery.bpmn", "bpmn/instance-evacuation.bpmn",
                "bpmn/return-host-to-service.bpmn")) {
            nodes.addAll(model(resource).getModelElementsByType(type));
        }
        return nodes;
    }

    static final List<String> MODELS = List.of("bpmn/host-failure-recovery.bpmn", "bpmn/instance-evacuation.bpmn",
            "bpmn/instance-failure-recovery.bpmn", "bpmn/process-failure-recovery.bpmn",
            "bpmn/mass-failure-approval.bpmn", "bpmn/return-host-to-service.bpmn");

    /** The one documented exception: the four "Plan targets (...)" tasks share {@code PlanTargets}. */
    private static final String SHARED_DELEGATE = "PlanTargets";

    @Test
    void everyServiceTaskIsIdentifiedAndNamedAfterItsDelegateClass() throws Exception {
        List<String> disagreements = new java.util.ArrayList<>();
        int tasks = 0;
        for (String resource : MODELS) {
            for (ServiceTask task : model(resource).getModelElementsByType(ServiceTask.class)) {
                tasks++;
                disagreements.addAll(disagreements(resource, task));
            }
        }

        assertThat(tasks).as("service tasks read").isGreaterThan(40);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aTaskNamedForAnotherClassIsCaught() {
        ServiceTask task = Bpmn.createExecutableProcess("p").startEvent().serviceTask("RetryRestart")
                .name("Retry as the operator chose").camundaDelegateExpression("${retryRestart}").done()
                .getModelElementById("RetryRestart");
        ServiceTask wrongId = Bpmn.createExecutableProcess("p").startEvent().serviceTask("Retry")
                .name("Retry restart").camundaDelegateExpression("${retryRestart}").done()
                .getModelElementById("Retry");

        assertThat(disagreements("test", task)).singleElement().asString().contains("name");
        assertThat(disagreements("test", wrongId)).singleElement().asString().contains("id");
    }

    /** Where a task's id or name and its delegate's class disagree, in words; empty when they agree. */
    static List<String> disagreements(String resource, ServiceTask task) {
        String expression = task.getCamundaDelegateExpression();
        java.util.regex.Matcher bean = java.util.regex.Pattern.compile("^\\$\\{(\\w+)}$")
                .matcher(expression == null ? "" : expression);
        if (!bean.matches()) {
            return List.of(resource + " " + task.getId() + ": no delegate bean, but " + expression);
        }
        String className = Character.toUpperCase(bean.group(1).charAt(0)) + bean.group(1).substring(1);
        List<String> found = new java.util.ArrayList<>();
        if (!className.equals(task.getId()) && !className.equals(SHARED_DELEGATE)) {
            found.add(resource + " " + task.getId() + ": id is not its class " + className);
        }
        if (!camelCase(task.getName()).toLowerCase(java.util.Locale.ROOT)
                .startsWith(className.toLowerCase(java.util.Locale.ROOT))) {
            found.add(resource + " " + task.getId() + ": name '" + task.getName() + "' does not lead to " + className);
        }
        return found;
    }

    /** "Hand over the restart to an operator" -> "HandOverRestartToOperator": words joined, articles left out. */
    static String camelCase(String name) {
        StringBuilder text = new StringBuilder();
        for (String word : (name == null ? "" : name).split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty() && !List.of("a", "an", "the").contains(word.toLowerCase(java.util.Locale.ROOT))) {
                text.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return text.toString();
    }

    @Test
    void everyFlowNodeHasItsOwnName() throws Exception {
        Collection<FlowNode> nodes = hostFailureNodes(FlowNode.class);
        List<String> names = nodes.stream().map(FlowNode::getName).toList();

        assertThat(nodes).hasSizeGreaterThan(30);
        assertThat(names).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theInstanceAndProcessFailureModelsAreNamedInWordsToo() throws Exception {
        for (String resource : List.of("bpmn/instance-failure-recovery.bpmn", "bpmn/process-failure-recovery.bpmn",
                "bpmn/mass-failure-approval.bpmn")) {
            Collection<FlowNode> nodes = model(resource).getModelElementsByType(FlowNode.class);
            assertThat(nodes.stream().map(FlowNode::getName).toList()).as(resource).hasSizeGreaterThan(5)
                    .doesNotContainNull().doesNotHaveDuplicates().allSatisfy(name -> assertThat(name).contains(" "));
        }
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
