package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Finish notification": the notification is {@code finished}; nothing (more) to do.
 * Reads {@code notificationUuid}.
 */
@Component
public class FinishNotification implements JavaDelegate {

    private final HostRecoveryService recovery;

    public FinishNotification(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.finish((String) execution.getVariable(NOTIFICATION_UUID), execution.getCurrentActivityName(),
                "Nothing to evacuate.");
    }
}
