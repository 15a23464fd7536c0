package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Claim evacuation slot": starts the VM move ({@code ongoing}) if fewer than {@code max-parallel-evacuations}
 * of the notification, fewer than {@code max-parallel-evacuations-total} of all notifications, and (when it is
 * set) fewer than {@code max-parallel-evacuations-per-target} to the move's target host are ongoing, counted in
 * the database so that it holds across engine nodes. Records no progress: the model waits at "Wait
 * for a free slot" while it is false, until a freed slot wakes it ({@link SlotWakeUp}) or {@code
 * slotWaitInterval} passes. A database update only, so the model gives it no job of its own: it runs in the
 * transaction that reaches it, and a woken instance claims its slot in the wake-up's own command, one hand-off
 * less between a freed slot and the next evacuation.
 */
@Reads({"notificationUuid", "vmoveId"})
@Writes({"slotClaimed"})
@Component
public class ClaimEvacuationSlot extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final RecoveryProperties properties;
    private final Clock clock;

    public ClaimEvacuationSlot(RecoveryProgress progress, VmMoveRepository vmoves, RecoveryProperties properties,
                               Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        task.set(SLOT_CLAIMED, vmoves.claimSlot(move.uuid(), move.notificationUuid(),
                properties.maxParallelEvacuations(), properties.maxParallelEvacuationsTotal(),
                properties.maxParallelEvacuationsPerTarget(), UtcTime.now(clock)));
    }
}
