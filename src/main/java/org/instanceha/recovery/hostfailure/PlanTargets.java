package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.evacuation.InstanceEvacuation.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskProgress;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.recovery.planning.TargetPlanning;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveAttempts;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Plan targets": a target host for every pending VM move of the notification, by a recovery method ({@link
 * TargetPlanner}) over the segment's healthy hosts ({@link CandidateHostRules}); moves nothing can take fail
 * at once, with the planner's reason (then their retries and the operators take over). A reserved host the
 * plan uses is taken into use ({@link TargetPlanning#takeIntoUse}).
 * <p> The method is the task's input {@code recoveryMethod} in the model (one task per method behind the
 * gateway "Recovery method"); a task without it plans by the segment's method, the process variable {@code
 * recoveryMethod}.
 */
@Reads({"notificationUuid", "hostname", "recoveryMethod"})
@Writes({"vmoveIds"})
@Component
public class PlanTargets extends RecoveryTask {

    private final TargetPlanning planning;
    private final VmMoveRepository vmoves;
    private final VmMoveAttempts attempts;
    private final Clock clock;

    PlanTargets(RecoveryProgress progress, TargetPlanning planning, VmMoveRepository vmoves,
                VmMoveAttempts attempts, Clock clock) {
        super(progress);
        this.planning = planning;
        this.vmoves = vmoves;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        // The task's input mapping when the model gives one, else the workflow's variable (the segment's).
        String given = task.text(RECOVERY_METHOD);
        RecoveryMethod method = RecoveryMethod.fromWire(given).orElseThrow(() -> new IllegalStateException(
                "Task '" + task.taskName() + "' needs a recovery method (" + String.join(", ",
                        RecoveryMethod.wireNames()) + ") as its input '" + RECOVERY_METHOD + "', not " + given + "."));
        task.set(VMOVE_IDS, new ArrayList<>(plan(task.notificationUuid(), task.required(HOSTNAME), method, task)));
    }

    /**
     * Plans the notification's pending moves; returns the ids of all its moves: those with a target, and
     * those that fit nowhere (failed at once, so that their retries and operators take over).
     */
    public List<String> plan(String uuid, String failedHost, RecoveryMethod method, TaskProgress progress) {
        TargetPlanning.Room room = planning.room(failedHost);
        List<TargetPlanner.Candidate> candidates = room.candidates();
        // Moves already started or planned (a second run) keep their target; only pending ones are planned.
        List<TargetPlanner.Instance> instances = vmoves.allOf(uuid).stream()
                .filter(m -> m.status() == VmMoveStatus.PENDING && m.targetHost() == null)
                .map(m -> new TargetPlanner.Instance(m.uuid(), m.instanceName(), m.vcpus(), m.ramMb(),
                        m.haEnabled() ? TargetPlanner.PROTECTED : TargetPlanner.UNPROTECTED)).toList();
        TargetPlanner.Plan plan = TargetPlanner.plan(method, instances, candidates, room.alsoFailing());
        vmoves.createSlotLock(uuid);
        for (String reservedHost : plan.reservedHostsUsed()) {
            planning.takeIntoUse(reservedHost, failedHost, progress);
        }
        for (TargetPlanner.Placement placement : plan.placements()) {
            if (placement.host() != null) {
                vmoves.planTarget(placement.instance().id(), placement.host(), UtcTime.now(clock));
            } else {
                vmoves.failed(placement.instance().id(), placement.reason(), UtcTime.now(clock));
            }
        }
        List<VmMove> moves = attempts.latestOf(uuid);
        long skipped = moves.stream().filter(m -> m.status() == VmMoveStatus.IGNORED).count();
        long unplaced = moves.stream().filter(m -> m.targetHost() == null).count() - skipped;
        String message = "Planned " + (moves.size() - skipped - unplaced) + " evacuation(s) with method " + method.wireName()
                + " over " + candidates.size() + " host(s)" + (unplaced > 0 ? "; " + unplaced
                + " instance(s) did not fit anywhere" : "") + ".";
        if (unplaced == 0) {
            progress.success(message);
        } else {
            progress.error(message);
        }
        // A skipped instance (its policy's action) is not evacuated: its move is ignored from the start.
        return moves.stream().filter(m -> m.status() != VmMoveStatus.IGNORED).map(VmMove::uuid).toList();
    }
}
