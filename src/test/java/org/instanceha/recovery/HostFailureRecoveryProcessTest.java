package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code host-failure-recovery.bpmn} on an in-memory engine, with the delegates
 * replaced by stand-ins that steer the gateways, and {@code instance-evacuation.bpmn}, which its call
 * activity starts per instance, replaced by a stand-in process that records what it was given (that model
 * has its own test, {@link InstanceEvacuationProcessTest}). Coverage of flow nodes and sequence flows must be
 * 100% ({@link ProcessTestFixture}).
 */
@Deployment(resources = {"bpmn/host-failure-recovery.bpmn", "process-test/instance-evacuation-stand-in.bpmn",
        "forms/confirm-host-powered-off.form"})
class HostFailureRecoveryProcessTest extends ProcessTestFixture {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = coverageAtOneHundredPercent();

    private Map<String, Object> registration;
    private Deque<Boolean> serviceDownAnswers;
    /** What "Fence host" answers at each run: the variable fencingOutcome; "off" once the deque is empty. */
    private Deque<String> fencingOutcomes;
    private boolean powerOnAfterRecovery;
    private Deque<Boolean> waitExpiredAnswers;
    private List<String> vmoveIds;
    private boolean allRecovered;
    /** The variables each instance-evacuation started by the call activity was given, and its business key. */
    private List<Map<String, Object>> calls;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, FORCE_DOWN, true, RECOVERY_METHOD, "auto");
        serviceDownAnswers = new ArrayDeque<>();
        fencingOutcomes = new ArrayDeque<>();
        waitExpiredAnswers = new ArrayDeque<>();
        vmoveIds = List.of("move-1");
        allRecovered = true;
        calls = new java.util.ArrayList<>();

        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("registerNotification", e -> {
            e.setVariables(registration);
            e.setVariable(SERVICE_POLL_INTERVAL, "PT1S");
            e.setVariable(EVACUATION_POLL_INTERVAL, "PT1S");
            e.setVariable(SLOT_WAIT_INTERVAL, "PT1S");
            e.setVariable(RETRY_DELAY, "PT1S");
            e.setVariable(FENCING_POLL_INTERVAL, "PT1S");
            e.setVariable(FENCING_RETRY_DELAY, "PT1S");
            e.setVariable(HOSTNAME, "compute3");
            e.setVariable(POWER_ON_AFTER_RECOVERY, powerOnAfterRecovery);
        });
        standIns.put("fenceHost", e -> e.setVariable(FENCING_OUTCOME,
                fencingOutcomes.isEmpty() ? "off" : fencingOutcomes.pop()));
        standIns.put("describeHostForOperator", e -> e.setVariable(
                org.instanceha.recovery.operator.OperatorTasks.OPERATOR_GROUP, "ha-operators"));
        standIns.put("checkComputeService", e -> {
            e.setVariable(SERVICE_DOWN, serviceDownAnswers.pop());
            e.setVariable(SERVICE_WAIT_EXPIRED, waitExpiredAnswers.pop());
        });
        standIns.put("identifyProtectedInstances", e -> {
            e.setVariable(INSTANCE_COUNT, vmoveIds.size());
            e.setVariable(VMOVE_IDS, new java.util.ArrayList<>(vmoveIds));
        });
        standIns.put("planTargets", e -> e.setVariable("plannedWith", e.getVariableLocal(RECOVERY_METHOD)));
        standIns.put("concludeNotification", e -> e.setVariable(ALL_RECOVERED, allRecovered));
        ModelBeans beans = registerStandIns("bpmn/host-failure-recovery.bpmn", standIns);
        assertThat(beans.taskListeners()).containsExactly("acceptFencingDecision");
        Mocks.register("acceptFencingDecision", (org.camunda.bpm.engine.delegate.TaskListener) t -> { });
        Mocks.register("recordCall", (JavaDelegate) e -> {
            Map<String, Object> given = new HashMap<>(e.getVariables());
            given.put("businessKey", e.getProcessBusinessKey());
            calls.add(given);
        });
    }

    private ProcessInstance reportAndRun() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkflowNames.HOST_FAILURE_RECOVERY, "n-1",
                Map.of(NOTIFICATION_UUID, "n-1"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("RegisterNotification");
        return runJobs(instance);
    }

    private ProcessInstance recoverWith(String method) {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, FORCE_DOWN, true, RECOVERY_METHOD, method);
        return reportAndRun();
    }

    @Test
    void aRejectedRestStartEndsRejected() {
        registration = Map.of(NEXT_STEP, NextStep.REJECT.variableValue());
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("NotificationRejected")
                .hasNotPassed("FinishNotification", "IgnoreNotification");
    }

    @Test
    void aStartedHostIsFinished() {
        registration = Map.of(NEXT_STEP, NextStep.FINISH.variableValue());
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FinishNotification", "NotificationFinished");
    }

    @Test
    void unconfirmedFencingIsIgnored() {
        registration = Map.of(NEXT_STEP, NextStep.IGNORE.variableValue());
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification", "NotificationIgnored");
    }

    @Test
    void aDisabledSegmentIsIgnored() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, false);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("SegmentEnabled", "IgnoreNotification")
                .hasNotPassed("DisableComputeService");
    }

    @Test
    void aHostWithoutInstancesIsFencedThenFinished() {
        vmoveIds = List.of();
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("FenceHost", "HostPoweredOff", "ForceDownComputeService", "DisableComputeService", "IdentifyProtectedInstances",
                        "FinishNotification", "NotificationFinished")
                .hasNotPassed("RecoverEachInstance");
    }

    @Test
    void withoutForceDownTheWorkflowWaitsUntilNovaReportsTheHostDown() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, FORCE_DOWN, false, RECOVERY_METHOD, "auto");
        serviceDownAnswers.addAll(List.of(false, true));
        waitExpiredAnswers.addAll(List.of(false, false));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("CheckComputeService", "WaitForNova", "CheckComputeService",
                        "DisableComputeService", "RecoveryFinished")
                .hasNotPassed("ForceDownComputeService");
    }

    @Test
    void withoutForceDownAHostNovaNeverReportsDownEndsInError() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, FORCE_DOWN, false, RECOVERY_METHOD, "auto");
        serviceDownAnswers.add(false);
        waitExpiredAnswers.add(true);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FailNotification", "RecoveryError")
                .hasNotPassed("DisableComputeService");
    }

    @Test
    void eachInstanceIsRecoveredByAnInstanceEvacuationOfItsOwnWithWhatItNeeds() {
        vmoveIds = List.of("move-1", "move-2");
        BpmnAwareTests.assertThat(recoverWith("auto")).isEnded()
                .hasPassedInOrder("PlanAutoTargets", "TargetsPlanned", "RecoverEachInstance", "ConcludeNotification",
                        "AllRecovered", "RecoveryFinished");
        assertThat(calls).extracting(c -> c.get(VMOVE_ID)).containsExactlyInAnyOrder("move-1", "move-2");
        assertThat(calls).allSatisfy(c -> assertThat(c).containsEntry("businessKey", "n-1")
                .containsEntry(NOTIFICATION_UUID, "n-1").containsEntry(RECOVERY_METHOD, "auto")
                .containsEntry(EVACUATION_POLL_INTERVAL, "PT1S").containsEntry(SLOT_WAIT_INTERVAL, "PT1S")
                .containsEntry(RETRY_DELAY, "PT1S")
                .as("only what the call gives: not the host's list of all moves").doesNotContainKey(VMOVE_IDS));
    }

    @Test
    void aHostWithAnInstanceNotRecoveredEndsInError() {
        allRecovered = false;
        BpmnAwareTests.assertThat(recoverWith("auto")).isEnded()
                .hasPassedInOrder("RecoverEachInstance", "ConcludeNotification", "AllRecovered", "RecoveryError")
                .hasNotPassed("RecoveryFinished");
    }

    @Test
    void eachRecoveryMethodHasItsPlanningTaskWhichPlansWithThatMethod() {
        Map<String, String> taskOfMethod = Map.of("auto", "PlanAutoTargets", "auto_priority", "PlanAutoPriorityTargets",
                "reserved_host", "PlanReservedHostTargets", "rh_priority", "PlanReservedHostsFirstTargets");
        taskOfMethod.forEach((method, task) -> {
            ProcessInstance instance = recoverWith(method);
            BpmnAwareTests.assertThat(instance).hasPassed(task, "RecoveryFinished");
            assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(instance.getId()).variableName("plannedWith").singleResult().getValue())
                    .as(task).isEqualTo(method);
        });
    }

    @Test
    void theBmcIsReadAgainUntilItSaysOffAndOnlyThenIsTheServiceForcedDown() {
        fencingOutcomes.addAll(List.of("not yet", "not yet", "off"));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("FenceHost", "WaitForPowerOff", "FenceHost", "WaitForPowerOff", "FenceHost",
                        "ForceDownComputeService", "RecoveryFinished");
    }

    @Test
    void aHostWithoutABmcGoesOnTheReportsWord() {
        fencingOutcomes.add("no BMC");
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("FenceHost", "HostPoweredOff", "ForceDownComputeService", "RecoveryFinished")
                .hasNotPassed("WaitForPowerOff", "ConfirmHostPoweredOff");
    }

    @Test
    void aFailedAttemptIsTriedAgainAfterADelay() {
        fencingOutcomes.addAll(List.of("retry", "off"));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("FenceHost", "WaitBeforeFencingAgain", "FenceHost", "ForceDownComputeService")
                .hasNotPassed("ConfirmHostPoweredOff");
    }

    /** Every attempt failed: the operator is asked, and nothing goes on until they answer. */
    private ProcessInstance waitingForTheOperator() {
        fencingOutcomes.addAll(List.of("retry", "ask operator"));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(instance).isWaitingAt("ConfirmHostPoweredOff")
                .hasPassedInOrder("FenceHost", "WaitBeforeFencingAgain", "FenceHost", "DescribeHostForOperator")
                .hasNotPassed("ForceDownComputeService", "DisableComputeService", "IdentifyProtectedInstances");
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance)).hasName("Confirm compute3 is powered off")
                .hasCandidateGroup("ha-operators");
        assertThat(BpmnAwareTests.taskService().createTaskQuery().taskId(BpmnAwareTests.task(instance).getId())
                .initializeFormKeys().singleResult().getCamundaFormRef().getKey()).isEqualTo(FENCING_FORM);
        return instance;
    }

    private ProcessInstance decide(ProcessInstance instance, String decision) {
        BpmnAwareTests.taskService().complete(BpmnAwareTests.task(instance).getId(),
                Map.of("operatorDecision", decision, "operatorComment", "pulled the power cords"));
        return runJobs(instance);
    }

    @Test
    void anOperatorWhoConfirmsTheHostIsOffLetsTheRecoveryGoOn() {
        BpmnAwareTests.assertThat(decide(waitingForTheOperator(), "confirmed_off")).isEnded()
                .hasPassedInOrder("ConfirmHostPoweredOff", "FencingDecision", "ForceDownComputeService",
                        "RecoverEachInstance", "RecoveryFinished");
    }

    @Test
    void anOperatorMayHaveTheBmcTriedAgain() {
        ProcessInstance instance = waitingForTheOperator();
        fencingOutcomes.add("off");
        BpmnAwareTests.assertThat(decide(instance, "retry_fencing")).isEnded()
                .hasPassedInOrder("ConfirmHostPoweredOff", "FencingDecision", "FenceHost", "ForceDownComputeService",
                        "RecoveryFinished");
    }

    @Test
    void anOperatorWhoGivesUpEndsTheNotificationInErrorWithNothingEvacuated() {
        BpmnAwareTests.assertThat(decide(waitingForTheOperator(), "give_up")).isEnded()
                .hasPassedInOrder("ConfirmHostPoweredOff", "FencingDecision", "FailNotification", "RecoveryError")
                .hasNotPassed("ForceDownComputeService", "RecoverEachInstance");
    }

    @Test
    void whenTheSettingAsksTheRecoveredHostIsPoweredOnAgain() {
        powerOnAfterRecovery = true;
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("ConcludeNotification", "AllRecovered", "PowerOnAfterRecovery", "PowerHostOn",
                        "RecoveryFinished");
    }

    @Test
    void byDefaultTheRecoveredHostStaysOff() {
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("AllRecovered", "PowerOnAfterRecovery", "RecoveryFinished")
                .hasNotPassed("PowerHostOn");
    }
}
