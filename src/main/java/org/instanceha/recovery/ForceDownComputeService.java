package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Force down compute service": tells Nova the failed host is fenced ({@code forced_down}), so that
 * evacuation need not wait for its heartbeat to go stale. Reads {@code notificationUuid}, {@code hostname}.
 */
@Component
public class ForceDownComputeService implements JavaDelegate {

    private final HostRecoveryService recovery;

    public ForceDownComputeService(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.forceDown((String) execution.getVariable(NOTIFICATION_UUID), execution.getCurrentActivityName(),
                (String) execution.getVariable(HOSTNAME));
    }
}
