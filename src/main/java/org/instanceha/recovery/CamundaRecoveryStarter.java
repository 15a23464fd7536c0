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
        variables.put(WorkflowNames.NOTIFICATION_UUID, notification.uuid());
        variables.put(WorkflowNames.TYPE, notification.type().name());
        variables.put(WorkflowNames.GENERATED_TIME, notification.generatedTime().toString());
        variables.put(WorkflowNames.PAYLOAD, notification.payload());
        runtime.startProcessInstanceByKey(processKey(notification.type()), notification.uuid(), variables);
    }

    static String processKey(NotificationType type) {
        return switch (type) {
            case COMPUTE_HOST -> WorkflowNames.HOST_FAILURE_RECOVERY;
            case PROCESS -> WorkflowNames.PROCESS_FAILURE_RECOVERY;
            case VM -> WorkflowNames.INSTANCE_FAILURE_RECOVERY;
        };
    }
}
