package org.instanceha.recovery.processfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.processfailure.ProcessFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.ProcessPayload;
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
 * "Register process failure": the notification is {@code running}; decides what comes next ({@link
 * ProcessFailureRules}). A workflow started through Camunda's REST API registers its notification here ({@link
 * RestStartRegistration}).
 */
@Reads({"notificationUuid", "generatedTime", "hostname", "payload", "type"})
@Writes({"disableReason", "disableService", "finishReason", "hostname", "ignoreReason", "nextStep",
        "notificationUuid", "processName", "rejectionReason", "segmentEnabled", "serviceDisabledDeadline",
        "servicePollInterval"})
@Component
public class RegisterProcessFailure extends RecoveryTask {

    private final RestStartRegistration restStarts;
    private final NotificationRepository notifications;
    private final ProcessFailureProperties properties;
    private final Clock clock;

    RegisterProcessFailure(RecoveryProgress progress, RestStartRegistration restStarts,
                           NotificationRepository notifications,
                           ProcessFailureProperties properties, Clock clock) {
        super(progress);
        this.restStarts = restStarts;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String uuid = restStarts.notificationOf(task, NotificationType.PROCESS);
        if (uuid == null) {
            return;
        }
        Notification notification = notifications.require(uuid);
        Host host = restStarts.hostOf(notification);
        ProcessPayload payload = ProcessPayload.of(notification);
        ProcessFailureRules.Decision decision = ProcessFailureRules.decide(payload.event(), payload.processName(),
                host.name());
        notifications.updateStatus(uuid, NotificationStatus.RUNNING, null, UtcTime.now(clock));
        boolean enabled = host.segment().enabled();
        task.set(NEXT_STEP, decision.nextStep());
        task.set(HOSTNAME, host.name());
        task.set(PROCESS_NAME, payload.processName());
        task.set(SEGMENT_ENABLED, enabled);
        task.set(IGNORE_REASON, "Failover segment " + host.segment().name() + " is disabled: the stop of "
                + payload.processName() + " on " + host.name() + " was recorded, and nothing was done.");
        task.set(FINISH_REASON, decision.reason());
        task.set(DISABLE_SERVICE, decision.disableService());
        task.set(DISABLE_REASON, "instance-ha: " + payload.processName() + " stopped on " + host.name()
                + ", notification " + uuid);
        task.setInstant(SERVICE_DISABLED_DEADLINE, clock.instant().plus(properties.disableConfirmTimeout()));
        task.set(SERVICE_POLL_INTERVAL, properties.disablePollInterval().toString());
        task.success(decision.reason() != null && decision.nextStep() == NextStep.FINISH ? decision.reason()
                : "Process " + payload.processName() + " stopped on " + host.name() + ".");
    }
}
