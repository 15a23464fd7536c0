package org.instanceha.recovery;

import static org.instanceha.recovery.WorkflowNames.*;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.springframework.stereotype.Component;

/**
 * "Ignore notification": the notification is {@code ignored}, with the reason "Register notification" gave.
 */
@Reads({"notificationUuid", "ignoreReason"})
@Component
public class IgnoreNotification extends RecoveryTask {

    private final NotificationOutcome outcome;

    public IgnoreNotification(RecoveryProgress progress, NotificationOutcome outcome) {
        super(progress);
        this.outcome = outcome;
    }

    @Override
    protected void run(TaskRun task) {
        outcome.end(task.notificationUuid(), NotificationStatus.IGNORED, task.required(IGNORE_REASON), task);
    }
}
