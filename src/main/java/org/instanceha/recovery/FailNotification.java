package org.instanceha.recovery;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.springframework.stereotype.Component;

/**
 * "Fail notification": the notification ends in {@code error}, for the reason {@code failureReason} gives;
 * without one, because Nova never reported the failed host's service down. Reads {@code notificationUuid},
 * {@code hostname}, {@code failureReason} (optional).
 */
@Reads({"notificationUuid", "failureReason", "hostname"})
@Component
public class FailNotification extends RecoveryTask {

    private final NotificationOutcome outcome;

    public FailNotification(RecoveryProgress progress, NotificationOutcome outcome) {
        super(progress);
        this.outcome = outcome;
    }

    @Override
    protected void run(TaskRun task) {
        String reason = task.text(WorkflowNames.FAILURE_REASON);
        outcome.end(task.notificationUuid(), NotificationStatus.ERROR, reason != null ? reason
                : "Nova did not report the nova-compute service of " + task.required(HOSTNAME) + " down in time, "
                + "so its instances could not be evacuated.", task);
    }
}
