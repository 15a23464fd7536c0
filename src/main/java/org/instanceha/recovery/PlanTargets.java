package org.instanceha.recovery;

import static org.instanceha.recovery.HostFailureRecovery.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Aggregate;
import org.instanceha.nova.Compute;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Plan targets": a target host for every pending VM move of the notification, by a recovery method
 * ({@link TargetPlanner}) over the segment's healthy hosts ({@link CandidateHostRules}); moves nothing
 * can take fail at once, with the planner's reason. A reserved host the plan uses is taken into use:
 * its nova-compute enabled, optionally added to the failed host's aggregates, no longer reserved.
 * <p>
 * The method is the task's input {@code recoveryMethod} in the model (one task per method behind the
 * gateway "Recovery method"); a task without it plans by the segment's method, the process variable
 * {@code recoveryMethod}. Reads {@code notificationUuid}, {@code hostname}; writes {@code vmoveIds}
 * (the moves that have a target).
 */
@Component
public class PlanTargets extends RecoveryTask {

    private final HostRepository hosts;
    private final VmMoveRepository vmoves;
    private final Compute compute;
    private final RecoveryProperties properties;
    private final Clock clock;

    public PlanTargets(RecoveryProgress progress, HostRepository hosts, VmMoveRepository vmoves, Compute compute,
                       RecoveryProperties properties, Clock clock) {
        super(progress);
        this.hosts = hosts;
        this.vmoves = vmoves;
        this.compute = compute;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String given = task.input(RECOVERY_METHOD) != null ? task.input(RECOVERY_METHOD) : task.text(RECOVERY_METHOD);
        RecoveryMethod method = RecoveryMethod.fromWire(given).orElseThrow(() -> new IllegalStateException(
                "Task '" + task.taskName() + "' needs a recovery method (" + String.join(", ",
                        RecoveryMethod.wireNames()) + ") as its input '" + RECOVERY_METHOD + "', not " + given + "."));
        task.set(VMOVE_IDS, new ArrayList<>(plan(task.notificationUuid(), task.required(HOSTNAME), method, task)));
    }

    /** Plans the notification's pending moves; returns the ids of the moves that have a target. */
    public List<String> plan(String uuid, String failedHost, RecoveryMethod method, TaskProgress progress) {
        Host source = hosts.findByName(failedHost).orElseThrow(() -> new IllegalStateException("host " + failedHost
                + " of notification " + uuid + " is gone"));
        List<TargetPlanner.Candidate> candidates = CandidateHostRules.candidates(
                hosts.allOf(source.segment().id()), compute.hypervisors(), failedHost);
        // Moves already started or planned (a second run) keep their target; only pending ones are planned.
        List<TargetPlanner.Instance> instances = vmoves.allOf(uuid).stream()
                .filter(m -> m.status() == VmMoveStatus.PENDING && m.targetHost() == null)
                .map(m -> new TargetPlanner.Instance(m.uuid(), m.instanceName(), m.vcpus(), m.ramMb())).toList();
        TargetPlanner.Plan plan = TargetPlanner.plan(method, instances, candidates);
        vmoves.createSlotLock(uuid);
        for (String reservedHost : plan.reservedHostsUsed()) {
            takeReservedHostIntoUse(reservedHost, failedHost, progress);
        }
        for (TargetPlanner.Placement placement : plan.placements()) {
            if (placement.host() != null) {
                vmoves.planTarget(placement.instance().id(), placement.host(), UtcTime.now(clock));
            } else {
                vmoves.failed(placement.instance().id(), placement.reason(), UtcTime.now(clock));
            }
        }
        List<String> planned = vmoves.allOf(uuid).stream()
                .filter(m -> m.targetHost() != null && m.status().unfinished())
                .map(VmMove::uuid).toList();
        long unplaced = plan.placements().stream().filter(p -> p.host() == null).count();
        String message = "Planned " + planned.size() + " evacuation(s) with method " + method.wireName() + " over "
                + candidates.size() + " host(s)" + (unplaced > 0 ? "; " + unplaced
                + " instance(s) did not fit anywhere" : "") + ".";
        if (unplaced == 0) {
            progress.success(message);
        } else {
            progress.error(message);
        }
        return planned;
    }

    private void takeReservedHostIntoUse(String reservedHost, String failedHost, TaskProgress progress) {
        Host host = hosts.findByName(reservedHost).orElseThrow();
        compute.computeService(reservedHost).filter(s -> !s.enabled())
                .ifPresent(s -> compute.enableService(reservedHost));
        if (properties.addReservedHostToAggregate()) {
            for (Aggregate aggregate : compute.aggregatesOf(failedHost)) {
                if (!aggregate.hosts().contains(reservedHost)) {
                    compute.addHostToAggregate(aggregate.id(), reservedHost);
                }
            }
        }
        hosts.claimReserved(host.id(), UtcTime.now(clock));
        progress.running(0.5, "Took reserved host " + reservedHost + " into use: nova-compute enabled"
                + (properties.addReservedHostToAggregate() ? ", added to the aggregates of " + failedHost : "")
                + ", no longer reserved.");
    }
}
