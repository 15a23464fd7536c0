package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.HostFailureRecovery.*;
import static org.instanceha.recovery.InstanceFailureRecovery.*;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code instance-failure-recovery.bpmn} on an in-memory engine, with the delegates
 * replaced by stand-ins that steer the gateways; 100% flow-node and sequence-flow coverage is enforced.
 */
@Deployment(resources = {"bpmn/instance-failure-recovery.bpmn", "forms/restart-instance-by-hand.form"})
class InstanceFailureRecoveryProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = (ProcessEngineCoverageExtension)
            ProcessEngineCoverageExtension.Companion.builder("process-test.camunda.cfg.xml")
                    .assertClassCoverageAtLeast(1.0).build();

    private Map<String, Object> registration;
    private String need;
    private Deque<String> stopOutcomes;
    private Deque<String> startOutcomes;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, EVENT_CALLS_FOR_RECOVERY, true);
        need = NEEDS_RESTART;
        stopOutcomes = new ArrayDeque<>(List.of(POWER_DONE));
        startOutcomes = new ArrayDeque<>(List.of(POWER_DONE));
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
        ModelBeans beans = ModelBeans.of("bpmn/instance-failure-recovery.bpmn");
        assertThat(beans.delegates()).containsAll(standIns.keySet());
        beans.delegates().forEach(name -> Mocks.register(name, standIns.getOrDefault(name, e -> { })));
        beans.retryPolicies().forEach(name -> Mocks.register(name, new HostFailureRecoveryProcessTest.Retry()));
        assertThat(beans.taskListeners()).containsExactlyInAnyOrder("recordRestartOperatorTask",
                "acceptRestartDecision");
        beans.taskListeners().forEach(name -> Mocks.register(name, (TaskListener) t -> { }));
    }

    @AfterEach
    void forgetStandIns() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance reportAndRun() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(InstanceFailureRecovery.PROCESS_KEY,
                "n-1", Map.of(NOTIFICATION_UUID, "n-1"));
        return HostFailureRecoveryProcessTest.runJobs(instance);
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
        return HostFailureRecoveryProcessTest.runJobs(instance);
    }

    @Test
    void aCrashedInstanceIsStoppedAndStartedUntilNovaShowsItActive() {
        stopOutcomes = new ArrayDeque<>(List.of(POWER_WAIT, POWER_DONE));
        startOutcomes = new ArrayDeque<>(List.of(POWER_WAIT, POWER_WAIT, POWER_DONE));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassedInOrder("RegisterInstanceFailure",
                "SegmentEnabled", "EventCallsForRecovery", "CheckInstance", "InstanceNeeds", "StopInstance",
                "CheckInstanceStopped", "WaitForStop", "CheckInstanceStopped", "StartInstance", "CheckInstanceActive",
                "WaitForStart", "CheckInstanceActive", "WaitForStart", "CheckInstanceActive",
                "RecordInstanceRestarted", "FinishNotification", "NotificationFinished")
                .hasNotPassed("ResetResizedInstance", "RestartByHand");
    }

    @Test
    void aResizedInstanceIsResetBeforeItIsStopped() {
        need = NEEDS_RESET_FIRST;
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("CheckInstance", "ResetResizedInstance", "StopInstance", "StartInstance",
                        "RecordInstanceRestarted", "NotificationFinished");
    }

    @Test
    void anInstanceThatIsNotProtectedFinishesWithNothingDone() {
        need = NEEDS_NOTHING;
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FinishNotification", "NotificationFinished")
                .hasNotPassed("StopInstance");
    }

    @Test
    void aPausedInstanceOrOneOnAnotherHostIsIgnored() {
        need = NEEDS_TO_BE_IGNORED;
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification", "NotificationIgnored")
                .hasNotPassed("StopInstance");
    }

    @Test
    void anEventThatDoesNotCallForRecoveryIsIgnored() {
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, true, EVENT_CALLS_FOR_RECOVERY, false);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification")
                .hasNotPassed("CheckInstance");
    }

    @Test
    void aDisabledSegmentIsIgnored() {
        registration = Map.of(NEXT_STEP, RECOVER, SEGMENT_ENABLED, false, EVENT_CALLS_FOR_RECOVERY, true);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification")
                .hasNotPassed("EventCallsForRecovery", "CheckInstance");
    }

    @Test
    void aRejectedRestStartEndsRejected() {
        registration = Map.of(NEXT_STEP, REJECT);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("NotificationRejected")
                .hasNotPassed("SegmentEnabled");
    }

    @Test
    void anInstanceThatDoesNotStartIsHandedToAnOperatorWhoRetries() {
        startOutcomes = new ArrayDeque<>(List.of(POWER_FAILED, POWER_DONE));
        stopOutcomes = new ArrayDeque<>(List.of(POWER_DONE, POWER_DONE));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("CheckInstanceActive", "RecordRestartFailed",
                "HandOverRestartToOperator");
        BpmnAwareTests.assertThat(operatorDecides(instance, "retry")).isEnded()
                .hasPassedInOrder("RestartByHand", "OperatorDecision", "RetryRestart", "StopInstance", "StartInstance",
                        "RecordInstanceRestarted", "NotificationFinished");
    }

    @Test
    void anInstanceThatDoesNotStopIsHandedToAnOperatorWhoRecoversItByHand() {
        stopOutcomes = new ArrayDeque<>(List.of(POWER_FAILED));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("CheckInstanceStopped", "RecordRestartFailed")
                .hasNotPassed("StartInstance");
        BpmnAwareTests.assertThat(operatorDecides(instance, "recovered_by_hand")).isEnded()
                .hasPassedInOrder("RecordRestartedByHand", "FinishNotification", "NotificationFinished");
    }

    @Test
    void anOperatorWhoGivesUpEndsTheNotificationInError() {
        startOutcomes = new ArrayDeque<>(List.of(POWER_FAILED));
        ProcessInstance instance = reportAndRun();
        BpmnAwareTests.assertThat(operatorDecides(instance, "give_up")).isEnded()
                .hasPassedInOrder("RecordRestartGivenUp", "FailNotification", "RecoveryError")
                .hasNotPassed("FinishNotification");
    }
}
