package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code return-host-to-service.bpmn} on an in-memory engine: the policy's three answers, the
 * operator's two, each gate holding the host back once, and a host that stops reporting while it waits. 100%
 * flow-node and sequence-flow coverage is enforced.
 */
@Deployment(resources = {"bpmn/return-host-to-service.bpmn", "forms/approve-return-to-service.form"})
class ReturnHostToServiceProcessTest extends ProcessTestFixture {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = coverageAtOneHundredPercent();

    private final List<String> acted = new ArrayList<>();
    private final Map<String, Deque<Boolean>> answers = new HashMap<>();
    private Step policy = Step.RETURN;
    private boolean failback;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("registerReturn", e -> {
            e.setVariable(RETURN_STEP, policy.variableValue());
            e.setVariable(FAILBACK, failback);
            if (policy == Step.KEEP_OUT) {
                e.setVariable(KEEP_OUT_REASON, "policy never");
            }
        });
        standIns.put("checkHostHeartbeat", check(HOST_ALIVE));
        standIns.put("checkEvacuationsSettled", check(EVACUATIONS_SETTLED));
        standIns.put("checkLeftoversGone", check(LEFTOVERS_GONE));
        standIns.put("checkSegmentQuiet", check(SEGMENT_QUIET));
        standIns.put("planFailback", check(FAILBACK_PLANNED));
        standIns.put("failBackInstances", check(FAILBACK_DONE));
        for (String action : List.of("unsetForcedDown", "enableComputeService", "clearMaintenance", "recordKeptOut",
                "recordFailedAgain")) {
            standIns.put(action, e -> acted.add(action));
        }
        ModelBeans beans = registerStandIns("bpmn/return-host-to-service.bpmn", standIns);
        assertThat(beans.taskListeners()).containsExactly("acceptReturnDecision");
        Mocks.register("acceptReturnDecision", (TaskListener) t -> { });
    }

    /** A check that answers from its queue, true once the queue is empty. */
    private JavaDelegate check(String variable) {
        return e -> {
            Deque<Boolean> queue = answers.getOrDefault(variable, new ArrayDeque<>());
            e.setVariable(variable, queue.isEmpty() || queue.poll());
        };
    }

    private void answer(String variable, Boolean... values) {
        answers.put(variable, new ArrayDeque<>(List.of(values)));
    }

    private ProcessInstance healthyAgain() {
        return runtimeService().startProcessInstanceByKey(WorkflowNames.RETURN_HOST_TO_SERVICE, "notification-1",
                Map.of(WorkflowNames.NOTIFICATION_UUID, "notification-1", WorkflowNames.HOSTNAME, "compute1",
                        RETURN_ID, "7", RETURN_POLL_INTERVAL, "PT10S", "operatorGroup", "ha-operators"));
    }

    @Test
    void autoReturnsTheHostOnceEveryGatePasses() {
        BpmnAwareTests.assertThat(runJobs(healthyAgain())).isEnded()
                .hasPassedInOrder("HostHealthyAgain", "RegisterReturn", "ReturnPolicy", "CheckHostHeartbeat",
                        "HostAlive", "CheckEvacuationsSettled", "EvacuationsSettled", "CheckLeftoversGone",
                        "LeftoversGone", "CheckSegmentQuiet", "SegmentQuiet", "UnsetForcedDown",
                        "EnableComputeService", "ClearMaintenance", "FailBackPolicy", "ReturnedToService")
                .hasNotPassed("WaitBeforeLookingAgain", "ApproveReturn", "PlanFailback");
        assertThat(acted).containsExactly("unsetForcedDown", "enableComputeService", "clearMaintenance");
    }

    @Test
    void withFailbackTheInstancesGoHomeRoundByRound() {
        failback = true;
        answer(FAILBACK_DONE, false, false);

        BpmnAwareTests.assertThat(runJobs(healthyAgain())).isEnded()
                .hasPassedInOrder("ClearMaintenance", "FailBackPolicy", "PlanFailback", "InstancesToBringHome",
                        "FailBackInstances", "AllHome", "WaitForLiveMigrations", "FailBackInstances",
                        "WaitForLiveMigrations", "FailBackInstances", "AllHome", "InstancesBackHome")
                .hasNotPassed("ReturnedToService");
    }

    @Test
    void withFailbackAndNothingToBringHomeTheReturnEnds() {
        failback = true;
        answer(FAILBACK_PLANNED, false);

        BpmnAwareTests.assertThat(runJobs(healthyAgain())).isEnded()
                .hasPassedInOrder("ClearMaintenance", "FailBackPolicy", "PlanFailback", "InstancesToBringHome",
                        "ReturnedToService")
                .hasNotPassed("FailBackInstances");
    }

    @Test
    void eachGateHoldsTheHostBackUntilItPasses() {
        answer(EVACUATIONS_SETTLED, false);
        answer(LEFTOVERS_GONE, false);
        answer(SEGMENT_QUIET, false);

        BpmnAwareTests.assertThat(runJobs(healthyAgain())).isEnded()
                .hasPassedInOrder("EvacuationsSettled", "WaitBeforeLookingAgain", "CheckHostHeartbeat",
                        "EvacuationsSettled", "LeftoversGone", "WaitBeforeLookingAgain", "CheckHostHeartbeat",
                        "LeftoversGone", "SegmentQuiet", "WaitBeforeLookingAgain", "CheckHostHeartbeat",
                        "SegmentQuiet", "UnsetForcedDown", "ReturnedToService");
        assertThat(acted).containsExactly("unsetForcedDown", "enableComputeService", "clearMaintenance");
    }

    @Test
    void aHostWaitingAtTheGatesThatStopsReportingStaysOut() {
        answer(EVACUATIONS_SETTLED, false);
        answer(HOST_ALIVE, true, false);

        BpmnAwareTests.assertThat(runJobs(healthyAgain())).isEnded()
                .hasPassedInOrder("CheckHostHeartbeat", "WaitBeforeLookingAgain", "CheckHostHeartbeat", "HostAlive",
                        "RecordFailedAgain", "FailedAgain")
                .hasNotPassed("UnsetForcedDown");
        assertThat(acted).containsExactly("recordFailedAgain");
    }

    @Test
    void askWaitsForAnOperatorWhoApproves() {
        policy = Step.ASK;
        ProcessInstance instance = runJobs(healthyAgain());
        BpmnAwareTests.assertThat(instance).isWaitingAt("ApproveReturn");
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance)).hasName("Return compute1 to service?")
                .hasCandidateGroup("ha-operators");
        assertThat(BpmnAwareTests.taskService().createTaskQuery().taskId(BpmnAwareTests.task(instance).getId())
                .initializeFormKeys().singleResult().getCamundaFormRef().getKey()).isEqualTo(RETURN_FORM);
        assertThat(acted).as("nothing done before the decision").isEmpty();

        BpmnAwareTests.taskService().complete(BpmnAwareTests.task(instance).getId(),
                Map.of("operatorDecision", "approve"));

        BpmnAwareTests.assertThat(runJobs(instance)).isEnded()
                .hasPassedInOrder("ReturnPolicy", "ApproveReturn", "OperatorsDecision", "CheckHostHeartbeat",
                        "ReturnedToService");
    }

    @Test
    void askWithAnOperatorWhoKeepsItOut() {
        policy = Step.ASK;
        ProcessInstance instance = runJobs(healthyAgain());
        BpmnAwareTests.taskService().complete(BpmnAwareTests.task(instance).getId(),
                Map.of("operatorDecision", "keep_out", "operatorComment", "DIMM errors", KEEP_OUT_REASON, "kept"));

        BpmnAwareTests.assertThat(runJobs(instance)).isEnded()
                .hasPassedInOrder("ApproveReturn", "OperatorsDecision", "RecordKeptOut", "KeptOut")
                .hasNotPassed("CheckHostHeartbeat");
        assertThat(acted).containsExactly("recordKeptOut");
    }

    @Test
    void neverKeepsItOutWithoutAsking() {
        policy = Step.KEEP_OUT;

        BpmnAwareTests.assertThat(runJobs(healthyAgain())).isEnded()
                .hasPassedInOrder("RegisterReturn", "ReturnPolicy", "RecordKeptOut", "KeptOut")
                .hasNotPassed("ApproveReturn", "CheckHostHeartbeat");
        assertThat(acted).containsExactly("recordKeptOut");
    }
}
