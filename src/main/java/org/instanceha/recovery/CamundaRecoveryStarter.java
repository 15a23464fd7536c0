package org.instanceha.recovery;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.instanceha.notification.Notification;
import org.instanceha.notification.RecoveryStarter;
import org.springframework.stereotype.Component;

/** Starts {@code host-failure-recovery} for a stored notification; business key = notification uuid. */
@Component
public class CamundaRecoveryStarter implements RecoveryStarter {

    private final RuntimeService runtime;

    public CamundaRecoveryStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(Notification notification) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(HostFailureRecovery.NOTIFICATION_UUID, notification.uuid());
        variables.put(HostFailureRecovery.TYPE, notification.type().name());
        variables.put(HostFailureRecovery.GENERATED_TIME, notification.generatedTime().toString());
        variables.put(HostFailureRecovery.PAYLOAD, notification.payload());
        runtime.startProcessInstanceByKey(HostFailureRecovery.PROCESS_KEY, notification.uuid(), variables);
    }
}
