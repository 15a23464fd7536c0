package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Migration;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Check evacuation": where the evacuation stands ({@link EvacuationProgressRules}), from the node's one look at
 * Nova for every evacuation in flight ({@link EvacuationWatch}); Nova's migration records are asked only when the
 * server looks idle on its old host. Records no progress: the VM move's record says how it ended. Once the
 * evacuation settled (moved or failed), "Free evacuation slot" follows at once; until then the next check is on
 * the poll grid ({@link EvacuationPoll}), or sooner when {@link EvacuationWakeUp} sees the evacuation end.
 */
@Reads({"evacuationDeadline", "vmoveId"})
@Writes({"destinationHost", "evacuationState", "failureMessage"})
@Component
public class CheckEvacuation extends RecoveryTask {

    private final Compute compute;
    private final EvacuationWatch watch;
    private final EvacuationWakeUp wakeUp;
    private final VmMoveRepository vmoves;
    private final Clock clock;

    public CheckEvacuation(RecoveryProgress progress, Compute compute, EvacuationWatch watch, EvacuationWakeUp wakeUp,
                           VmMoveRepository vmoves, Clock clock) {
        super(progress);
        this.compute = compute;
        this.watch = watch;
        this.wakeUp = wakeUp;
        this.vmoves = vmoves;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        Optional<Server> server = watch.current(move.instanceUuid(), task.instant(EVACUATION_DEADLINE));
        List<Migration> evacuations = server.isPresent() && server.get().idle()
                && move.sourceHost().equals(server.get().host())
                ? compute.evacuationsOf(move.instanceUuid()) : List.of();
        EvacuationProgressRules.Outcome outcome = EvacuationProgressRules.assess(server, move.sourceHost(),
                evacuations, clock.instant(), task.instant(EVACUATION_DEADLINE));
        task.set(EVACUATION_STATE, outcome.state().variableValue());
        task.set(DESTINATION_HOST, outcome.destination());
        task.set(FAILURE_MESSAGE, outcome.message());
        if (outcome.state() == EvacuationState.MOVING) {
            wakeUp.waitFor(move.instanceUuid(), move.sourceHost(), task.processInstanceId());
        } else {
            wakeUp.settled(move.instanceUuid());
            watch.settled(move.instanceUuid());
        }
    }
}
