package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Reset resized instance to active": Nova refuses to stop an instance in vm_state {@code resized} (409), so
 * its state is reset to {@code active} first, as Masakari does.
 */
@Reads({"notificationUuid", "restartId"})
@Component
public class ResetResizedInstance extends RecoveryTask {

    private final Compute compute;
    private final InstanceRestartRepository restarts;
    private final Clock clock;

    ResetResizedInstance(RecoveryProgress progress, Compute compute, InstanceRestartRepository restarts,
                         Clock clock) {
        super(progress);
        this.compute = compute;
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        compute.resetState(restart.instanceUuid(), "active");
        restarts.saw(restart.uuid(), "active", UtcTime.now(clock));
        task.success("Reset " + restart.instanceName() + " from resized to active, so that it can be stopped.");
    }
}
