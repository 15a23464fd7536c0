package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Check instance active": whether Nova shows the started instance active, or the start failed: it went into
 * error, is still stopped with no task running, or the time to wait for it is over ({@link
 * InstanceFailureRules#afterStart}).
 */
@Reads({"notificationUuid", "restartId", "startDeadline"})
@Writes({"failureReason", "powerOutcome"})
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
