package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.instanceha.common.UtcTime;
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
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.recovery.planning.TargetPlanning;
import org.instanceha.segment.Segment;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveAttempts;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Hand over to an operator": the engine could not recover the instance, so a person decides. The notification
 * is {@code error} from now on (what Masakari shows) until every instance ends recovered; the user task that
 * follows gets everything needed to decide, as the variables its form shows: the instance, Nova's last state
 * and fault, every attempt with its target and message, the notification, the segment and its recovery method,
 * and the segment's hosts that could take the instance now, with their free room.
 */
@Reads({"notificationUuid", "vmoveId"})
@Writes({"attempts", "candidateHostsSummary", "instanceName", "instanceUuid", "notificationSummary",
        "novaFault", "novaState", "operatorGroup", "segmentSummary", "sourceHost"})
@Component
public class HandOverToOperator extends RecoveryTask {

    private static final Logger log = LoggerFactory.getLogger(HandOverToOperator.class);

    private final VmMoveRepository vmoves;
    private final VmMoveAttempts attempts;
    private final NotificationRepository notifications;
    private final TargetPlanning planning;
    private final Compute compute;
    private final RecoveryProperties properties;
    private final Clock clock;

    HandOverToOperator(RecoveryProgress progress, VmMoveRepository vmoves,
                VmMoveAttempts attempts, NotificationRepository notifications,
                       TargetPlanning planning, Compute compute, RecoveryProperties properties, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.attempts = attempts;
        this.notifications = notifications;
        this.planning = planning;
        this.compute = compute;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove move = vmoves.require(task.required(VMOVE_ID));
        Notification notification = notifications.require(task.notificationUuid());
        Segment segment = planning.failedHost(move.sourceHost()).segment();
        Optional<Server> server = compute.server(move.instanceUuid());
        List<TargetPlanner.Candidate> withRoom = OperatorRules.hostsWithRoom(planning.candidates(move.sourceHost()),
                move.vcpus(), move.ramMb());

        task.set(OPERATOR_GROUP, properties.operatorGroup());
        task.set(INSTANCE_NAME, move.instanceName());
        task.set(INSTANCE_UUID, move.instanceUuid());
        task.set(SOURCE_HOST, move.sourceHost());
        task.set(NOVA_STATE, server.map(s -> "status " + s.status() + ", vm_state " + s.vmState() + ", task_state "
                + (s.taskState() == null ? "none" : s.taskState()) + ", on host " + s.host()
                + (s.locked() ? ", locked" : ", unlocked")).orElse("Nova no longer knows this instance."));
        task.set(NOVA_FAULT, server.map(Server::fault).filter(f -> f != null && !f.isBlank()).orElse("none"));
        task.set(ATTEMPTS, attempts.attemptsOf(move.notificationUuid(), move.instanceUuid()).stream()
                .map(a -> "- Attempt " + a.attempt() + (a.targetHost() != null ? " on " + a.targetHost()
                        : a.startTime() != null ? " on a host of Nova's choice" : ", not placed") + ": "
                        + a.status().wireName() + (a.message() == null ? "" : ", " + a.message()))
                .collect(Collectors.joining("\n")));
        task.set(NOTIFICATION_SUMMARY, notification.type().name() + " notification " + notification.uuid()
                + " for host " + move.sourceHost() + ", generated " + notification.generatedTime() + " UTC");
        task.set(SEGMENT_SUMMARY, segment.name() + " (recovery method " + segment.recoveryMethod().wireName() + ")");
        task.set(CANDIDATE_HOSTS_SUMMARY, withRoom.isEmpty()
                ? "None: no host of the segment is up, enabled, off maintenance and has " + move.vcpus() + " vCPU and "
                + move.ramMb() + " MB RAM free now."
                : withRoom.stream().map(c -> c.host() + " (" + c.freeVcpus() + " vCPU, " + c.freeRamMb() + " MB RAM free"
                        + (c.reserved() ? ", reserved" : "") + ")").collect(Collectors.joining(", ")));

        String message = move.instanceName() + " could not be recovered after " + move.attempt()
                + " attempt(s); handed to the operators (group " + properties.operatorGroup() + ").";
        notifications.updateStatus(move.notificationUuid(), NotificationStatus.ERROR, message, UtcTime.now(clock));
        task.error(message);
        log.warn("Handed {} ({}) of notification {} to the operators (group {}) after {} attempt(s)",
                move.instanceName(), move.instanceUuid(), move.notificationUuid(), properties.operatorGroup(),
                move.attempt());
    }
}
