package org.instanceha.recovery;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.springframework.stereotype.Component;

/**
 * "Finish notification": the notification is {@code finished}; there was nothing (more) to do.
 * Reads {@code notificationUuid}.
 */
@Component
public class FinishNotification extends RecoveryTask {

    private final NotificationOutcome outcome;

    public FinishNotification(RecoveryProgress progress, NotificationOutcome outcome) {
        super(progress);
        this.outcome = outcome;
    }

    @Override
    protected void run(TaskRun task) {
        outcome.end(task.notificationUuid(), NotificationStatus.FINISHED, "Nothing to evacuate.", task);
    }
}
