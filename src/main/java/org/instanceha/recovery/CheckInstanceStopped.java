package org.instanceha.recovery;

import static org.instanceha.recovery.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Check instance stopped": whether Nova shows the instance stopped ({@link InstanceFailureRules#afterStop}),
 * whether Nova refused to stop it ({@code stopRefusal}),
 * or the time to wait for it is over. Reads {@code restartId}, {@code stopDeadline}, {@code stopRefusal}; writes
 * {@code powerOutcome} ({@code done}, {@code wait} or {@code failed}) and, when failed, {@code failureReason}.
 */
@Reads({"notificationUuid", "restartId", "stopDeadline", "stopRefusal"})
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
