package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.operator.OperatorTasks;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.SegmentPolicy;
import org.instanceha.segment.SegmentPolicies;
import org.springframework.stereotype.Component;

/**
 * "Register return": reads the policy of the host's segment as it is now (it may have changed since the host
 * monitor started the return) and decides the next step: the gates ({@code auto}), an operator first
 * ({@code ask}), or none ({@code never}).
 */
@Reads({"notificationUuid", "hostname", "returnId"})
@Writes({"returnStep", "keepOutReason", "operatorGroup", "failback"})
@Component
public class RegisterReturn extends RecoveryTask {

    private final HostRepository hosts;
    private final SegmentPolicies policies;
    private final RecoveryProperties properties;

    public RegisterReturn(RecoveryProgress progress, HostRepository hosts, SegmentPolicies policies,
                          RecoveryProperties properties) {
        super(progress);
        this.hosts = hosts;
        this.policies = policies;
        this.properties = properties;
    }

    @Override
    protected void run(TaskRun task) {
        String name = task.required(HOSTNAME);
        Host host = hosts.findByName(name).orElse(null);
        if (host == null) {
            String reason = "Host " + name + " is no longer registered: nothing to return.";
            task.set(FAILBACK, false);
            task.set(RETURN_STEP, Step.KEEP_OUT);
            task.set(KEEP_OUT_REASON, reason);
            task.success(reason);
            return;
        }
        SegmentPolicy segmentPolicy = policies.of(host.segment().id());
        task.set(FAILBACK, segmentPolicy.failback());
        switch (segmentPolicy.returnToService()) {
            case AUTO -> {
                task.set(RETURN_STEP, Step.RETURN);
                task.success(name + " is healthy again: returning it to service once nothing holds it back "
                        + "(segment " + host.segment().name() + ", return_to_service auto).");
            }
            case ASK -> {
                task.set(RETURN_STEP, Step.ASK);
                task.set(OperatorTasks.OPERATOR_GROUP, properties.operatorGroup());
                task.success(name + " is healthy again: asking the operators (group " + properties.operatorGroup()
                        + ") whether to return it to service (segment " + host.segment().name()
                        + ", return_to_service ask).");
            }
            case NEVER -> {
                String reason = "The policy of segment " + host.segment().name() + " says return_to_service never: "
                        + name + " stays out of service.";
                task.set(RETURN_STEP, Step.KEEP_OUT);
                task.set(KEEP_OUT_REASON, reason);
                task.success(reason);
            }
        }
    }
}
