package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Record restart given up" (instance failure): the operator gave the instance up; it stays as it is. The
 * attempt stays {@code failed}, its message saying who gave up, when and why; the notification will end {@code
 * error} with it.
 */
@Reads({"notificationUuid", "operatorComment", "operatorUser", "restartId"})
@Writes({"failureReason"})
@Component
public class RecordRestartGivenUp extends RecoveryTask {

    private final InstanceRestartRepository restarts;
    private final Clock clock;

    RecordRestartGivenUp(RecoveryProgress progress, InstanceRestartRepository restarts, Clock clock) {
        super(progress);
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        String operator = task.required(OPERATOR_USER);
        var now = UtcTime.now(clock);
        String message = restart.instanceName() + " given up by " + operator + " at " + now + " UTC: "
                + task.required(OPERATOR_COMMENT) + " (before: " + restart.message() + ")";
        restarts.decided(restart.uuid(), VmMoveStatus.FAILED, message, operator,
                OperatorRules.Decision.GIVE_UP.wireName(), now);
        task.set(FAILURE_REASON, message);
        task.error(message);
    }
}
