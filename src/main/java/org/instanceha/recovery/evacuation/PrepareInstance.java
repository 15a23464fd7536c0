package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Prepare instance": locks the instance while it is still on the failed host, and resets it to {@code error}
 * where Nova would refuse to evacuate it as it is ({@link EvacuabilityRules}). Throws BPMN error {@code
 * EVACUATION_REFUSED} when the instance is gone, or when the plan found no host for it (the move failed at
 * planning).
 */
@Reads({"notificationUuid", "vmoveId"})
@Component
public class PrepareInstance extends RecoveryTask {

    private final Compute compute;
    private final VmMoveRepository vmoves;

    public PrepareInstance(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        if (move.status() == VmMoveStatus.FAILED) {
            String message = move.message() != null ? move.message() : "No host can take " + move.instanceName() + ".";
            task.error("Not evacuating " + move.instanceName() + ": " + message);
            throw new BpmnError(ERROR_EVACUATION_REFUSED, message);
        }
        Server server = compute.server(move.instanceUuid()).orElse(null);
        if (server == null) {
            String message = "Instance " + move.instanceName() + " (" + move.instanceUuid()
                    + ") no longer exists in Nova.";
            task.error(message);
            throw new BpmnError(ERROR_EVACUATION_REFUSED, message);
        }
        if (!move.sourceHost().equals(server.host())) {
            task.success(server.name() + " is on " + server.host() + " already: nothing to prepare.");
            return;
        }
        if (!server.locked()) {
            compute.lock(server.id());
        }
        if (EvacuabilityRules.novaAccepts(server)) {
            task.success("Locked " + server.name() + " for its evacuation.");
        } else {
            compute.resetState(server.id(), "error");
            task.success("Locked " + server.name() + " and reset it to error (it was " + server.vmState() + "/"
                    + server.taskState() + "), so that Nova accepts its evacuation.");
        }
    }
}
