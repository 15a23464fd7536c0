package org.instanceha.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.instanceha.nova.Compute;
import org.instanceha.nova.HypervisorCapacity;
import org.instanceha.nova.Server;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.RecoveryPlans;
import org.instanceha.segment.Segment;
import org.springframework.stereotype.Component;

/**
 * The recovery plan of a segment, host by host, by the workflow's own rules: the instances "Identify
 * protected instances" would pick ({@link ProtectedInstanceRules}), the hosts "Plan targets" would
 * consider ({@link CandidateHostRules}) and its planner ({@link TargetPlanner}) under the segment's
 * recovery method. Nova is asked once per plan (hypervisors and all servers), and that look is reused for
 * {@link #CACHE} so that a page refresh does not ask again.
 */
@Component
class RecoveryPlanPreview implements RecoveryPlans {

    static final Duration CACHE = Duration.ofSeconds(10);

    private record Look(Instant at, List<HypervisorCapacity> hypervisors, Map<String, List<Server>> serversByHost) {
    }

    private final Compute compute;
    private final HostRepository hosts;
    private final RecoveryProperties properties;
    private final Clock clock;
    private volatile Look last;

    RecoveryPlanPreview(Compute compute, HostRepository hosts, RecoveryProperties properties, Clock clock) {
        this.compute = compute;
        this.hosts = hosts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RecoveryPlan of(Segment segment) {
        Look look = look();
        List<Host> members = hosts.allOf(segment.id());
        List<HostPlan> plans = new ArrayList<>();
        for (Host host : members) {
            List<Server> selected = ProtectedInstanceRules.select(look.serversByHost().getOrDefault(host.name(),
                    List.of()), properties.evacuateAllInstances(), properties.ignoreInstancesInErrorState());
            List<TargetPlanner.Instance> instances = selected.stream()
                    .map(s -> new TargetPlanner.Instance(s.id(), s.name(), s.vcpus(), s.ramMb())).toList();
            TargetPlanner.Plan plan = TargetPlanner.plan(segment.recoveryMethod(), instances,
                    CandidateHostRules.candidates(members, look.hypervisors(), host.name()));
            plans.add(new HostPlan(host.name(), host.reserved(), host.onMaintenance(), plan.placements().stream()
                    .map(p -> new InstancePlan(p.instance().id(), p.instance().name(), p.instance().vcpus(),
                            p.instance().ramMb(), p.host(), p.host() == null ? p.reason() : null)).toList()));
        }
        return new RecoveryPlan(segment.uuid(), segment.name(), segment.recoveryMethod(),
                java.time.LocalDateTime.ofInstant(look.at(), java.time.ZoneOffset.UTC), List.copyOf(plans));
    }

    private Look look() {
        Look cached = last;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.at().plus(CACHE))) {
            return cached;
        }
        Look fresh = new Look(now, compute.hypervisors(), compute.servers().stream()
                .filter(s -> s.host() != null).collect(Collectors.groupingBy(Server::host)));
        last = fresh;
        return fresh;
    }
}
