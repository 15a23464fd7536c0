package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Clock;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.springframework.stereotype.Component;

/**
 * "Check compute service": without force-down, asks Nova whether the failed host's service is down
 * yet; the model waits and asks again until it is, or until {@code serviceDownDeadline}.
 * Reads {@code notificationUuid}, {@code hostname}, {@code serviceDownDeadline} (a date); writes
 * {@code serviceDown}, {@code serviceWaitExpired}.
 */
@Reads({"notificationUuid", "hostname", "serviceDownDeadline"})
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
