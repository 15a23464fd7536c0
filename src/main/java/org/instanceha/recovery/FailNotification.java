package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fail notification": the notification ends in {@code error} because Nova never reported the failed
 * host's service down. Reads {@code notificationUuid}, {@code hostname}.
 */
@Component
public class FailNotification implements JavaDelegate {

    private final HostRecoveryService recovery;

    public FailNotification(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.fail((String) execution.getVariable(NOTIFICATION_UUID), execution.getCurrentActivityName(),
                "Nova did not report the nova-compute service of " + execution.getVariable(HOSTNAME)
                        + " down in time, so its instances could not be evacuated.");
    }
}
