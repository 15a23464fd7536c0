package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Record restart failed": the attempt {@code failed}, for the reason the check gave. Reads {@code restartId},
 * {@code failureReason}.
 */
@Reads({"notificationUuid", "failureReason", "restartId"})
@Component
public class RecordRestartFailed extends RecoveryTask {

    private final InstanceRestartRepository restarts;
    private final Clock clock;

    RecordRestartFailed(RecoveryProgress progress, InstanceRestartRepository restarts, Clock clock) {
        super(progress);
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        String reason = task.required(FAILURE_REASON);
        restarts.ended(restart.uuid(), VmMoveStatus.FAILED, reason, UtcTime.now(clock));
        task.error("Attempt " + restart.attempt() + " to restart " + restart.instanceName() + " failed: " + reason);
    }
}
