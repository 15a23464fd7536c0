package org.instanceha.recovery.evacuation;

import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.recovery.planning.TargetPlanning;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveAttempts;
import org.instanceha.vmove.VmMoveRepository;
import org.springframework.stereotype.Component;

/**
 * "Plan a retry": the automatic retry of a failed evacuation is a new attempt, its own VM move, on a target
 * planned by the segment's recovery method over today's free room, excluding the source and every target that
 * failed before ({@link OperatorRules#excludedTargets}). When no host fits, the new attempt fails at once with
 * the planner's reason. The branch goes on with the new attempt.
 */
@Reads({"notificationUuid", "recoveryMethod", "vmoveId"})
@Writes({"destinationHost", "evacuationDeadline", "evacuationState", "failureMessage", "slotClaimed",
        "vmoveId"})
@Component
public class PlanRetry extends RecoveryTask {

    private final TargetPlanning planning;
    private final VmMoveRepository vmoves;
    private final VmMoveAttempts attempts;
    private final Clock clock;

    PlanRetry(RecoveryProgress progress, TargetPlanning planning, VmMoveRepository vmoves,
                VmMoveAttempts attempts, Clock clock) {
        super(progress);
        this.planning = planning;
        this.vmoves = vmoves;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        VmMove failed = vmoves.require(task.required(VMOVE_ID));
        RecoveryMethod method = RecoveryMethod.fromWire(task.text(RECOVERY_METHOD)).orElse(RecoveryMethod.AUTO);
        Set<String> excluded = OperatorRules.excludedTargets(
                attempts.attemptsOf(failed.notificationUuid(), failed.instanceUuid()));
        List<TargetPlanner.Candidate> candidates = planning.candidates(failed.sourceHost()).stream()
                .filter(c -> !excluded.contains(c.host())).toList();
        TargetPlanner.Plan plan = TargetPlanner.plan(method, List.of(new TargetPlanner.Instance(failed.uuid(),
                failed.instanceName(), failed.vcpus(), failed.ramMb(), TargetPlanner.PROTECTED)), candidates);
        TargetPlanner.Placement placement = plan.placements().get(0);
        for (String reservedHost : plan.reservedHostsUsed()) {
            planning.takeIntoUse(reservedHost, failed.sourceHost(), task);
        }
        VmMove retry = attempts.createNextAttempt(failed, placement.host(), UtcTime.now(clock));
        startAttempt(task, retry);
        if (placement.host() == null) {
            vmoves.failed(retry.uuid(), "Retry: " + placement.reason(), UtcTime.now(clock));
            task.error("No host other than " + String.join(", ", excluded) + " can take " + failed.instanceName()
                    + " for attempt " + retry.attempt() + ": " + placement.reason());
        } else {
            task.success("Attempt " + retry.attempt() + " for " + failed.instanceName() + ": planned on "
                    + placement.host() + " (method " + method.wireName() + ", not on " + String.join(", ", excluded)
                    + ").");
        }
    }

    /** The branch goes on with {@code attempt}, with nothing left over from the one before. */
    static void startAttempt(TaskRun task, VmMove attempt) {
        task.set(VMOVE_ID, attempt.uuid());
        task.set(SLOT_CLAIMED, false);
        task.set(EVACUATION_DEADLINE, null);
        task.set(EVACUATION_STATE, null);
        task.set(DESTINATION_HOST, null);
        task.set(FAILURE_MESSAGE, null);
    }
}
