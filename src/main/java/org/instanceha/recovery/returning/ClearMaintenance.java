package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.HostReturn;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.segment.HostRepository;
import org.springframework.stereotype.Component;

/**
 * "Clear maintenance", the last step: the host is off maintenance, so the host monitor watches it and a failure of
 * it is recovered again; its return is recorded {@code returned} with the time from its coming back.
 */
@Reads({"notificationUuid", "hostname", "returnId"})
@Component
public class ClearMaintenance extends RecoveryTask {

    private final HostRepository hosts;
    private final HostReturns returns;
    private final ReturnMetrics metrics;
    private final Clock clock;

    public ClearMaintenance(RecoveryProgress progress, HostRepository hosts, HostReturns returns,
                            ReturnMetrics metrics, Clock clock) {
        super(progress);
        this.hosts = hosts;
        this.returns = returns;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String name = task.required(HOSTNAME);
        long id = Long.parseLong(task.required(RETURN_ID));
        hosts.findByName(name).ifPresent(h -> hosts.takeOffMaintenance(h.id(), UtcTime.now(clock)));
        HostReturn before = returns.find(id).orElseThrow();
        returns.settle(id, HostReturn.RETURNED, null, UtcTime.now(clock));
        metrics.returned(before, UtcTime.now(clock));
        task.success(name + " is back in service: off maintenance, watched by the host monitor again.");
    }
}
