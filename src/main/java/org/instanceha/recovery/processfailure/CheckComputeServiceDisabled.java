package org.instanceha.recovery.processfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.processfailure.ProcessFailureRecovery.*;

import java.time.Clock;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.ComputeServices;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.springframework.stereotype.Component;

/**
 * "Check compute service disabled": whether Nova reports the host's nova-compute disabled, and whether the
 * time to wait for it is over.
 */
@Reads({"notificationUuid", "hostname", "serviceDisabledDeadline"})
@Writes({"failureReason", "finishReason", "serviceDisabled", "serviceWaitExpired"})
@Component
public class CheckComputeServiceDisabled extends RecoveryTask {

    private final Compute compute;
    private final Clock clock;

    CheckComputeServiceDisabled(RecoveryProgress progress, Compute compute, Clock clock) {
        super(progress);
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        boolean disabled = !ComputeServices.of(compute, host).enabled();
        boolean expired = !disabled && !clock.instant().isBefore(task.instant(SERVICE_DISABLED_DEADLINE));
        task.set(SERVICE_DISABLED, disabled);
        task.set(SERVICE_WAIT_EXPIRED, expired);
        if (disabled) {
            String message = "Nova reports the nova-compute service of " + host + " disabled: the scheduler places "
                    + "nothing more there. The host is on maintenance.";
            task.set(FINISH_REASON, message);
            task.success(message);
        } else if (expired) {
            String message = "Nova still reports the nova-compute service of " + host + " enabled, and the time to "
                    + "wait for it is over.";
            task.set(FAILURE_REASON, message);
            task.error(message);
        } else {
            task.running(0.5, "Nova reports the nova-compute service of " + host + " still enabled; asking again.");
        }
    }
}
