package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record VM move failed": the VM move is {@code failed}, with what went wrong; the instance is unlocked.
 * Reads {@code vmoveId}, {@code failureMessage}.
 */
@Component
public class RecordVmMoveFailed implements JavaDelegate {

    private final HostRecoveryService recovery;

    public RecordVmMoveFailed(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object message = execution.getVariable(FAILURE_MESSAGE);
        recovery.failed((String) execution.getVariable(VMOVE_ID), execution.getCurrentActivityName(),
                message != null ? message.toString() : "The evacuation failed.");
    }
}
