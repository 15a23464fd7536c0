package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Identify protected instances": one pending VM move per instance to evacuate.
 * Reads {@code notificationUuid}, {@code hostname}; writes {@code vmoveIds}, {@code instanceCount}.
 */
@Component
public class IdentifyProtectedInstances implements JavaDelegate {

    private final HostRecoveryService recovery;

    public IdentifyProtectedInstances(HostRecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> ids = recovery.identify((String) execution.getVariable(NOTIFICATION_UUID),
                execution.getCurrentActivityName(), (String) execution.getVariable(HOSTNAME));
        execution.setVariable(VMOVE_IDS, new ArrayList<>(ids));
        execution.setVariable(INSTANCE_COUNT, ids.size());
    }
}
