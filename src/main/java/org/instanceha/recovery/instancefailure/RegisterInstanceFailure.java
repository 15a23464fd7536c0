package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.InstancePayload;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.NextStep;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.RestStartRegistration;
import org.instanceha.recovery.TaskRun;
import org.instanceha.segment.Host;
import org.springframework.stereotype.Component;

/**
 * "Register instance failure": the notification is {@code running}; whether its segment is enabled and whether
 * its event pair calls for a recovery ({@link InstanceFailureRules}). A workflow started through Camunda's
 * REST API registers its notification here ({@link RestStartRegistration}).
 */
@Reads({"notificationUuid", "generatedTime", "hostname", "payload", "type"})
@Writes({"eventCallsForRecovery", "hostname", "ignoreReason", "instanceUuid", "nextStep",
        "notificationUuid", "powerPollInterval", "rejectionReason", "segmentEnabled"})
@Component
public class RegisterInstanceFailure extends RecoveryTask {

    private final RestStartRegistration restStarts;
    private final NotificationRepository notifications;
    private final InstanceFailureProperties properties;
    private final Clock clock;

    RegisterInstanceFailure(RecoveryProgress progress, RestStartRegistration restStarts,
                            NotificationRepository notifications,
                            InstanceFailureProperties properties, Clock clock) {
        super(progress);
        this.restStarts = restStarts;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String uuid = restStarts.notificationOf(task, NotificationType.VM);
        if (uuid == null) {
            return;
        }
        Notification notification = notifications.require(uuid);
        Host host = restStarts.hostOf(notification);
        InstancePayload payload = InstancePayload.of(notification);
        boolean enabled = host.segment().enabled();
        boolean recover = InstanceFailureRules.callsForRecovery(payload.event(), payload.virDomainEvent());
        notifications.updateStatus(uuid, NotificationStatus.RUNNING, null, UtcTime.now(clock));
        task.set(NEXT_STEP, NextStep.RECOVER);
        task.set(HOSTNAME, host.name());
        task.set(INSTANCE_UUID, payload.instanceUuid());
        task.set(SEGMENT_ENABLED, enabled);
        task.set(EVENT_CALLS_FOR_RECOVERY, recover);
        task.set(IGNORE_REASON, !enabled
                ? "Failover segment " + host.segment().name() + " is disabled: the failure of instance "
                + payload.instanceUuid() + " on " + host.name() + " was recorded, and nothing was done."
                : InstanceFailureRules.ignoredEvent(payload.event(), payload.virDomainEvent(), payload.instanceUuid()));
        task.set(POWER_POLL_INTERVAL, properties.pollInterval().toString());
        task.success("Instance " + payload.instanceUuid() + " on " + host.name() + " reported " + payload.event()
                + " (" + payload.virDomainEvent() + ").");
    }
}
