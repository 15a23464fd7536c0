package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;
import static org.instanceha.recovery.processfailure.ProcessFailureRecovery.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path of {@code process-failure-recovery.bpmn} on an in-memory engine, with the delegates
 * replaced by stand-ins that steer the gateways; 100% flow-node and sequence-flow coverage is enforced.
 */
@Deployment(resources = "bpmn/process-failure-recovery.bpmn")
class ProcessFailureRecoveryProcessTest extends ProcessTestFixture {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = coverageAtOneHundredPercent();

    private Map<String, Object> registration;
    private Deque<Boolean> disabledAnswers;
    private Deque<Boolean> expiredAnswers;

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, DISABLE_SERVICE, true);
        disabledAnswers = new ArrayDeque<>(List.of(true));
        expiredAnswers = new ArrayDeque<>(List.of(false));
        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("registerProcessFailure", e -> {
            e.setVariables(registration);
            e.setVariable(SERVICE_POLL_INTERVAL, "PT1S");
        });
        standIns.put("checkComputeServiceDisabled", e -> {
            e.setVariable(SERVICE_DISABLED, disabledAnswers.pop());
            e.setVariable(SERVICE_WAIT_EXPIRED, expiredAnswers.pop());
        });
        ModelBeans beans = registerStandIns("bpmn/process-failure-recovery.bpmn", standIns);
    }

    private ProcessInstance reportAndRun() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkflowNames.PROCESS_FAILURE_RECOVERY,
                "n-1", Map.of(NOTIFICATION_UUID, "n-1"));
        return runJobs(instance);
    }

    @Test
    void aStoppedNovaComputePutsTheHostOnMaintenanceAndDisablesItsServiceUntilNovaConfirms() {
        disabledAnswers = new ArrayDeque<>(List.of(false, true));
        expiredAnswers = new ArrayDeque<>(List.of(false, false));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassedInOrder("RegisterProcessFailure",
                "SegmentEnabled", "PutHostOnMaintenance", "NovaComputeStopped", "DisableComputeService",
                "CheckComputeServiceDisabled", "WaitForNova", "CheckComputeServiceDisabled", "FinishNotification",
                "NotificationFinished");
    }

    @Test
    void aServiceNovaNeverReportsDisabledEndsInError() {
        disabledAnswers = new ArrayDeque<>(List.of(false));
        expiredAnswers = new ArrayDeque<>(List.of(true));
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FailNotification", "RecoveryError")
                .hasNotPassed("FinishNotification");
    }

    @Test
    void anotherStoppedProcessOnlyPutsTheHostOnMaintenance() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, true, DISABLE_SERVICE, false);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded()
                .hasPassedInOrder("PutHostOnMaintenance", "FinishNotification", "NotificationFinished")
                .hasNotPassed("DisableComputeService");
    }

    @Test
    void aStartedProcessFinishesAtOnce() {
        registration = Map.of(NEXT_STEP, NextStep.FINISH.variableValue());
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("FinishNotification")
                .hasNotPassed("PutHostOnMaintenance", "SegmentEnabled");
    }

    @Test
    void aDisabledSegmentIsIgnored() {
        registration = Map.of(NEXT_STEP, NextStep.RECOVER.variableValue(), SEGMENT_ENABLED, false);
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("IgnoreNotification", "NotificationIgnored")
                .hasNotPassed("PutHostOnMaintenance");
    }

    @Test
    void aRejectedRestStartEndsRejected() {
        registration = Map.of(NEXT_STEP, NextStep.REJECT.variableValue());
        BpmnAwareTests.assertThat(reportAndRun()).isEnded().hasPassed("NotificationRejected");
    }
}
