package org.instanceha.recovery;

import static org.instanceha.recovery.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Check instance active": whether Nova shows the started instance active, or the start failed: it went
 * into error, is still stopped with no task running, or the time to wait for it is over
 * ({@link InstanceFailureRules#afterStart}). Reads {@code restartId}, {@code startDeadline}; writes
 * {@code powerOutcome} ({@code done}, {@code wait} or {@code failed}) and, when failed, {@code failureReason}.
 */
@Reads({"notificationUuid", "restartId", "startDeadline"})
@Component
public class CheckInstanceActive extends RecoveryTask {

    private final PowerActionCheck check;

    CheckInstanceActive(RecoveryProgress progress, Compute compute, InstanceRestartRepository restarts,
                        InstanceFailureProperties properties, Clock clock) {
        super(progress);
        this.check = new PowerActionCheck(compute, restarts, clock, "active", START_DEADLINE, null,
                "instanceha.instance-failure.start-timeout", properties.startTimeout(), InstanceFailureRules::afterStart);
    }

    @Override
    protected void run(TaskRun task) {
        check.run(task, 0.9);
    }
}
