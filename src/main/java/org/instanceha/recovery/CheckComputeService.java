package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check compute service": asks Nova whether the failed host's service is down yet.
 * Reads {@code notificationUuid}, {@code hostname}, {@code serviceDownDeadline}; writes {@code serviceDown},
 * {@code serviceWaitExpired}.
 */
@Component
public class CheckComputeService implements JavaDelegate {

    private final HostRecoveryService recovery;

    public CheckComputeService(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean down = recovery.serviceDown((String) execution.getVariable(NOTIFICATION_UUID),
                execution.getCurrentActivityName(), (String) execution.getVariable(HOSTNAME));
        execution.setVariable(SERVICE_DOWN, down);
        execution.setVariable(SERVICE_WAIT_EXPIRED, !down && !Instant.now().isBefore(
                Instant.parse((String) execution.getVariable(SERVICE_DOWN_DEADLINE))));
    }
}
