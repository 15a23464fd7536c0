package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.InstancePayload;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.segment.Segment;
import org.instanceha.segment.SegmentRepository;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Hand over the restart to an operator" (instance failure): the instance did not come back ACTIVE, so a
 * person decides. The notification is {@code error} meanwhile; the user task that follows gets, as the
 * variables its form shows, the instance, its host, Nova's state and fault, every attempt with how it went,
 * the notification and the segment.
 */
@Reads({"notificationUuid", "restartId"})
@Writes({"attempts", "instanceName", "instanceUuid", "notificationSummary", "novaFault", "novaState",
        "operatorGroup", "segmentSummary", "sourceHost"})
@Component
public class HandOverRestartToOperator extends RecoveryTask {

    private static final Logger log = LoggerFactory.getLogger(HandOverRestartToOperator.class);

    private final InstanceRestartRepository restarts;
    private final NotificationRepository notifications;
    private final SegmentRepository segments;
    private final Compute compute;
    private final RecoveryProperties properties;
    private final Clock clock;

    HandOverRestartToOperator(RecoveryProgress progress, InstanceRestartRepository restarts,
                              NotificationRepository notifications, SegmentRepository segments, Compute compute,
                              RecoveryProperties properties, Clock clock) {
        super(progress);
        this.restarts = restarts;
        this.notifications = notifications;
        this.segments = segments;
        this.compute = compute;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart restart = restarts.require(task.required(RESTART_ID));
        Notification notification = notifications.require(task.notificationUuid());
        InstancePayload payload = InstancePayload.of(notification);
        Optional<Server> server = compute.server(restart.instanceUuid());
        Optional<Segment> segment = segments.findByUuid(notification.segmentUuid());

        task.set(OPERATOR_GROUP, properties.operatorGroup());
        task.set(INSTANCE_NAME, restart.instanceName());
        task.set(INSTANCE_UUID, restart.instanceUuid());
        task.set(SOURCE_HOST, restart.host());
        task.set(NOVA_STATE, server.map(s -> InstanceFailureRules.describe(s) + (s.locked() ? ", locked" : ""))
                .orElse("Nova no longer knows this instance."));
        task.set(NOVA_FAULT, server.map(Server::fault).filter(f -> f != null && !f.isBlank()).orElse("none"));
        task.set(ATTEMPTS, restarts.allOf(notification.uuid()).stream()
                .map(a -> "- Attempt " + a.attempt() + ": " + a.status().wireName() + ", " + a.states()
                        + (a.message() == null ? "" : ", " + a.message()))
                .collect(Collectors.joining("\n")));
        task.set(NOTIFICATION_SUMMARY, "VM notification " + notification.uuid() + " from host " + restart.host()
                + ": " + payload.event() + " (" + payload.virDomainEvent() + "), generated "
                + notification.generatedTime() + " UTC");
        task.set(SEGMENT_SUMMARY, segment.map(s -> s.name() + " (recovery method " + s.recoveryMethod().wireName()
                + ")").orElse("none"));

        String message = restart.instanceName() + " did not come back ACTIVE after " + restart.attempt()
                + " restart attempt(s); handed to the operators (group " + properties.operatorGroup() + ").";
        notifications.updateStatus(notification.uuid(), NotificationStatus.ERROR, message, UtcTime.now(clock));
        task.error(message);
        log.warn("Handed the restart of {} ({}) of notification {} to the operators (group {}) after {} attempt(s)",
                restart.instanceName(), restart.instanceUuid(), notification.uuid(), properties.operatorGroup(),
                restart.attempt());
    }
}
