package org.instanceha.recovery;

import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.springframework.stereotype.Component;

/**
 * "Finish notification": the notification is {@code finished}; there was nothing (more) to do, or what {@code
 * finishReason} says was done.
 */
@Reads({"notificationUuid", "finishReason"})
@Component
public class FinishNotification extends RecoveryTask {

    private final NotificationOutcome outcome;

    public FinishNotification(RecoveryProgress progress, NotificationOutcome outcome) {
        super(progress);
        this.outcome = outcome;
    }

    @Override
    protected void run(TaskRun task) {
        String reason = task.text(WorkflowNames.FINISH_REASON);
        outcome.end(task.notificationUuid(), NotificationStatus.FINISHED, reason != null ? reason
                : "Nothing to evacuate.", task);
    }
}
