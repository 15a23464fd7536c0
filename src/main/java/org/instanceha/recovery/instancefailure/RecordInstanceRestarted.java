package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Record instance restarted": the attempt {@code succeeded}; the notification will say so. Reads {@code
 * restartId}; writes {@code finishReason}.
 */
@Reads({"notificationUuid", "restartId"})
@Writes({"finishReason"})
@Component
public class RecordInstanceRestarted extends RecoveryTask {

    private final InstanceRestartRepository restarts;
    private final Clock clock;

    RecordInstanceRestarted(RecoveryProgress progress, InstanceRestartRepository restarts, Clock clock) {
        super(progress);
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        String message = "Instance " + restart.instanceName() + " was restarted on " + restart.host()
                + " and is ACTIVE again (attempt " + restart.attempt() + ": " + restart.states() + ").";
        restarts.ended(restart.uuid(), VmMoveStatus.SUCCEEDED, message, UtcTime.now(clock));
        task.set(FINISH_REASON, message);
        task.success(message);
    }
}
