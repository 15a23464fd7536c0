package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.fencing.FencingProperties;
import org.instanceha.notification.ComputeHostPayload;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.NextStep;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.RestStartRegistration;
import org.instanceha.recovery.TaskProgress;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.WorkflowNames;
import org.instanceha.segment.ControlAttributes;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.RecoveryMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Register notification": the notification is {@code running}; a STOPPED host goes on maintenance; decides
 * what comes next ({@link RegistrationRules}). A workflow started through Camunda's REST API has no
 * notification yet: this registers one from its variables under the v1 API's rules, or rejects the start with
 * a reason.
 */
@Reads({"notificationUuid", "generatedTime", "hostname", "payload", "type"})
@Writes({"evacuationPollInterval", "fencingPollInterval", "fencingRetryDelay", "finishReason", "forceDown", "powerOnAfterRecovery", "hostname", "ignoreReason", "nextStep", "notificationUuid",
        "recoveryMethod", "rejectionReason", "retryDelay", "segmentEnabled", "segmentName",
        "serviceDownDeadline", "servicePollInterval", "slotWaitInterval"})
@Component
public class RegisterNotification extends RecoveryTask {

    private static final Logger log = LoggerFactory.getLogger(RegisterNotification.class);

    /** What registering found out. */
    public record Registration(NextStep nextStep, String reason, String hostname, boolean segmentEnabled,
                               RecoveryMethod recoveryMethod, String segmentName, boolean hasBmc) {
    }

    private final RestStartRegistration restStarts;
    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final HostReturns returns;
    private final RecoveryProperties properties;
    private final FencingProperties fencing;
    private final Clock clock;

    public RegisterNotification(RecoveryProgress progress, RestStartRegistration restStarts,
                                NotificationRepository notifications, HostRepository hosts, HostReturns returns,
                                RecoveryProperties properties, FencingProperties fencing, Clock clock) {
        super(progress);
        this.restStarts = restStarts;
        this.notifications = notifications;
        this.hosts = hosts;
        this.returns = returns;
        this.properties = properties;
        this.fencing = fencing;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String uuid = restStarts.notificationOf(task, NotificationType.COMPUTE_HOST);
        if (uuid == null) {
            return;
        }
        Registration registration = register(uuid, task);
        task.set(NEXT_STEP, registration.nextStep());
        task.set(HOSTNAME, registration.hostname());
        task.set(SEGMENT_ENABLED, registration.segmentEnabled());
        task.set(RECOVERY_METHOD, registration.recoveryMethod().wireName());
        task.set(SEGMENT_NAME, registration.segmentName());
        task.set(FORCE_DOWN, properties.forceDown());
        // "Finish notification" reports the reason of a report that needs nothing (STARTED), "Ignore
        // notification" that of one the engine leaves alone.
        task.set(registration.nextStep() == NextStep.FINISH ? WorkflowNames.FINISH_REASON : IGNORE_REASON,
                registration.reason());
        task.setInstant(SERVICE_DOWN_DEADLINE, clock.instant().plus(properties.serviceDownTimeout()));
        task.set(SERVICE_POLL_INTERVAL, properties.serviceDownPollInterval().toString());
        task.set(EVACUATION_POLL_INTERVAL, properties.evacuationPollInterval().toString());
        task.set(SLOT_WAIT_INTERVAL, properties.slotWaitInterval().toString());
        task.set(RETRY_DELAY, properties.retryDelay().toString());
        task.set(FENCING_POLL_INTERVAL, fencing.powerPollInterval().toString());
        task.set(FENCING_RETRY_DELAY, fencing.retryDelay().toString());
        task.set(POWER_ON_AFTER_RECOVERY, fencing.powerOnAfterRecovery() && registration.hasBmc());
    }

    /** Marks the notification running, puts a STOPPED host on maintenance, and decides what comes next. */
    public Registration register(String uuid, TaskProgress progress) {
        Notification notification = notifications.require(uuid);
        Host host = hosts.findByUuid(notification.sourceHostUuid()).orElseThrow(() ->
                new IllegalStateException("host " + notification.sourceHostUuid() + " of notification " + uuid
                        + " is gone"));
        ComputeHostPayload payload = ComputeHostPayload.of(notification);
        boolean hasBmc = ControlAttributes.bmc(host.controlAttributes()).isPresent();
        RegistrationRules.Decision decision = RegistrationRules.decide(payload.event(), payload.hostStatus(),
                host.name(), hasBmc);
        if (!notifications.updateStatus(uuid, NotificationStatus.RUNNING, null, UtcTime.now(clock))) {
            log.warn("Notification {} has ended already; its workflow runs again but it keeps its status", uuid);
        }
        if (payload.stopped()) {
            hosts.putOnMaintenance(host.id(), UtcTime.now(clock));
            returns.tookOut(uuid, host.uuid(), host.name(), UtcTime.now(clock));
            progress.running(0.5, "Host " + host.name() + " is on maintenance from now on"
                    + (host.reserved() ? " and no longer reserved" : "") + ".");
        }
        boolean enabled = host.segment().enabled();
        String reason = decision.reason();
        if (decision.nextStep() == NextStep.RECOVER && !enabled) {
            reason = "Failover segment " + host.segment().name() + " is disabled: the failure of " + host.name()
                    + " was recorded, and nothing was evacuated.";
        }
        progress.success(reason != null ? reason : "Host " + host.name() + " failed (host_status "
                + payload.hostStatus() + "): " + (hasBmc ? "fencing it through its BMC, then recovering"
                : "the report confirms fencing; recovering") + " with method "
                + host.segment().recoveryMethod().wireName() + ".");
        return new Registration(decision.nextStep(), reason, host.name(), enabled, host.segment().recoveryMethod(),
                host.segment().name(), hasBmc);
    }
}
