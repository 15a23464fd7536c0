package org.instanceha.recovery;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.ProgressState;
import org.springframework.stereotype.Component;

/**
 * How the tasks that end a workflow ("Finish notification", "Ignore notification", "Fail
 * notification", "Conclude notification") end its notification: the final status and message, and
 * the task's final progress entry. A notification that ended before keeps its status.
 */
@Component
public class NotificationOutcome {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NotificationOutcome.class);

    private final NotificationRepository notifications;
    private final RecoveryMetrics metrics;
    private final Clock clock;

    NotificationOutcome(NotificationRepository notifications, RecoveryMetrics metrics, Clock clock) {
        this.notifications = notifications;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void end(String uuid, NotificationStatus status, String message, TaskProgress progress) {
        var now = UtcTime.now(clock);
        if (notifications.endRecovery(uuid, status, message, now)) {
            metrics.recoveryEnded(notifications.require(uuid), status, now);
        } else {
            log.warn("Notification {} had ended before its workflow ended it; it keeps its status, not {}", uuid,
                    status.wireName());
        }
        progress.record(ProgressState.ofEnding(status), 1.0, message);
        if (status == NotificationStatus.ERROR || status == NotificationStatus.FAILED) {
            log.warn("Notification {} ended {}: {}", uuid, status.wireName(), message);
        } else {
            log.info("Notification {} {}: {}", uuid, status.wireName(), message);
        }
    }
}
