package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.NotificationOutcome;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryMetrics;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.vmove.VmMoveAttempts;
import org.instanceha.vmove.VmMoveCounts;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Conclude notification": {@code finished} when every instance ended recovered (by the engine, by a retry, or
 * by hand: its latest attempt succeeded), {@code error} otherwise (an operator gave one up), with the
 * instances' summary as its message.
 */
@Reads({"notificationUuid"})
@Writes({"allRecovered"})
@Component
public class ConcludeNotification extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final VmMoveAttempts attempts;
    private final NotificationRepository notifications;
    private final NotificationOutcome outcome;
    private final RecoveryMetrics metrics;

    public ConcludeNotification(RecoveryProgress progress, VmMoveRepository vmoves, VmMoveAttempts attempts,
                                NotificationRepository notifications, NotificationOutcome outcome,
                                RecoveryMetrics metrics) {
        super(progress);
        this.vmoves = vmoves;
        this.attempts = attempts;
        this.notifications = notifications;
        this.outcome = outcome;
        this.metrics = metrics;
    }

    @Override
    protected void run(TaskRun task) {
        VmMoveCounts counts = attempts.countLatestByStatus(task.notificationUuid());
        boolean allRecovered = counts.get(VmMoveStatus.FAILED) == 0 && counts.unfinished() == 0;
        outcome.end(task.notificationUuid(), allRecovered ? NotificationStatus.FINISHED : NotificationStatus.ERROR,
                counts.summary(), task);
        task.set(ALL_RECOVERED, allRecovered);
        metrics.recoveryConcluded(notifications.require(task.notificationUuid()), counts,
                vmoves.allOf(task.notificationUuid()));
    }
}
