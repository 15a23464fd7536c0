package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.INSTANCE_NAME;
import static org.instanceha.recovery.operator.OperatorTasks.OPERATOR_GROUP;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Read the evacuation action": the action "Identify protected instances" chose for the instance from its class
 * and the segment's policy ({@code evacuate} for a move recorded without one), and for the operators' form its
 * name and class in words, and the group its task goes to. A skipped instance never gets here.
 */
@Reads({"notificationUuid", "vmoveId"})
@Writes({"evacuationAction", "evacuationReason", "instanceName", "operatorGroup"})
@Component
public class ReadEvacuationAction extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final RecoveryProperties properties;

    ReadEvacuationAction(RecoveryProgress progress, VmMoveRepository vmoves, RecoveryProperties properties) {
        super(progress);
        this.vmoves = vmoves;
        this.properties = properties;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        EvacuationAction action = EvacuationAction.fromWire(move.evacuationAction()).orElse(EvacuationAction.EVACUATE);
        task.set(EVACUATION_ACTION, action.wireName());
        task.set(EVACUATION_REASON, move.message() != null ? move.message() : "");
        task.set(INSTANCE_NAME, move.instanceName());
        if (action == EvacuationAction.ASK) {
            task.set(OPERATOR_GROUP, properties.operatorGroup());
            task.success(move.instanceName() + ": " + move.message());
        }
    }
}
