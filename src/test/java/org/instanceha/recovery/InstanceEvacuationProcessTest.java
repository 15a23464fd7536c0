package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.instanceha.recovery.evacuation.SlotWakeUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code instance-evacuation.bpmn}, the recovery of one instance of a failed host, on
 * an in-memory engine, with the delegates replaced by stand-ins that steer the gateways. Coverage of flow
 * nodes and sequence flows must be 100% (see {@link HostFailureRecoveryProcessTest} for the engine's
 * configuration).
 */
@Deployment(resources = {"bpmn/instance-evacuation.bpmn", "forms/recover-instance-by-hand.form",
        "forms/confirm-rebuild.form"})
class InstanceEvacuationProcessTest extends ProcessTestFixture {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = coverageAtOneHundredPercent();

    private Deque<Boolean> slotAnswers;
    private Deque<String> evacuationStates;
    private boolean prepareRefuses;
    private boolean evacuateRefuses;
    private Deque<Boolean> retryAnswers;
    private Deque<Boolean> tierAnswers;
    private String action;

    /** Stand-in for the bean of the timer "Wait for earlier tiers". */
    public static class TierWait {
        public String getInterval() {
            return "PT1S";
        }
    }

    /** Stand-in for the bean of the timer "Wait for the evacuation": the next check in {@code wait}. */
    public static class EvacuationPoll {
        java.time.Duration wait = java.time.Duration.ofSeconds(1);

        public java.util.Date getNextCheck() {
            return new java.util.Date(System.currentTimeMillis() + wait.toMillis());
        }
    }

    private EvacuationPoll poll;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        slotAnswers = new ArrayDeque<>(List.of(true));
        evacuationStates = new ArrayDeque<>(List.of(MOVED));
        prepareRefuses = false;
        evacuateRefuses = false;
        retryAnswers = new ArrayDeque<>();
        tierAnswers = new ArrayDeque<>();
        action = "evacuate";

        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("readEvacuationAction", e -> {
            e.setVariable(EVACUATION_ACTION, action);
            e.setVariable(INSTANCE_NAME, "vm-1");
            e.setVariable(OPERATOR_GROUP, "ha-operators");
        });
        standIns.put("recordSkipped", e -> { });
        standIns.put("checkTiersTurn", e -> e.setVariable(TIERS_TURN, tierAnswers.isEmpty() || tierAnswers.pop()));
        standIns.put("prepareInstance", e -> {
            if (prepareRefuses) {
                throw new BpmnError(ERROR_EVACUATION_REFUSED, "instance gone");
            }
        });
        standIns.put("claimEvacuationSlot", e -> e.setVariable(SLOT_CLAIMED, slotAnswers.pop()));
        standIns.put("evacuateInstance", e -> {
            if (evacuateRefuses) {
                e.setVariable(EVACUATION_STATE, FAILED);
                throw new BpmnError(ERROR_EVACUATION_REFUSED, "Nova said no");
            }
        });
        standIns.put("checkEvacuation", e -> e.setVariable(EVACUATION_STATE, evacuationStates.pop()));
        standIns.put("recordVmMoveFailed", e -> e.setVariable(RETRY_AUTOMATICALLY, retryAnswers.pop()));
        standIns.put("handOverToOperator", e -> {
            e.setVariable(OPERATOR_GROUP, "ha-operators");
            e.setVariable(INSTANCE_NAME, "vm-1");
        });
        standIns.put("planRetry", e -> e.setVariable(VMOVE_ID, e.getVariable(VMOVE_ID) + "-retry"));
        standIns.put("retryAsOperatorChose", e -> e.setVariable(VMOVE_ID, e.getVariable(VMOVE_ID) + "-operator"));

