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
 * "Check instance stopped": whether Nova shows the instance stopped ({@link InstanceFailureRules#afterStop}),
 * whether Nova refused to stop it ({@code stopRefusal}), or the time to wait for it is over.
 */
@Reads({"notificationUuid", "restartId", "stopDeadline", "stopRefusal"})
@Writes({"failureReason", "powerOutcome"})
@Component
public class CheckInstanceStopped extends RecoveryTask {

    private final PowerActionCheck check;

    CheckInstanceStopped(RecoveryProgress progress, Compute compute, InstanceRestartRepository restarts,
                         InstanceFailureProperties properties, Clock clock) {
        super(progress);
        this.check = new PowerActionCheck(compute, restarts, clock, "stopped", STOP_DEADLINE, STOP_REFUSAL,
                "instanceha.instance-failure.stop-timeout", properties.stopTimeout(), InstanceFailureRules::afterStop);
    }

    @Override
    protected void run(TaskRun task) {
        check.run(task, 0.5);
    }
}
