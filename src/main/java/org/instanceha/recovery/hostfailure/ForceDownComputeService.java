package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.springframework.stereotype.Component;

/**
 * "Force down compute service": tells Nova the failed host is fenced ({@code forced_down}), so that evacuation
 * need not wait for its heartbeat to go stale. The model reaches it only once fencing is confirmed: by the
 * host's BMC, by an operator, or (for a host without a BMC) by the report.
 */
@Reads({"notificationUuid", "hostname"})
@Component
public class ForceDownComputeService extends RecoveryTask {

    private final Compute compute;

    public ForceDownComputeService(RecoveryProgress progress, Compute compute) {
        super(progress);
        this.compute = compute;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        // Idempotent, so not read first: one request when the service's id is known from a listing.
        compute.forceDown(host, true);
        task.success("Forced the nova-compute service of " + host + " down: the host is fenced.");
    }
}
