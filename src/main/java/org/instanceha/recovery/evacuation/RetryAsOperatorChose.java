package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.operator.OperatorTasks.*;

import java.time.Clock;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.recovery.planning.TargetPlanning;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveAttempts;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Retry as the operator chose": a new attempt, its own VM move, on the host the operator picked (a reserved
 * one is taken into use), or with no target so that Nova's scheduler chooses. The failed attempt records who
 * chose the retry, and when. The branch goes on with the new attempt.
 */
@Reads({"notificationUuid", "chosenHost", "operatorComment", "operatorDecision", "operatorUser", "vmoveId"})
@Writes({"destinationHost", "evacuationDeadline", "evacuationState", "failureMessage", "slotClaimed",
        "vmoveId"})
@Component
public class RetryAsOperatorChose extends RecoveryTask {

    private final VmMoveRepository vmoves;
    private final VmMoveAttempts attempts;
    private final TargetPlanning planning;
    private final Clock clock;

    RetryAsOperatorChose(RecoveryProgress progress, VmMoveRepository vmoves,
                VmMoveAttempts attempts, TargetPlanning planning, Clock clock) {
        super(progress);
        this.vmoves = vmoves;
        this.attempts = attempts;
        this.planning = planning;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove failed = vmoves.require(task.required(VMOVE_ID));
        boolean onHost = OperatorRules.Decision.RETRY_ON_HOST.wireName().equals(task.text(OPERATOR_DECISION));
        String host = onHost ? task.required(CHOSEN_HOST).strip() : null;
        String operator = task.required(OPERATOR_USER);
        var now = UtcTime.now(clock);
        if (host != null) {
            planning.candidates(failed.sourceHost()).stream().filter(c -> c.host().equals(host) && c.reserved())
                    .findFirst().ifPresent(c -> planning.takeIntoUse(host, failed.sourceHost(), task));
        }
        VmMove retry = attempts.createNextAttempt(failed, host, now);
        String comment = task.text(OPERATOR_COMMENT);
        vmoves.decided(failed.uuid(), failed.status(), null, failed.message() + " " + operator + " chose a retry "
                + (host != null ? "on " + host : "by Nova's scheduler") + " at " + now + " UTC"
                + (comment == null || comment.isBlank() ? "." : ": " + comment.strip()), operator,
                onHost ? OperatorRules.Decision.RETRY_ON_HOST.wireName() : OperatorRules.Decision.RETRY_SCHEDULER.wireName(),
                now);
        PlanRetry.startAttempt(task, retry);
        task.success(operator + " chose attempt " + retry.attempt() + " for " + failed.instanceName() + " "
                + (host != null ? "on " + host : "on a host Nova's scheduler chooses") + ".");
    }
}
