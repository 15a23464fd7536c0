package org.instanceha.recovery;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.RecoveryStarter;
import org.springframework.stereotype.Component;

/**
 * Starts the recovery workflow of a stored notification by its type ({@code host-failure-recovery} for
 * {@code COMPUTE_HOST}, {@code instance-failure-recovery} for {@code VM}, {@code process-failure-recovery} for
 * {@code PROCESS}); business key = its uuid.
 */
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
        runtime.startProcessInstanceByKey(processKey(notification.type()), notification.uuid(), variables);
    }

    static String processKey(NotificationType type) {
        return switch (type) {
            case COMPUTE_HOST -> HostFailureRecovery.PROCESS_KEY;
            case PROCESS -> ProcessFailureRecovery.PROCESS_KEY;
            case VM -> InstanceFailureRecovery.PROCESS_KEY;
        };
    }
}
