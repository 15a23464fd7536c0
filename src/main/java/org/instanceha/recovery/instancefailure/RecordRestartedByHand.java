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
 * "Record restarted by hand" (instance failure): the operator brought the instance back outside the engine.
 * The attempt is {@code succeeded}, its message saying who, when and the operator's comment; the notification
 * will end {@code finished} with it.
 */
@Reads({"notificationUuid", "operatorComment", "operatorUser", "restartId"})
@Writes({"finishReason"})
@Component
public class RecordRestartedByHand extends RecoveryTask {

    private final InstanceRestartRepository restarts;
    private final Clock clock;

    RecordRestartedByHand(RecoveryProgress progress, InstanceRestartRepository restarts, Clock clock) {
        super(progress);
        this.restarts = restarts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        String operator = task.required(OPERATOR_USER);
        var now = UtcTime.now(clock);
        String message = restart.instanceName() + " recovered by hand by " + operator + " at " + now + " UTC: "
                + task.required(OPERATOR_COMMENT);
        restarts.decided(restart.uuid(), VmMoveStatus.SUCCEEDED, message, operator,
                OperatorRules.Decision.RECOVERED_BY_HAND.wireName(), now);
        task.set(FINISH_REASON, message);
        task.success(message);
    }
}
