package org.instanceha.recovery.massfailure;

import static org.instanceha.recovery.massfailure.MassFailureApproval.*;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.instanceha.notification.FailureToApprove;
import org.instanceha.notification.MassFailureApprovals;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.recovery.operator.OperatorTasks;
import org.springframework.stereotype.Component;

/**
 * The approvals of mass failures as instances of {@code mass-failure-approval}, one per segment at a time
 * (business key: the segment's uuid), so that every engine node, and a node that takes over judging, sees the
 * one that is open.
 */
@Component
public class CamundaMassFailureApprovals implements MassFailureApprovals {

    private final RuntimeService runtime;
    private final RecoveryProperties properties;
    private final ObjectMapper json;

    CamundaMassFailureApprovals(RuntimeService runtime, RecoveryProperties properties, ObjectMapper json) {
        this.runtime = runtime;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Optional<Set<String>> openFor(String segmentUuid) {
        ProcessInstance open = runtime.createProcessInstanceQuery()
                .processDefinitionKey(WorkflowNames.MASS_FAILURE_APPROVAL).processInstanceBusinessKey(segmentUuid)
                .active().listPage(0, 1).stream().findFirst().orElse(null);
        if (open == null) {
            return Optional.empty();
        }
        Set<String> hosts = new LinkedHashSet<>();
        FailedHosts.read(json, (String) runtime.getVariable(open.getId(), FAILED_HOSTS))
                .forEach(h -> hosts.add(h.hostname()));
        return Optional.of(hosts);
    }

    @Override
    public void ask(String segmentUuid, String segmentName, List<FailureToApprove> hosts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SEGMENT_UUID, segmentUuid);
        variables.put(SEGMENT_NAME, segmentName);
        variables.put(HOST_COUNT, hosts.size());
        variables.put(FAILED_HOSTS, FailedHosts.write(json, hosts));
        variables.put(FAILED_HOSTS_TABLE, FailedHosts.table(hosts));
        variables.put(OperatorTasks.OPERATOR_GROUP, properties.operatorGroup());
        runtime.startProcessInstanceByKey(WorkflowNames.MASS_FAILURE_APPROVAL, segmentUuid, variables);
    }
}
