package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Restore power state": the evacuated instance gets back the state it had ({@link PowerStateRules}: stopped
 * stays stopped, error returns to error) and is unlocked.
 */
@Reads({"notificationUuid", "vmoveId"})
@Component
public class RestorePowerState extends RecoveryTask {

    private final Compute compute;
    private final EvacuationWatch watch;
    private final VmMoveRepository vmoves;

    public RestorePowerState(RecoveryProgress progress, Compute compute, EvacuationWatch watch,
                             VmMoveRepository vmoves) {
        super(progress);
        this.compute = compute;
        this.watch = watch;
        this.vmoves = vmoves;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        // Not a refusal of the evacuation, which Nova took: the job fails, is retried, then is an incident.
        Server server = watch.recent(move.instanceUuid()).orElseThrow(() -> new IllegalStateException(
                "Instance " + move.instanceName() + " disappeared after its evacuation: no power state to restore."));
        switch (PowerStateRules.afterEvacuation(move.originalVmState(), server.vmState())) {
            case STOP -> {
                compute.stop(server.id());
                task.success("Stopped " + server.name() + " again on " + server.host() + ": it was stopped before.");
            }
            case RESET_TO_ERROR -> {
                compute.resetState(server.id(), "error");
                task.success("Reset " + server.name() + " to error on " + server.host() + ": it was in error before.");
            }
            case NOTHING -> { }
        }
        if (server.locked()) {
            compute.unlock(server.id());
        }
    }
}
