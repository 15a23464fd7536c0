package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ignore notification": the notification is {@code ignored}, with the reason.
 * Reads {@code notificationUuid}, {@code ignoreReason}.
 */
@Component
public class IgnoreNotification implements JavaDelegate {

    private final HostRecoveryService recovery;

    public IgnoreNotification(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.ignore((String) execution.getVariable(NOTIFICATION_UUID), execution.getCurrentActivityName(),
                (String) execution.getVariable(IGNORE_REASON));
    }
}
