package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.instanceha.recovery.instancefailure.InstanceFailureRules.Need;
import org.instanceha.recovery.instancefailure.InstanceFailureRules.PowerOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code instance-failure-recovery.bpmn} on an in-memory engine, with the delegates
 * replaced by stand-ins that steer the gateways; 100% flow-node and sequence-flow coverage is enforced.
 */
@Deployment(resources = {"bpmn/instance-failure-recovery.bpmn", "forms/restart-instance-by-hand.form"})
class InstanceFailureRecoveryProcessTest extends ProcessTestFixture {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = coverageAtOneHundredPercent();

    private Map<String, Object> registration;
    private String need;
    private Deque<String> stopOutcomes;
    private Deque<String> startOutcomes;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, EVENT_CALLS_FOR_RECOVERY, true);
        need = Need.RESTART.variableValue();
        stopOutcomes = new ArrayDeque<>(List.of(PowerOutcome.DONE.variableValue()));
        startOutcomes = new ArrayDeque<>(List.of(PowerOutcome.DONE.variableValue()));
        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("registerInstanceFailure", e -> {
            e.setVariables(registration);
            e.setVariable(POWER_POLL_INTERVAL, "PT1S");
        });
        standIns.put("checkInstance", e -> {
            e.setVariable(INSTANCE_NEEDS, need);
            e.setVariable(INSTANCE_NAME, "vm-1");
        });
        standIns.put("handOverRestartToOperator", e -> e.setVariable(OPERATOR_GROUP, "ha-operators"));
        standIns.put("checkInstanceStopped", e -> e.setVariable(POWER_OUTCOME, stopOutcomes.pop()));
        standIns.put("checkInstanceActive", e -> e.setVariable(POWER_OUTCOME, startOutcomes.pop()));
        ModelBeans beans = registerStandIns("bpmn/instance-failure-recovery.bpmn", standIns);
        assertThat(beans.taskListeners()).containsExactlyInAnyOrder("recordRestartOperatorTask",
                "acceptRestartDecision");
        beans.taskListeners().forEach(name -> Mocks.register(name, (TaskListener) t -> { }));
    }

    private ProcessInstance reportAndRun() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkflowNames.INSTANCE_FAILURE_RECOVERY,
                "n-1", Map.of(NOTIFICATION_UUID, "n-1"));
        return runJobs(instance);
    }

    /** The workflow waits for an operator; completes the task with {@code decision}, and runs on. */
    private ProcessInstance operatorDecides(ProcessInstance instance, String decision) {
        BpmnAwareTests.assertThat(instance).isWaitingAt("RestartByHand");
        Task task = BpmnAwareTests.task(instance);
        assertThat(task.getName()).isEqualTo("Restart vm-1 by hand");
        assertThat(BpmnAwareTests.taskService().createTaskQuery().taskCandidateGroup("ha-operators").count())
                .isEqualTo(1);
        BpmnAwareTests.taskService().complete(task.getId(), Map.of(OPERATOR_DECISION, decision,
                OPERATOR_COMMENT, "by the operator", OPERATOR_USER, "alice"));
        return runJobs(instance);
    }

    @Test
    void aCrashedInstanceIsStoppedAndStartedUntilNovaShowsItActive() {
        stopOutcomes = new ArrayDeque<>(List.of(PowerOutcome.WAIT.variableValue(), PowerOutcome.DONE.variableValue()));
        startOutcomes = new ArrayDeque<>(List.of(PowerOutcome.WAIT.variableValue(), PowerOutcome.WAIT.variableValue(), PowerOutcome.DONE.variableValue()));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassedInOrder("RegisterInstanceFailure",
                "SegmentEnabled", "EventCallsForRecovery", "CheckInstance", "InstanceNeeds", "StopInstance",
                "CheckInstanceStopped", "WaitForStop", "CheckInstanceStopped", "StartInstance", "CheckInstanceActive",
                "WaitForStart", "CheckInstanceActive", "WaitForStart", "CheckInstanceActive",
                "RecordInstanceRestarted", "FinishNotification", "NotificationFinished")
                .hasNotPassed("ResetResizedInstance", "RestartByHand");
    }

    @Test
    void aResizedInstanceIsResetBeforeItIsStopped() {
        need = Need.RESET_FIRST.variableValue();
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("CheckInstance", "ResetResizedInstance", "StopInstance", "StartInstance",
                        "RecordInstanceRestarted", "NotificationFinished");
    }

    @Test
    void anInstanceThatIsNotProtectedFinishesWithNothingDone() {
        need = Need.NOTHING.variableValue();
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FinishNotification", "NotificationFinished")
                .hasNotPassed("StopInstance");
    }

    @Test
    void aPausedInstanceOrOneOnAnotherHostIsIgnored() {
        need = Need.IGNORE.variableValue();
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification", "NotificationIgnored")
                .hasNotPassed("StopInstance");
    }

    @Test
    void anEventThatDoesNotCallForRecoveryIsIgnored() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, EVENT_CALLS_FOR_RECOVERY, false);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification")
                .hasNotPassed("CheckInstance");
    }

    @Test
    void aDisabledSegmentIsIgnored() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, false, EVENT_CALLS_FOR_RECOVERY, true);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification")
                .hasNotPassed("EventCallsForRecovery", "CheckInstance");
    }

    @Test
    void aRejectedRestStartEndsRejected() {
        registration = Map.of(NEXT_STEP, NextStep.REJECT.variableValue());
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("NotificationRejected")
                .hasNotPassed("SegmentEnabled");
    }

    @Test
    void anInstanceThatDoesNotStartIsHandedToAnOperatorWhoRetries() {
        startOutcomes = new ArrayDeque<>(List.of(PowerOutcome.FAILED.variableValue(), PowerOutcome.DONE.variableValue()));
        stopOutcomes = new ArrayDeque<>(List.of(PowerOutcome.DONE.variableValue(), PowerOutcome.DONE.variableValue()));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("CheckInstanceActive", "RecordRestartFailed",
                "HandOverRestartToOperator");
        BpmnAwareTests.assertThat(operatorDecides(instance, "retry")).isEnded()
                .hasPassedInOrder("RestartByHand", "OperatorDecision", "RetryRestart", "StopInstance", "StartInstance",
                        "RecordInstanceRestarted", "NotificationFinished");
    }

    @Test
    void anInstanceThatDoesNotStopIsHandedToAnOperatorWhoRecoversItByHand() {
        stopOutcomes = new ArrayDeque<>(List.of(PowerOutcome.FAILED.variableValue()));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("CheckInstanceStopped", "RecordRestartFailed")
                .hasNotPassed("StartInstance");
        BpmnAwareTests.assertThat(operatorDecides(instance, "recovered_by_hand")).isEnded()
                .hasPassedInOrder("RecordRestartedByHand", "FinishNotification", "NotificationFinished");
    }

    @Test
    void anOperatorWhoGivesUpEndsTheNotificationInError() {
        startOutcomes = new ArrayDeque<>(List.of(PowerOutcome.FAILED.variableValue()));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(operatorDecides(instance, "give_up")).isEnded()
                .hasPassedInOrder("RecordRestartGivenUp", "FailNotification", "RecoveryError")
                .hasNotPassed("FinishNotification");
    }
}
