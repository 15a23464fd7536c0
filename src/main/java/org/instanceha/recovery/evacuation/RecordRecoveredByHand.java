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
 * "Record recovered by hand": the operator recovered the instance outside the engine (with the openstack CLI,
 * say). Its VM move is {@code succeeded}, its message saying who, when and the operator's comment; its
 * destination is where Nova has the instance now, if that is another host.
 */
@Reads({"notificationUuid", "operatorComment", "operatorUser", "vmoveId"})
@Component
public class RecordRecoveredByHand extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final Compute compute;
    private final Clock clock;

    RecordRecoveredByHand(RecoveryProgress progress, VmMoveRepository vmoves, Compute compute, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        String operator = task.required(OPERATOR_USER);
        String destination = compute.server(move.instanceUuid()).map(Server::host)
                .filter(h -> !h.equals(move.sourceHost())).orElse(null);
        var now = UtcTime.now(clock);
        String message = "Recovered by hand by " + operator + " at " + now + " UTC: " + task.required(OPERATOR_COMMENT);
        vmoves.decided(move.uuid(), VmMoveStatus.SUCCEEDED, destination, message, operator,
                OperatorRules.Decision.RECOVERED_BY_HAND.wireName(), now);
        task.success(move.instanceName() + ": " + message);
    }
}
