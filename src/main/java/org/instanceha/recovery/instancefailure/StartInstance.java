package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

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
 * "Start instance": asks Nova to start the stopped instance. Nova's 409 for one that is active already
 * (someone started it meanwhile) is fine; the check that follows tells how the start went.
 */
@Reads({"notificationUuid", "restartId"})
@Writes({"startDeadline"})
@Component
public class StartInstance extends RecoveryTask {

    private final Compute compute;
    private final InstanceRestartRepository restarts;
    private final InstanceFailureProperties properties;
    private final Clock clock;

    StartInstance(RecoveryProgress progress, Compute compute, InstanceRestartRepository restarts,
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
        task.setInstant(START_DEADLINE, clock.instant().plus(properties.startTimeout()));
        try {
            compute.start(restart.instanceUuid());
            task.success("Asked Nova to start " + restart.instanceName() + ".");
        } catch (ComputeConflict e) {
            String state = compute.server(restart.instanceUuid()).map(Server::vmState).orElse("unknown");
            task.success("Nova did not start " + restart.instanceName() + " (" + e.getMessage() + "); it is "
                    + state + " now.");
        }
    }
}
