package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryMetrics;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Record VM move succeeded": the VM move is {@code succeeded}, with its destination and end time.
 */
@Reads({"notificationUuid", "destinationHost", "vmoveId"})
@Component
public class RecordVmMoveSucceeded extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final RecoveryMetrics metrics;
    private final Clock clock;

    public RecordVmMoveSucceeded(RecoveryProgress progress, VmMoveRepository vmoves, RecoveryMetrics metrics,
                                 Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        String destination = task.required(DESTINATION_HOST);
        var now = UtcTime.now(clock);
        vmoves.succeeded(move.uuid(), destination, now);
        metrics.evacuationSucceeded(move, now);
        task.success("Evacuated " + move.instanceName() + " from " + move.sourceHost() + " to " + destination + ".");
    }
}
