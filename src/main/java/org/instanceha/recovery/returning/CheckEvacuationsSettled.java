package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.util.List;
import java.util.stream.Collectors;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Migration;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.springframework.stereotype.Component;

/**
 * "Check evacuations settled", a gate: no evacuation off the host is still in progress in Nova (an evacuation
 * record of type {@code evacuation} from the host whose status is not final, {@link ReturnRules#inProgress}).
 * A host whose instances are still being rebuilt elsewhere must not take new ones, nor see its old ones again.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"evacuationsSettled"})
@Component
public class CheckEvacuationsSettled extends RecoveryTask {

    private final Compute compute;

    public CheckEvacuationsSettled(RecoveryProgress progress, Compute compute) {
        super(progress);
        this.compute = compute;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        List<Migration> inProgress = compute.evacuationsFrom(host).stream().filter(ReturnRules::inProgress).toList();
        task.set(EVACUATIONS_SETTLED, inProgress.isEmpty());
        if (inProgress.isEmpty()) {
            task.success("No evacuation off " + host + " is in progress in Nova.");
        } else {
            task.running(0.3, inProgress.size() + " evacuation(s) off " + host + " still in progress in Nova ("
                    + ReturnRules.describe(inProgress) + "): " + host + " stays out until they end.");
        }
    }
}
