package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.instanceha.common.UtcTime;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * Listener on the creation of "Recover ... by hand": the VM move records the user task that waits for an
 * operator, so that the dashboard shows "Waiting for operator" with a link to it in Tasklist, and the
 * notification list can show the notifications with open tasks. Reads {@code vmoveId}.
 */
@Component
public class RecordOperatorTask implements TaskListener {

    private final VmMoveRepository vmoves;
    private final Clock clock;

    public RecordOperatorTask(VmMoveRepository vmoves, Clock clock) {
        this.vmoves = vmoves;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        vmoves.handedOver((String) task.getVariable(VMOVE_ID), task.getId(), UtcTime.now(clock));
    }
}
