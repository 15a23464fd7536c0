package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Conclude notification": {@code finished} when every instance moved, {@code error} otherwise.
 * Reads {@code notificationUuid}; writes {@code allRecovered}.
 */
@Component
public class ConcludeNotification implements JavaDelegate {

    private final HostRecoveryService recovery;

    public ConcludeNotification(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ALL_RECOVERED, recovery.conclude((String) execution.getVariable(NOTIFICATION_UUID),
                execution.getCurrentActivityName()));
    }
}
