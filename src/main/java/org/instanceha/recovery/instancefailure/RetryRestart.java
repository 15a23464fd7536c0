package org.instanceha.recovery.instancefailure;

import static org.instanceha.recovery.instancefailure.InstanceFailureRecovery.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.InstanceRestartRepository;
import org.springframework.stereotype.Component;

/**
 * "Retry the restart" (instance failure): a new attempt, a row of its own, to stop and start the instance
 * again; the failed attempt records who chose the retry, and when.
 */
@Reads({"notificationUuid", "operatorComment", "operatorUser", "restartId"})
@Writes({"operatorComment", "operatorDecision", "restartId"})
@Component
public class RetryRestart extends RecoveryTask {

    private final InstanceRestartRepository restarts;
    private final Compute compute;
    private final Clock clock;

    RetryRestart(RecoveryProgress progress, InstanceRestartRepository restarts, Compute compute, Clock clock) {
        super(progress);
        this.restarts = restarts;
        this.compute = compute;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        InstanceRestart failed = restarts.require(task.required(RESTART_ID));
        String operator = task.required(OPERATOR_USER);
        String comment = task.text(OPERATOR_COMMENT);
        var now = UtcTime.now(clock);
        restarts.decided(failed.uuid(), failed.status(), failed.message() + " " + operator + " chose a retry at " + now
                + " UTC" + (comment == null || comment.isBlank() ? "." : ": " + comment.strip()), operator,
                OperatorRules.Decision.RETRY.wireName(), now);
        String vmState = compute.server(failed.instanceUuid()).map(Server::vmState).orElse("unknown");
        InstanceRestart retry = restarts.start(failed.notificationUuid(), failed.attempt() + 1, failed.instanceUuid(),
                failed.instanceName(), failed.host(), vmState, now);
        task.set(RESTART_ID, retry.uuid());
        task.set(OPERATOR_DECISION, null); // the next hand-over, if any, opens an empty form
        task.set(OPERATOR_COMMENT, null);
        task.success(operator + " chose attempt " + retry.attempt() + " to restart " + failed.instanceName() + ".");
    }
}
