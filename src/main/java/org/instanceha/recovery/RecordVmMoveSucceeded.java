package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Record VM move succeeded": the VM move is {@code succeeded}, with its destination and end time.
 * Reads {@code vmoveId}, {@code destinationHost}.
 */
@Reads({"notificationUuid", "destinationHost", "vmoveId"})
@Component
public class RecordVmMoveSucceeded extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final SlotWakeUp slots;
    private final RecoveryMetrics metrics;
    private final Clock clock;

    public RecordVmMoveSucceeded(RecoveryProgress progress, VmMoveRepository vmoves, SlotWakeUp slots,
                                 RecoveryMetrics metrics, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.slots = slots;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.vmoveId());
        String destination = task.required(DESTINATION_HOST);
        var now = UtcTime.now(clock);
        slots.evacuationSettled(move, now);
        vmoves.succeeded(move.uuid(), destination, now);
        metrics.evacuationSucceeded(move, now);
        task.success("Evacuated " + move.instanceName() + " from " + move.sourceHost() + " to " + destination + ".");
    }
}
