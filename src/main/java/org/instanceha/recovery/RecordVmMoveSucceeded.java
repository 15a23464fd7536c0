package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record VM move succeeded": the VM move is {@code succeeded}, with its destination and end time.
 * Reads {@code vmoveId}, {@code destinationHost}.
 */
@Component
public class RecordVmMoveSucceeded implements JavaDelegate {

    private final HostRecoveryService recovery;

    public RecordVmMoveSucceeded(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.succeeded((String) execution.getVariable(VMOVE_ID), execution.getCurrentActivityName(),
                (String) execution.getVariable(DESTINATION_HOST));
    }
}
