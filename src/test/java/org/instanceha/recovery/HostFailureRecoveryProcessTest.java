package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.instanceha.recovery.HostFailureRecovery.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code host-failure-recovery.bpmn} on an in-memory engine, with the delegates
 * replaced by stand-ins that steer the gateways. Coverage of flow nodes and sequence flows must be
 * 100% (enforced by the extension; the report is under target/process-test-coverage).
 * <p>
 * The engine's configuration is {@code process-test.camunda.cfg.xml}, not {@code camunda.cfg.xml}: a file
 * of that name on the test classpath is picked up by {@code ProcessEngines.init()} when engine-rest looks
 * up the default engine, and it would replace the application's engine in the Spring Boot tests.
 */
@Deployment(resources = "bpmn/host-failure-recovery.bpmn")
class HostFailureRecoveryProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = (ProcessEngineCoverageExtension)
            ProcessEngineCoverageExtension.Companion.builder("process-test.camunda.cfg.xml")
                    .assertClassCoverageAtLeast(1.0).build();

    /** Stand-in for the retry policy bean the model references. */
    public static class Retry {
        public String getCycle() {
            return "R0/PT1S";
        }
    }

    private Map<String, Object> registration;
    private Deque<Boolean> serviceDownAnswers;
    private Deque<Boolean> waitExpiredAnswers;
    private int instanceCount;
    private Deque<Boolean> slotAnswers;
    private Deque<String> evacuationStates;
    private boolean prepareRefuses;
    private boolean evacuateRefuses;
    private boolean allRecovered;
    private Deque<Boolean> retryAnswers;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, FORCE_DOWN, true, RECOVERY_METHOD, "auto");
        serviceDownAnswers = new ArrayDeque<>();
        waitExpiredAnswers = new ArrayDeque<>();
        instanceCount = 1;
        slotAnswers = new ArrayDeque<>(List.of(true));
        evacuationStates = new ArrayDeque<>(List.of(MOVED));
        prepareRefuses = false;
        evacuateRefuses = false;
        allRecovered = true;
        retryAnswers = new ArrayDeque<>();

        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("registerNotification", e -> {
            e.setVariables(registration);
            e.setVariable(SERVICE_POLL_INTERVAL, "PT1S");
            e.setVariable(EVACUATION_POLL_INTERVAL, "PT1S");
            e.setVariable(SLOT_WAIT_INTERVAL, "PT1S");
            e.setVariable(RETRY_DELAY, "PT1S");
        });
        standIns.put("checkComputeService", e -> {
            e.setVariable(SERVICE_DOWN, serviceDownAnswers.pop());
            e.setVariable(SERVICE_WAIT_EXPIRED, waitExpiredAnswers.pop());
        });
        standIns.put("identifyProtectedInstances", e -> {
            e.setVariable(INSTANCE_COUNT, instanceCount);
            e.setVariable(VMOVE_IDS, new java.util.ArrayList<>(List.of("move-1")));
        });
        standIns.put("planTargets", e -> e.setVariable("plannedWith", e.getVariableLocal(RECOVERY_METHOD)));
        standIns.put("prepareInstance", e -> {
            if (prepareRefuses) {
                throw new BpmnError(ERROR_EVACUATION_REFUSED, "instance gone");
            }
        });
        standIns.put("claimEvacuationSlot", e -> e.setVariable(SLOT_CLAIMED, slotAnswers.pop()));
        standIns.put("evacuateInstance", e -> {
            if (evacuateRefuses) {
                throw new BpmnError(ERROR_EVACUATION_REFUSED, "Nova said no");
            }
        });
        standIns.put("checkEvacuation", e -> e.setVariable(EVACUATION_STATE, evacuationStates.pop()));
        standIns.put("concludeNotification", e -> e.setVariable(ALL_RECOVERED, allRecovered));
        standIns.put("recordVmMoveFailed", e -> e.setVariable(RETRY_AUTOMATICALLY, retryAnswers.pop()));
        standIns.put("handOverToOperator", e -> {
            e.setVariable(OPERATOR_GROUP, "ha-operators");
            e.setVariable(INSTANCE_NAME, "vm-1");
        });
        standIns.put("planRetry", e -> e.setVariable(VMOVE_ID, e.getVariable(VMOVE_ID) + "-retry"));
        standIns.put("retryAsOperatorChose", e -> e.setVariable(VMOVE_ID, e.getVariable(VMOVE_ID) + "-operator"));

        // Every bean the model names gets a stand-in: those above, or one that does nothing.
        ModelBeans beans = ModelBeans.of("bpmn/host-failure-recovery.bpmn");
        assertThat(beans.delegates()).as("stand-ins for beans the model does not name").containsAll(standIns.keySet());
        beans.delegates().forEach(name -> Mocks.register(name, standIns.getOrDefault(name, e -> { })));
        beans.retryPolicies().forEach(name -> Mocks.register(name, new Retry()));
        assertThat(beans.taskListeners()).containsExactlyInAnyOrder("recordOperatorTask", "acceptOperatorDecision");
        beans.taskListeners().forEach(name -> Mocks.register(name, (TaskListener) t -> { }));
    }

    @AfterEach
    void forgetStandIns() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance reportAndRun() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "n-1",
                Map.of(NOTIFICATION_UUID, "n-1"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("RegisterNotification");
        return runJobs(instance);
    }

    /** Runs the instance's jobs until none is left: it ended, or waits for an operator. */
    static ProcessInstance runJobs(ProcessInstance instance) {
        for (int i = 0; i < 100; i++) {
            List<Job> jobs = managementService().createJobQuery().processInstanceId(instance.getId()).list();
            if (jobs.isEmpty()) {
                return instance;
            }
            managementService().executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("the process did not end");
    }

    private ProcessInstance recoverWith(String method) {
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, FORCE_DOWN, true, RECOVERY_METHOD, method);
        return reportAndRun();
    }

    @Test
    void aRejectedRestStartEndsRejected() {
        registration = Map.of(NEXT_STEP, REJECT);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("NotificationRejected")
                .hasNotPassed("FinishNotification", "IgnoreNotification");
    }

    @Test
    void aStartedHostIsFinished() {
        registration = Map.of(NEXT_STEP, FINISH);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FinishNotification", "NotificationFinished");
    }

    @Test
    void unconfirmedFencingIsIgnored() {
        registration = Map.of(NEXT_STEP, IGNORE);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification", "NotificationIgnored");
    }

    @Test
    void aDisabledSegmentIsIgnored() {
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, false);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("SegmentEnabled", "IgnoreNotification")
                .hasNotPassed("DisableComputeService");
    }

    @Test
    void aHostWithoutInstancesIsFencedThenFinished() {
        instanceCount = 0;
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("ForceDownComputeService", "DisableComputeService", "IdentifyProtectedInstances",
                        "FinishNotification", "NotificationFinished")
                .hasNotPassed("RecoverEachInstance");
    }

    @Test
    void withoutForceDownTheWorkflowWaitsUntilNovaReportsTheHostDown() {
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, FORCE_DOWN, false, RECOVERY_METHOD, "auto");
        serviceDownAnswers.addAll(List.of(false, true));
        waitExpiredAnswers.addAll(List.of(false, false));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("CheckComputeService", "WaitForNova", "CheckComputeService",
                        "DisableComputeService", "RecoveryFinished")
                .hasNotPassed("ForceDownComputeService");
    }

    @Test
    void withoutForceDownAHostNovaNeverReportsDownEndsInError() {
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, FORCE_DOWN, false, RECOVERY_METHOD, "auto");
        serviceDownAnswers.add(false);
        waitExpiredAnswers.add(true);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FailNotification", "RecoveryError")
                .hasNotPassed("DisableComputeService");
    }

    @Test
    void autoEvacuatesWaitingForASlotAndForTheMoveToSettle() {
        slotAnswers = new ArrayDeque<>(List.of(false, true));
        evacuationStates = new ArrayDeque<>(List.of(MOVING, MOVED));
        ProcessInstance instance = recoverWith("auto");
        BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassedInOrder("PlanAutoTargets", "TargetsPlanned", "PrepareInstance", "ClaimEvacuationSlot",
                        "WaitForSlot", "LookForSlotAgain", "ClaimEvacuationSlot", "EvacuateInstance",
                        "WaitForEvacuation", "CheckEvacuation", "WaitForEvacuation", "CheckEvacuation",
                        "RestorePowerState", "RecordVmMoveSucceeded", "InstanceEvacuated", "ConcludeNotification",
                        "RecoveryFinished");
    }

    @Test
    void aFreedSlotWakesTheWaitingInstanceBeforeItLooksAgain() {
        slotAnswers = new ArrayDeque<>(List.of(false, true));
        evacuationStates = new ArrayDeque<>(List.of(MOVED));
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, FORCE_DOWN, true, RECOVERY_METHOD, "auto");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "n-1",
                Map.of(NOTIFICATION_UUID, "n-1"));
        for (int i = 0; i < 100 && waitingForSlot(instance) == null; i++) {
            managementService().executeJob(managementService().createJobQuery().processInstanceId(instance.getId())
                    .list().get(0).getId());
        }
        assertThat(waitingForSlot(instance)).as("waits for a slot").isNotNull();

        runtimeService().messageEventReceived(SlotWakeUp.MESSAGE, waitingForSlot(instance));

        BpmnAwareTests.assertThat(runJobs(instance)).isEnded()
                .hasPassedInOrder("ClaimEvacuationSlot", "WaitForSlot", "SlotFreed", "ClaimEvacuationSlot",
                        "EvacuateInstance", "RecordVmMoveSucceeded", "RecoveryFinished")
                .hasNotPassed("LookForSlotAgain");
    }

    private static String waitingForSlot(ProcessInstance instance) {
        return runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(SlotWakeUp.MESSAGE).list().stream().map(s -> s.getExecutionId()).findFirst().orElse(null);
    }

    @Test
    void eachRecoveryMethodHasItsPlanningTaskWhichPlansWithThatMethod() {
        Map<String, String> taskOfMethod = Map.of("auto", "PlanAutoTargets", "auto_priority", "PlanAutoPriorityTargets",
                "reserved_host", "PlanReservedHostTargets", "rh_priority", "PlanReservedHostsFirstTargets");
        taskOfMethod.forEach((method, task) -> {
            evacuationStates = new ArrayDeque<>(List.of(MOVED));
            slotAnswers = new ArrayDeque<>(List.of(true));
            ProcessInstance instance = recoverWith(method);
            BpmnAwareTests.assertThat(instance).hasPassed(task, "RecoveryFinished");
            assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(instance.getId()).variableName("plannedWith").singleResult().getValue())
                    .as(task).isEqualTo(method);
        });
    }

    /** The instance's branch waits for an operator; completes the task with {@code decision}, and runs on. */
    private ProcessInstance operatorDecides(ProcessInstance instance, String decision) {
        BpmnAwareTests.assertThat(instance).isWaitingAt("RecoverByHand");
        Task task = BpmnAwareTests.task(instance);
        assertThat(task.getName()).isEqualTo("Recover vm-1 by hand");
        assertThat(BpmnAwareTests.taskService().createTaskQuery().taskCandidateGroup("ha-operators").count())
                .isEqualTo(1);
        BpmnAwareTests.taskService().complete(task.getId(), Map.of(OPERATOR_DECISION, decision, CHOSEN_HOST, "h-2",
                OPERATOR_COMMENT, "by the operator", OPERATOR_USER, "alice"));
        return runJobs(instance);
    }

    @Test
    void aFailedEvacuationIsRetriedOnItsOwnOnANewTarget() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED, MOVED));
        slotAnswers = new ArrayDeque<>(List.of(true, true));
        retryAnswers.add(true);
        ProcessInstance instance = recoverWith("auto");
        BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassedInOrder("CheckEvacuation", "RecordVmMoveFailed", "RetryAutomatically", "WaitBeforeRetrying",
                        "PlanRetry", "PrepareInstance", "ClaimEvacuationSlot", "EvacuateInstance", "CheckEvacuation",
                        "RecordVmMoveSucceeded", "RecoveryFinished")
                .hasNotPassed("HandOverToOperator");
        assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).variableName(VMOVE_ID).list())
                .anyMatch(v -> "move-1-retry".equals(v.getValue()));
    }

    @Test
    void afterTheAutomaticRetryAnOperatorRetriesOnAChosenHost() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED, FAILED, MOVED));
        slotAnswers = new ArrayDeque<>(List.of(true, true, true));
        retryAnswers.addAll(List.of(true, false));
        ProcessInstance instance = operatorDecides(recoverWith("auto"), "retry_on_host");
        BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassedInOrder("PlanRetry", "RecordVmMoveFailed", "HandOverToOperator", "RecoverByHand",
                        "OperatorDecision", "RetryAsOperatorChose", "PrepareInstance", "RecordVmMoveSucceeded",
                        "RecoveryFinished");
    }

    @Test
    void anOperatorRetryLetsNovasSchedulerChoose() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED, MOVED));
        slotAnswers = new ArrayDeque<>(List.of(true, true));
        retryAnswers.add(false);
        BpmnAwareTests.assertThat(operatorDecides(recoverWith("auto"), "retry_scheduler")).isEnded()
                .hasPassedInOrder("HandOverToOperator", "RecoverByHand", "RetryAsOperatorChose", "EvacuateInstance",
                        "RecordVmMoveSucceeded", "RecoveryFinished")
                .hasNotPassed("PlanRetry");
    }

    @Test
    void anInstanceTheOperatorRecoveredByHandIsRecorded() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED));
        retryAnswers.add(false);
        BpmnAwareTests.assertThat(operatorDecides(recoverWith("auto"), "recovered_by_hand")).isEnded()
                .hasPassedInOrder("RecoverByHand", "RecordRecoveredByHand", "InstanceRecoveredByHand",
                        "ConcludeNotification", "RecoveryFinished")
                .hasNotPassed("RetryAsOperatorChose", "RestorePowerState");
    }

    @Test
    void aFailedEvacuationTheOperatorGivesUpEndsTheNotificationInError() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED));
        retryAnswers.add(false);
        allRecovered = false;
        BpmnAwareTests.assertThat(operatorDecides(recoverWith("auto"), "give_up")).isEnded()
                .hasPassed("RecordVmMoveFailed", "RecordGivenUp", "InstanceGivenUp", "RecoveryError")
                .hasNotPassed("RestorePowerState");
    }

    @Test
    void aVanishedInstanceIsRecordedAsFailedAndHandedOver() {
        prepareRefuses = true;
        retryAnswers.add(false);
        allRecovered = false;
        BpmnAwareTests.assertThat(operatorDecides(recoverWith("auto"), "give_up")).isEnded()
                .hasPassed("InstanceGone", "RecordVmMoveFailed", "HandOverToOperator", "RecoveryError")
                .hasNotPassed("EvacuateInstance");
    }

    @Test
    void anEvacuationNovaRefusesIsRecordedAsFailedWithNovasMessage() {
        evacuateRefuses = true;
        retryAnswers.add(false);
        allRecovered = false;
        ProcessInstance instance = recoverWith("auto");
        BpmnAwareTests.assertThat(instance).hasPassed("EvacuationRefused", "RecordVmMoveFailed")
                .hasNotPassed("WaitForEvacuation");
        assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).variableName(FAILURE_MESSAGE).list())
                .anyMatch(v -> "Nova said no".equals(v.getValue()));
        BpmnAwareTests.assertThat(operatorDecides(instance, "give_up")).isEnded();
    }
}
