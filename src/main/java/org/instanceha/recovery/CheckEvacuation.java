package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Migration;
import org.instanceha.nova.Server;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Check evacuation": where the evacuation stands ({@link EvacuationProgressRules}). Nova's migration
 * records are asked only when the server looks idle on its old host. Reads {@code vmoveId},
 * {@code evacuationDeadline} (a date); writes {@code evacuationState}, and {@code destinationHost} or
 * {@code failureMessage}. Records no progress: the VM move's record says how it ended. Once the evacuation
 * settled (moved or failed) the move's evacuation slot is freed at once ({@link SlotWakeUp}): restoring
 * the power state and recording the outcome are no evacuation in flight.
 */
@Reads({"evacuationDeadline", "vmoveId"})
@Component
public class CheckEvacuation extends RecoveryTask {

    private final Compute compute;
    private final VmMoveRepository vmoves;
    private final SlotWakeUp slots;
    private final Clock clock;

    public CheckEvacuation(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves, SlotWakeUp slots,
                           Clock clock) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
        this.slots = slots;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.vmoveId());
        Optional<Server> server = compute.server(move.instanceUuid());
        List<Migration> evacuations = server.isPresent() && server.get().idle()
                && move.sourceHost().equals(server.get().host())
                ? compute.evacuationsOf(move.instanceUuid()) : List.of();
        EvacuationProgressRules.Outcome outcome = EvacuationProgressRules.assess(server, move.sourceHost(),
                evacuations, clock.instant(), task.instant(EVACUATION_DEADLINE));
        if (outcome.state() != EvacuationState.MOVING) {
            slots.evacuationSettled(move, UtcTime.now(clock));
        }
        task.set(EVACUATION_STATE, outcome.state().variableValue());
        task.set(DESTINATION_HOST, outcome.destination());
        task.set(FAILURE_MESSAGE, outcome.message());
    }
}
