package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import java.time.Clock;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.springframework.stereotype.Component;

/**
 * "Check compute service": without force-down, asks Nova whether the failed host's service is down yet; the
 * model waits and asks again until it is, or until {@code serviceDownDeadline}.
 */
@Reads({"notificationUuid", "hostname", "serviceDownDeadline"})
@Writes({"serviceDown", "serviceWaitExpired"})
@Component
public class CheckComputeService extends RecoveryTask {

    private final Compute compute;
    private final Clock clock;

    public CheckComputeService(RecoveryProgress progress, Compute compute, Clock clock) {
        super(progress);
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        boolean down = compute.computeService(host).map(s -> !s.up()).orElse(true);
        boolean expired = !down && !clock.instant().isBefore(task.instant(SERVICE_DOWN_DEADLINE));
        task.set(SERVICE_DOWN, down);
        task.set(SERVICE_WAIT_EXPIRED, expired);
        if (down) {
            task.success("Nova reports the nova-compute service of " + host + " down.");
        } else if (expired) {
            task.error("Nova still reports the nova-compute service of " + host + " up, and the time to wait for "
                    + "it is over.");
        } else {
            task.running(0.5, "Nova reports the nova-compute service of " + host
                    + " still up; waiting for its heartbeat to go stale.");
        }
    }
}
