package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Record given up": the operator gave the instance up. It stays where it is, unlocked; its VM move stays
 * {@code failed}, its message saying who gave up, when and why; the notification will end {@code error}.
 */
@Reads({"notificationUuid", "operatorComment", "operatorUser", "vmoveId"})
@Component
public class RecordGivenUp extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final Compute compute;
    private final Clock clock;

    RecordGivenUp(RecoveryProgress progress, VmMoveRepository vmoves, Compute compute, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        String operator = task.required(OPERATOR_USER);
        compute.server(move.instanceUuid()).filter(Server::locked).ifPresent(s -> compute.unlock(s.id()));
        var now = UtcTime.now(clock);
        String message = "Given up by " + operator + " at " + now + " UTC: " + task.required(OPERATOR_COMMENT)
                + " (before: " + move.message() + ")";
        vmoves.decided(move.uuid(), VmMoveStatus.FAILED, null, message, operator,
                OperatorRules.Decision.GIVE_UP.wireName(), now);
        task.error(move.instanceName() + ": " + message);
    }
}
