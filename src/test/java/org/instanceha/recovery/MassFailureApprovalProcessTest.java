package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.instanceha.recovery.massfailure.MassFailureApproval.*;

import java.util.ArrayList;
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
 * Walks every path of {@code mass-failure-approval.bpmn} on an in-memory engine: the operators get one task for
 * the hosts of a mass failure, nothing is reported while it waits, approving reports them, rejecting does not.
 * 100% flow-node and sequence-flow coverage is enforced.
 */
@Deployment(resources = {"bpmn/mass-failure-approval.bpmn", "forms/approve-mass-failure-recovery.form"})
class MassFailureApprovalProcessTest extends ProcessTestFixture {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = coverageAtOneHundredPercent();

    private final List<String> reported = new ArrayList<>();

    @BeforeEach
    void standIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Map<String, JavaDelegate> standIns = new HashMap<>();
        standIns.put("reportApprovedHosts", e -> reported.add((String) e.getVariable(FAILED_HOSTS)));
        ModelBeans beans = registerStandIns("bpmn/mass-failure-approval.bpmn", standIns);
        assertThat(beans.taskListeners()).containsExactly("acceptApprovalDecision");
        Mocks.register("acceptApprovalDecision", (TaskListener) t -> { });
    }

    private ProcessInstance massFailure() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(WorkflowNames.MASS_FAILURE_APPROVAL,
                "segment-1", Map.of(SEGMENT_UUID, "segment-1", SEGMENT_NAME, "rack-a", HOST_COUNT, 3,
                        FAILED_HOSTS, "[compute2, compute3, compute4]", "operatorGroup", "ha-operators"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("ApproveRecovery");
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance)).hasName("Approve recovery of 3 hosts")
                .hasCandidateGroup("ha-operators");
        assertThat(BpmnAwareTests.taskService().createTaskQuery().taskId(BpmnAwareTests.task(instance).getId())
                .initializeFormKeys().singleResult().getCamundaFormRef().getKey()).isEqualTo(APPROVAL_FORM);
        assertThat(reported).as("nothing reported before a decision").isEmpty();
        return instance;
    }

    private ProcessInstance decide(ProcessInstance instance, String decision) {
        BpmnAwareTests.taskService().complete(BpmnAwareTests.task(instance).getId(),
                Map.of("operatorDecision", decision, "operatorComment", "rack a lost its PDU"));
        return runJobs(instance);
    }

    @Test
    void approvingReportsEveryHost() {
        BpmnAwareTests.assertThat(decide(massFailure(), "approve")).isEnded()
                .hasPassedInOrder("MassFailureDetected", "ApproveRecovery", "OperatorsApproval", "ReportApprovedHosts",
                        "HostsReported");
        assertThat(reported).containsExactly("[compute2, compute3, compute4]");
    }

    @Test
    void rejectingReportsNone() {
        BpmnAwareTests.assertThat(decide(massFailure(), "reject")).isEnded()
                .hasPassedInOrder("ApproveRecovery", "OperatorsApproval", "RecoveryRejected")
                .hasNotPassed("ReportApprovedHosts");
        assertThat(reported).isEmpty();
    }
}
