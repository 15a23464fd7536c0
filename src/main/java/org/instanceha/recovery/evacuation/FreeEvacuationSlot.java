package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Free evacuation slot": the evacuation is no longer in flight, because it settled (moved or failed, as "Check
 * evacuation" found) or Nova refused it, so the slot the move claimed ("Claim evacuation slot") is free from
 * now on, and an instance waiting for one is woken once this transaction commits ({@link SlotWakeUp}).
 * Restoring the power state and recording the outcome are no evacuation in flight. Records no progress; a
 * database update only, so it runs in the transaction of the task before it. Freeing a slot twice, or one the
 * move never held, changes nothing.
 */
@Reads({"vmoveId"})
@Component
public class FreeEvacuationSlot extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final SlotWakeUp slots;
    private final Clock clock;

    public FreeEvacuationSlot(RecoveryProgress progress, VmMoveRepository vmoves, SlotWakeUp slots, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.slots = slots;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        slots.evacuationSettled(vmoves.require(task.required(VMOVE_ID)), UtcTime.now(clock));
    }
}
