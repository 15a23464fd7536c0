package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Disable compute service": the scheduler stops placing instances on the failed host.
 * Reads {@code notificationUuid}, {@code hostname}.
 */
@Component
public class DisableComputeService implements JavaDelegate {

    private final HostRecoveryService recovery;

    public DisableComputeService(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.disable((String) execution.getVariable(NOTIFICATION_UUID), execution.getCurrentActivityName(),
                (String) execution.getVariable(HOSTNAME));
    }
}
