package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.springframework.stereotype.Component;

/** "Unset forced down": Nova judges the host's nova-compute by its heartbeat again (safe to run twice). */
@Reads({"notificationUuid", "hostname"})
@Component
public class UnsetForcedDown extends RecoveryTask {

    private final Compute compute;

    public UnsetForcedDown(RecoveryProgress progress, Compute compute) {
        super(progress);
        this.compute = compute;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        compute.forceDown(host, false);
        task.success("Cleared forced_down of nova-compute on " + host + ".");
    }
}