        ModelBeans beans = registerStandIns("bpmn/instance-evacuation.bpmn", standIns);
        assertThat(beans.taskListeners()).containsExactlyInAnyOrder("recordOperatorTask", "acceptOperatorDecision",
                "acceptRebuildDecision");
        beans.taskListeners().forEach(name -> Mocks.register(name, (TaskListener) t -> { }));
        Mocks.register("tierWait", new TierWait());
        poll = new EvacuationPoll();
        Mocks.register("evacuationPoll", poll);
    }

    /** Starts the recovery of move-1 as "Recover each instance" does, and runs its jobs. */
    private ProcessInstance evacuate() {
        ProcessInstance instance = start();
        BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareInstance");
        return runJobs(instance);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(WorkflowNames.INSTANCE_EVACUATION, "n-1",
                Map.of(NOTIFICATION_UUID, "n-1", VMOVE_ID, "move-1", RECOVERY_METHOD, "auto",
                        EVACUATION_POLL_INTERVAL, "PT1S", SLOT_WAIT_INTERVAL, "PT1S", RETRY_DELAY, "PT1S"));
    }

    /** An instance whose action is ask: the task "Rebuild vm-1?" waits before anything is done to it. */
    private ProcessInstance askedAndAnswered(String decision) {
        action = "ask";
        ProcessInstance instance = start();
        BpmnAwareTests.assertThat(instance).isWaitingAt("AskBeforeRebuild").hasNotPassed("PrepareInstance");
        Task task = BpmnAwareTests.task(instance);
        assertThat(task.getName()).isEqualTo("Rebuild vm-1?");
        BpmnAwareTests.taskService().complete(task.getId(), Map.of(OPERATOR_DECISION, decision,
                OPERATOR_COMMENT, "its data matters", OPERATOR_USER, "alice"));
        return runJobs(instance);
    }

    @Test
    void anInstanceToAskAboutIsRebuiltOnlyAfterTheOperatorSaysSo() {
        BpmnAwareTests.assertThat(askedAndAnswered("rebuild")).isEnded()
                .hasPassedInOrder("ReadEvacuationAction", "AskFirst", "AskBeforeRebuild", "RebuildDecision",
                        "PrepareInstance", "EvacuateInstance", "RecordVmMoveSucceeded", "InstanceEvacuated")
                .hasNotPassed("RecordSkipped");
    }

    @Test
    void anInstanceTheOperatorSkipsIsLeftWhereItIs() {
        BpmnAwareTests.assertThat(askedAndAnswered("skip")).isEnded()
                .hasPassedInOrder("AskBeforeRebuild", "RebuildDecision", "RecordSkipped", "InstanceSkipped")
                .hasNotPassed("PrepareInstance", "EvacuateInstance");
    }

    @Test
    void anInstanceIsEvacuatedWaitingForASlotAndForTheMoveToSettle() {
        slotAnswers = new ArrayDeque<>(List.of(false, true));
        evacuationStates = new ArrayDeque<>(List.of(MOVING, MOVED));
        BpmnAwareTests.assertThat(evacuate()).isEnded()
                .hasPassedInOrder("InstanceToEvacuate", "ReadEvacuationAction", "AskFirst", "PrepareInstance",
                        "CheckTiersTurn", "TiersTurn",
                        "ClaimEvacuationSlot", "WaitForSlot",
                        "LookForSlotAgain", "ClaimEvacuationSlot", "EvacuateInstance", "WaitForEvacuation",
                        "CheckEvacuation", "WaitForEvacuation", "CheckEvacuation", "FreeEvacuationSlot",
                        "EvacuationMoved", "RestorePowerState", "RecordVmMoveSucceeded", "InstanceEvacuated");
    }

    @Test
    void anInstanceOfALaterTierWaitsUntilTheEarlierTiersHaveSettled() {
        tierAnswers = new ArrayDeque<>(List.of(false, false, true));
        BpmnAwareTests.assertThat(evacuate()).isEnded()
                .hasPassedInOrder("PrepareInstance", "CheckTiersTurn", "TiersTurn", "WaitForEarlierTiers",
                        "CheckTiersTurn", "WaitForEarlierTiers", "CheckTiersTurn", "TiersTurn", "ClaimEvacuationSlot",
                        "EvacuateInstance", "InstanceEvacuated");
    }

    @Test
    void aFreedSlotWakesTheWaitingInstanceBeforeItLooksAgain() {
        slotAnswers = new ArrayDeque<>(List.of(false, true));
        evacuationStates = new ArrayDeque<>(List.of(MOVED));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkflowNames.INSTANCE_EVACUATION, "n-1",
                Map.of(NOTIFICATION_UUID, "n-1", VMOVE_ID, "move-1", SLOT_WAIT_INTERVAL, "PT1S",
                        EVACUATION_POLL_INTERVAL, "PT1S"));
        for (int i = 0; i < 100 && waitingForSlot(instance) == null; i++) {
            managementService().executeJob(managementService().createJobQuery().processInstanceId(instance.getId())
                    .list().get(0).getId());
        }
        assertThat(waitingForSlot(instance)).as("waits for a slot").isNotNull();

        runtimeService().messageEventReceived(SlotWakeUp.MESSAGE, waitingForSlot(instance));

        BpmnAwareTests.assertThat(runJobs(instance)).isEnded()
                .hasPassedInOrder("ClaimEvacuationSlot", "WaitForSlot", "SlotFreed", "ClaimEvacuationSlot",
                        "EvacuateInstance", "RecordVmMoveSucceeded", "InstanceEvacuated")
                .hasNotPassed("LookForSlotAgain");
    }

    private static String waitingForSlot(ProcessInstance instance) {
        return runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(SlotWakeUp.MESSAGE).list().stream().map(s -> s.getExecutionId()).findFirst().orElse(null);
    }

    /** The instance waits for an operator; completes the task with {@code decision}, and runs on. */
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
        ProcessInstance instance = evacuate();
        BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassedInOrder("CheckEvacuation", "FreeEvacuationSlot", "RecordVmMoveFailed", "RetryAutomatically", "WaitBeforeRetrying",
                        "PlanRetry", "PrepareInstance", "ClaimEvacuationSlot", "EvacuateInstance", "CheckEvacuation",
                        "RecordVmMoveSucceeded", "InstanceEvacuated")
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
        BpmnAwareTests.assertThat(operatorDecides(evacuate(), "retry_on_host")).isEnded()
                .hasPassedInOrder("PlanRetry", "RecordVmMoveFailed", "HandOverToOperator", "RecoverByHand",
                        "OperatorDecision", "RetryAsOperatorChose", "PrepareInstance", "RecordVmMoveSucceeded",
                        "InstanceEvacuated");
    }

    @Test
    void anOperatorRetryLetsNovasSchedulerChoose() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED, MOVED));
        slotAnswers = new ArrayDeque<>(List.of(true, true));
        retryAnswers.add(false);
        BpmnAwareTests.assertThat(operatorDecides(evacuate(), "retry_scheduler")).isEnded()
                .hasPassedInOrder("HandOverToOperator", "RecoverByHand", "RetryAsOperatorChose", "EvacuateInstance",
                        "RecordVmMoveSucceeded", "InstanceEvacuated")
                .hasNotPassed("PlanRetry");
    }

    @Test
    void anInstanceTheOperatorRecoveredByHandIsRecorded() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED));
        retryAnswers.add(false);
        BpmnAwareTests.assertThat(operatorDecides(evacuate(), "recovered_by_hand")).isEnded()
                .hasPassedInOrder("RecoverByHand", "RecordRecoveredByHand", "InstanceRecoveredByHand")
                .hasNotPassed("RetryAsOperatorChose", "RestorePowerState");
    }

    @Test
    void aFailedEvacuationTheOperatorGivesUpIsRecordedAsGivenUp() {
        evacuationStates = new ArrayDeque<>(List.of(FAILED));
        retryAnswers.add(false);
        BpmnAwareTests.assertThat(operatorDecides(evacuate(), "give_up")).isEnded()
                .hasPassed("RecordVmMoveFailed", "RecordGivenUp", "InstanceGivenUp")
                .hasNotPassed("RestorePowerState");
    }

    @Test
    void aVanishedInstanceIsRecordedAsFailedAndHandedOver() {
        prepareRefuses = true;
        retryAnswers.add(false);
        BpmnAwareTests.assertThat(operatorDecides(evacuate(), "give_up")).isEnded()
                .hasPassed("InstanceGone", "RecordVmMoveFailed", "HandOverToOperator", "InstanceGivenUp")
                .hasNotPassed("EvacuateInstance");
    }

    @Test
    void anEvacuationNovaRefusesIsRecordedAsFailedWithNovasMessage() {
        evacuateRefuses = true;
        retryAnswers.add(false);
        ProcessInstance instance = evacuate();
        BpmnAwareTests.assertThat(instance)
                .hasPassedInOrder("EvacuationRefused", "FreeEvacuationSlot", "EvacuationMoved", "RecordVmMoveFailed")
                .hasNotPassed("WaitForEvacuation");
        assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance.getId()).variableName(FAILURE_MESSAGE).list())
                .anyMatch(v -> "Nova said no".equals(v.getValue()));
        BpmnAwareTests.assertThat(operatorDecides(instance, "give_up")).isEnded();
    }

    /** What {@code EvacuationWakeUp} does when Nova shows the evacuation settled between two checks. */
    @Test
    void anEvacuationSeenSettledIsCheckedAtOnceNotAtItsNextPoll() {
        poll.wait = java.time.Duration.ofHours(1);
        evacuationStates = new ArrayDeque<>(List.of(MOVING, MOVED));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkflowNames.INSTANCE_EVACUATION, "n-1",
                Map.of(NOTIFICATION_UUID, "n-1", VMOVE_ID, "move-1", RECOVERY_METHOD, "auto",
                        EVACUATION_POLL_INTERVAL, "PT1S", SLOT_WAIT_INTERVAL, "PT1S", RETRY_DELAY, "PT1S"));
        for (int i = 0; i < 20 && !managementService().createJobQuery().processInstanceId(instance.getId())
                .executable().list().isEmpty(); i++) {
            managementService().executeJob(managementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list().get(0).getId());
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt("WaitForEvacuation");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).executable().count())
                .as("the next check is an hour away").isZero();

        int woken = new org.instanceha.recovery.evacuation.EvacuationWakeUp(null, runtimeService(), managementService(),
                null, null, java.time.Clock.systemUTC()).wake(instance.getId());

        assertThat(woken).isEqualTo(1);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).executable().count())
                .as("due now").isEqualTo(1);
        BpmnAwareTests.assertThat(runJobs(instance)).isEnded().hasPassed("RestorePowerState", "RecordVmMoveSucceeded");
    }
}
