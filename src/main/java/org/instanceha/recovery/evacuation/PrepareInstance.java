package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeNotFound;
import org.instanceha.nova.Server;
import org.instanceha.recovery.ListedServers;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Prepare instance": locks the instance while it is still on the failed host, and resets it to {@code error}
 * where Nova would refuse to evacuate it as it is ({@link EvacuabilityRules}). Starts from the host's listing
 * when it is seconds old ({@link ListedServers}), else reads the server. Throws BPMN error {@code
 * EVACUATION_REFUSED} when the instance is gone, or when the plan found no host for it (the move failed at
 * planning).
 */
@Reads({"notificationUuid", "vmoveId"})
@Component
public class PrepareInstance extends RecoveryTask {

    private final Compute compute;
    private final VmMoveRepository vmoves;
    private final ListedServers listed;

    public PrepareInstance(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves,
                           ListedServers listed) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
        this.listed = listed;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        if (move.status() == VmMoveStatus.FAILED) {
            String message = move.message() != null ? move.message() : "No host can take " + move.instanceName() + ".";
            task.error("Not evacuating " + move.instanceName() + ": " + message);
            throw new BpmnError(ERROR_EVACUATION_REFUSED, message);
        }
        Server server = listed.take(move.instanceUuid())
                .or(() -> compute.server(move.instanceUuid())).orElse(null);
        if (server == null) {
            throw gone(move, task);
        }
        if (!move.sourceHost().equals(server.host())) {
            task.success(server.name() + " is on " + server.host() + " already: nothing to prepare.");
            return;
        }
        if (!server.locked()) {
            try {
                compute.lock(server.id());
            } catch (ComputeNotFound e) {
                throw gone(move, task); // deleted since the listing
            }
        }
        if (EvacuabilityRules.novaAccepts(server)) {
            task.success("Locked " + server.name() + " for its evacuation.");
        } else {
            compute.resetState(server.id(), "error");
            task.success("Locked " + server.name() + " and reset it to error (it was " + server.vmState() + "/"
                    + server.taskState() + "), so that Nova accepts its evacuation.");
        }
    }

    private static BpmnError gone(VmMove move, TaskRun task) {
        String message = "Instance " + move.instanceName() + " (" + move.instanceUuid() + ") no longer exists in Nova.";
        task.error(message);
        return new BpmnError(ERROR_EVACUATION_REFUSED, message);
    }
}
