package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeConflict;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Stop instance": asks Nova to stop the instance, which must be stopped before it can be started again.
 * Nova's 409 for an instance that is stopped already is fine; for one busy with another task, the check that
 * follows waits for it. Any other refusal fails the attempt at once: the check that follows reports Nova's
 * reason.
 */
@Reads({"notificationUuid", "restartId"})
@Writes({"stopDeadline", "stopRefusal"})
@Component
public class StopInstance extends RecoveryTask {

    private final Compute compute;
    private final InstanceRestartRepository restarts;
    private final InstanceFailureProperties properties;
    private final Clock clock;

    StopInstance(RecoveryProgress progress, Compute compute, InstanceRestartRepository restarts,
                 InstanceFailureProperties properties, Clock clock) {
        super(progress);
        this.compute = compute;
        this.restarts = restarts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        task.setInstant(STOP_DEADLINE, clock.instant().plus(properties.stopTimeout()));
        task.set(STOP_REFUSAL, null);
        try {
            compute.stop(restart.instanceUuid());
            task.success("Asked Nova to stop " + restart.instanceName() + ".");
        } catch (ComputeConflict e) {
            Server now = compute.server(restart.instanceUuid()).orElse(null);
            if (now != null && ("stopped".equals(now.vmState()) || !now.idle())) {
                task.success("Nova did not stop " + restart.instanceName() + " (" + e.getMessage() + "); it is "
                        + ("stopped".equals(now.vmState()) ? "stopped already." : "busy with task " + now.taskState()
                        + ", which is waited for."));
                return;
            }
            task.set(STOP_REFUSAL, "Nova refused to stop " + restart.instanceName() + ": " + e.getMessage());
            restarts.saw(restart.uuid(), now == null ? null : now.vmState(), UtcTime.now(clock));
            task.error("Nova refused to stop " + restart.instanceName() + ": " + e.getMessage());
        }
    }
}
