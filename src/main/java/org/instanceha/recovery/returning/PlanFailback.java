package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.notification.ReturnProperties;
import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.recovery.planning.CandidateHostRules;
import org.instanceha.recovery.planning.TargetPlanner;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.vmove.Failbacks;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.instanceha.vmove.VmMoveStatus;
import org.springframework.stereotype.Component;

/**
 * "Plan failback": a VM move of type {@code live_migration} for each instance the recovery evacuated off the host,
 * home again. An instance deleted or moved since, marked {@code instanceha:failback=false}, or not running
 * ({@link FailbackRules#skipReason}) stays where it is, and so does one the planner finds no room for on its home
 * host ({@link TargetPlanner}, with what Nova reports free there now): each of those is recorded {@code ignored}
 * with its reason. They go in the planner's order (biggest first), by name where equal.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"failbackPlanned"})
@Component
public class PlanFailback extends RecoveryTask {

    private final Compute compute;
    private final VmMoveRepository vmoves;
    private final Failbacks failbacks;
    private final HostRepository hosts;
    private final ReturnProperties properties;
    private final Clock clock;

    public PlanFailback(RecoveryProgress progress, Compute compute, VmMoveRepository vmoves, Failbacks failbacks,
                        HostRepository hosts, ReturnProperties properties, Clock clock) {
        super(progress);
        this.compute = compute;
        this.vmoves = vmoves;
        this.failbacks = failbacks;
        this.hosts = hosts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String home = task.required(HOSTNAME);
        Map<String, VmMove> evacuated = new LinkedHashMap<>();
        for (VmMove m : vmoves.allOf(task.notificationUuid())) {
            if ("evacuation".equals(m.type()) && m.status() == VmMoveStatus.SUCCEEDED && m.destHost() != null) {
                evacuated.put(m.instanceUuid(), m);
            }
        }
        List<String> skipped = new ArrayList<>();
        Map<String, VmMove> going = new LinkedHashMap<>();
        List<TargetPlanner.Instance> instances = new ArrayList<>();
        for (VmMove m : evacuated.values().stream().sorted(java.util.Comparator.comparing(VmMove::instanceName))
                .toList()) {
            Server server = compute.server(m.instanceUuid()).orElse(null);
            String reason = FailbackRules.skipReason(m, server);
            if (reason != null) {
                failbacks.create(m, server == null ? m.destHost() : server.host(), reason, UtcTime.now(clock));
                skipped.add(m.instanceName() + " (" + reason + ")");
            } else {
                going.put(m.instanceUuid(), m);
                instances.add(new TargetPlanner.Instance(m.instanceUuid(), m.instanceName(), server.vcpus(),
                        server.ramMb(), 0));
            }
        }
        Host host = hosts.findByName(home).orElseThrow(() -> new IllegalStateException("host " + home
                + " is no longer registered"));
        List<TargetPlanner.Candidate> room = CandidateHostRules.candidates(List.of(host), compute.hypervisors(), null);
        int planned = 0;
        for (TargetPlanner.Placement p : TargetPlanner.plan(RecoveryMethod.AUTO, instances, room).placements()) {
            VmMove m = going.get(p.instance().id());
            String reason = p.host() == null ? "no room for it on " + home + " now" : null;
            failbacks.create(m, m.destHost(), reason, UtcTime.now(clock));
            if (reason == null) {
                planned++;
            } else {
                skipped.add(m.instanceName() + " (" + reason + ")");
            }
        }
        task.set(FAILBACK_PLANNED, planned > 0);
        task.success(planned + " instance(s) go home to " + home + " by live migration, "
                + properties.failbackParallel() + " at a time" + (skipped.isEmpty() ? "." : "; staying where they are: "
                + String.join(", ", skipped) + "."));
    }
}
