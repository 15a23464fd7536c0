package org.instanceha.recovery;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.springframework.stereotype.Component;

/**
 * "Disable compute service": the scheduler stops placing instances on the failed host, unless the service is
 * disabled already; the reason names the notification ({@code disableReason} when the workflow gives one).
 */
@Reads({"notificationUuid", "disableReason", "hostname"})
@Component
public class DisableComputeService extends RecoveryTask {

    private final Compute compute;

    public DisableComputeService(RecoveryProgress progress, Compute compute) {
        super(progress);
        this.compute = compute;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        if (ComputeServices.of(compute, host).enabled()) {
            String reason = task.text(WorkflowNames.DISABLE_REASON);
            compute.disableService(host, reason != null ? reason
                    : "instance-ha: host failure, notification " + task.notificationUuid());
        }
        task.success("Disabled the nova-compute service of " + host + ".");
    }
}
