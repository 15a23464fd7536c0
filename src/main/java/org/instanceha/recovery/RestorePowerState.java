package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Restore power state": a stopped instance ends stopped, one in error ends in error; unlocks it.
 * Reads {@code vmoveId}.
 */
@Component
public class RestorePowerState implements JavaDelegate {

    private final HostRecoveryService recovery;

    public RestorePowerState(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.restore((String) execution.getVariable(VMOVE_ID), execution.getCurrentActivityName());
    }
}
