package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.springframework.stereotype.Component;

/** "Enable compute service": Nova's scheduler places instances on the host again (safe to run twice). */
@Reads({"notificationUuid", "hostname"})
@Component
public class EnableComputeService extends RecoveryTask {

    private final Compute compute;

    public EnableComputeService(RecoveryProgress progress, Compute compute) {
        super(progress);
        this.compute = compute;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        compute.enableService(host);
        task.success("Enabled nova-compute on " + host + ": Nova's scheduler places instances there again.");
    }
}
