package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.notification.ReturnProperties;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.vmove.Failbacks;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Fail back instances", one round: settles the live migrations home that ended (home: succeeded; anywhere else,
 * deleted, or past {@code instanceha.returning.failback-timeout}: failed), then asks Nova for the next ones, at most
 * {@code failback-parallel} in flight. A live migration Nova refuses is recorded failed and the instance stays
 * where it is: never asked again. A round that runs again after Nova took its request (a crash) finds the
 * instance migrating, and counts it started.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"failbackDone"})
@Component
public class FailBackInstances extends RecoveryTask {

    private final Compute compute;
    private final VmMoveRepository vmoves;
    private final Failbacks failbacks;
    private final ReturnProperties properties;
    private final ReturnMetrics metrics;
    private final Clock clock;

    public FailBackInstances(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves, Failbacks failbacks,
                             ReturnProperties properties, ReturnMetrics metrics, Clock clock) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
        this.failbacks = failbacks;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String home = task.required(HOSTNAME);
        LocalDateTime now = UtcTime.now(clock);
        int inFlight = 0;
        for (VmMove m : failbacks.of(task.notificationUuid())) {
            if (m.status() == VmMoveStatus.ONGOING && !settle(m, home, now)) {
                inFlight++;
            }
        }
        for (VmMove m : failbacks.of(task.notificationUuid())) {
            if (m.status() == VmMoveStatus.PENDING && inFlight < properties.failbackParallel()) {
                if (ask(m, home, now)) {
                    inFlight++;
                }
            }
        }
        List<VmMove> moves = failbacks.of(task.notificationUuid());
        long moved = moves.stream().filter(m -> m.status() == VmMoveStatus.SUCCEEDED).count();
        long failed = moves.stream().filter(m -> m.status() == VmMoveStatus.FAILED).count();
        long open = moves.stream().filter(m -> m.status().unfinished()).count();
        task.set(FAILBACK_DONE, open == 0);
        String figures = moved + " home, " + failed + " failed, " + open + " to go";
        if (open == 0) {
            task.success("Failback to " + home + " done: " + figures + ".");
        } else {
            task.running(moves.isEmpty() ? 1.0 : (double) (moves.size() - open) / moves.size(),
                    "Failback to " + home + ": " + figures + " (" + inFlight + " moving now).");
        }
    }

    /** Whether an ongoing move ended (and is recorded so). */
    private boolean settle(VmMove m, String home, LocalDateTime now) {
        Server server = compute.server(m.instanceUuid()).orElse(null);
        if (server == null) {
            fail(m, "deleted while it moved home", now);
        } else if (FailbackRules.settled(server) && home.equals(server.host())) {
            vmoves.succeeded(m.uuid(), home, now);
            metrics.failback("succeeded");
        } else if (FailbackRules.settled(server)) {
            fail(m, "Nova did not move it: still on " + server.host() + (server.fault() == null ? ""
                    : " (" + server.fault() + ")"), now);
        } else if (m.startTime() != null && Duration.between(m.startTime(), now)
                .compareTo(properties.failbackTimeout()) > 0) {
            fail(m, "not home within " + properties.failbackTimeout().toMinutes() + " min (task_state "
                    + server.taskState() + "): check it in Nova", now);
        } else {
            return false;
        }
        return true;
    }

    /** Asks Nova to move one instance home; whether it is moving now. */
    private boolean ask(VmMove m, String home, LocalDateTime now) {
        try {
            compute.liveMigrate(m.instanceUuid(), home);
            failbacks.started(m.uuid(), now);
            return true;
        } catch (ComputeException e) {
            if (e.retryable()) {
                throw e;
            }
            Server server = compute.server(m.instanceUuid()).orElse(null);
            if (server != null && ("migrating".equals(server.taskState()) || home.equals(server.host()))) {
                failbacks.started(m.uuid(), now); // asked before this round was recorded
                return true;
            }
            fail(m, "Nova refused its live migration home: " + e.getMessage(), now);
            return false;
        }
    }

    private void fail(VmMove m, String message, LocalDateTime now) {
        vmoves.failed(m.uuid(), message, now);
        metrics.failback("failed");
    }
}
