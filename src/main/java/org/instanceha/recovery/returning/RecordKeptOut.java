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

/** "Record kept out": the host stays out of service, for the reason an operator or the policy gave. */
@Reads({"notificationUuid", "returnId", "keepOutReason"})
@Component
public class RecordKeptOut extends RecoveryTask {

    private final HostReturns returns;
    private final ReturnMetrics metrics;
    private final Clock clock;

    public RecordKeptOut(RecoveryProgress progress, HostReturns returns, ReturnMetrics metrics, Clock clock) {
        super(progress);
        this.returns = returns;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String reason = task.required(KEEP_OUT_REASON);
        returns.settle(Long.parseLong(task.required(RETURN_ID)), HostReturn.KEPT_OUT, reason, UtcTime.now(clock));
        metrics.ended(HostReturn.KEPT_OUT);
        task.success(reason);
    }
}
