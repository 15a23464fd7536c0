package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Record skipped": the operator chose not to rebuild the instance. It stays where it is, untouched (it was
 * never locked); its VM move is {@code ignored}, its message saying who decided, when and why.
 */
@Reads({"notificationUuid", "operatorComment", "operatorUser", "vmoveId"})
@Component
public class RecordSkipped extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final Clock clock;

    RecordSkipped(RecoveryProgress progress, VmMoveRepository vmoves, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        String operator = task.required(OPERATOR_USER);
        var now = UtcTime.now(clock);
        String message = "Not rebuilt: " + operator + " decided at " + now + " UTC: " + task.required(OPERATOR_COMMENT)
                + " (" + move.message() + ")";
        vmoves.decided(move.uuid(), VmMoveStatus.IGNORED, null, message, operator,
                OperatorRules.Decision.SKIP.wireName(), now);
        task.success(move.instanceName() + ": " + message);
    }
}
