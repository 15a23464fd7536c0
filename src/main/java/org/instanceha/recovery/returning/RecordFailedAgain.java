package org.instanceha.recovery.returning;

import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.HostReturn;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.springframework.stereotype.Component;

/**
 * "Record failed again": the host stopped reporting before it returned. It stays out of service, and its return
 * is open again: the host monitor starts a new one once the host is healthy again.
 */
@Reads({"notificationUuid", "returnId", "keepOutReason"})
@Component
public class RecordFailedAgain extends RecoveryTask {

    private final HostReturns returns;
    private final ReturnMetrics metrics;
    private final Clock clock;

    public RecordFailedAgain(RecoveryProgress progress, HostReturns returns, ReturnMetrics metrics, Clock clock) {
        super(progress);
        this.returns = returns;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String reason = task.required(KEEP_OUT_REASON);
        returns.settle(Long.parseLong(task.required(RETURN_ID)), HostReturn.OUT, reason, UtcTime.now(clock));
        metrics.ended("failed_again");
        task.error(reason);
    }
}
