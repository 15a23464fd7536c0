package org.instanceha.recovery.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.instanceha.nova.Aggregate;
import org.instanceha.nova.Compute;
import org.instanceha.nova.HypervisorCapacity;
import org.instanceha.nova.Server;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.segment.EvacuationPolicy;
import org.instanceha.recovery.ProtectedInstanceRules;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.RecoveryPlans;
import org.instanceha.segment.Segment;
import org.instanceha.segment.SegmentPolicies;
import org.instanceha.segment.SegmentPolicy;
import org.instanceha.vmove.RestartTiers;
import org.springframework.stereotype.Component;

/**
 * The recovery plan of a segment, host by host, by the workflow's own rules: the instances "Identify
 * protected instances" would pick ({@link ProtectedInstanceRules}), the hosts "Plan targets" would
 * consider ({@link CandidateHostRules}) and its planner ({@link TargetPlanner}) under the segment's
 * recovery method. Nova is asked once per plan (hypervisors and all servers), and that look is reused for
 * {@code instanceha.recovery.plan-cache-time} so that a page refresh does not ask again.
 */
@Component
class RecoveryPlanPreview implements RecoveryPlans {

    private record Look(Instant at, List<HypervisorCapacity> hypervisors, Map<String, List<Server>> serversByHost,
                        List<Aggregate> aggregates) {
    }

    /** A segment's tolerance, kept while the look, the segment's hosts and method, and its policy are the same. */
    private record KnownTolerance(Look look, List<Host> members, RecoveryMethod method, SegmentPolicy policy,
                                  Tolerance tolerance) {
    }

    private final Compute compute;
    private final HostRepository hosts;
    private final RecoveryProperties properties;
    private final SegmentPolicies policies;
    private final Clock clock;
    private final Map<Long, KnownTolerance> tolerances = new ConcurrentHashMap<>();
    private volatile Look last;

    RecoveryPlanPreview(Compute compute, HostRepository hosts, RecoveryProperties properties, SegmentPolicies policies,
                        Clock clock) {
        this.compute = compute;
        this.hosts = hosts;
        this.properties = properties;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public RecoveryPlan of(Segment segment) {
        Look look = look();
        List<Host> members = hosts.allOf(segment.id());
        // Every host that may take instances, once: per failed host only that host is left out. Computing the
        // candidates per host made a look at a segment of H hosts cost H x H.
        List<TargetPlanner.Candidate> everyCandidate = CandidateHostRules.candidates(members, look.hypervisors(), null);
        List<HostPlan> plans = new ArrayList<>();
        Map<String, List<TargetPlanner.Instance>> toEvacuate = new HashMap<>();
        EvacuationPolicy evacuationPolicy = policies.of(segment.id()).evacuation();
        for (Host host : members) {
            List<Server> onHost = look.serversByHost().getOrDefault(host.name(), List.of());
            List<Server> selected = ProtectedInstanceRules.select(onHost, properties.evacuateAllInstances(),
                    properties.ignoreInstancesInErrorState());
            Map<String, EvacuationClassRules.Choice> choices = selected.stream().collect(Collectors.toMap(Server::id,
                    s -> EvacuationClassRules.choose(s, evacuationPolicy), (a, b) -> a));
            List<TargetPlanner.Instance> instances = selected.stream()
                    .filter(s -> choices.get(s.id()).action() != EvacuationAction.SKIP)
                    .map(s -> new TargetPlanner.Instance(s.id(), s.name(), s.vcpus(), s.ramMb(),
                            ProtectedInstanceRules.haEnabled(s) ? TargetPlanner.PROTECTED : TargetPlanner.UNPROTECTED)).toList();
            if (!host.onMaintenance()) {
                toEvacuate.put(host.name(), instances);
            }
            List<TargetPlanner.Candidate> candidates = instances.isEmpty() ? List.of()
                    : everyCandidate.stream().filter(c -> !c.host().equals(host.name())).toList();
            TargetPlanner.Plan plan = TargetPlanner.plan(segment.recoveryMethod(), instances, candidates);
            Map<String, Integer> priorities = selected.stream().collect(Collectors.toMap(Server::id,
                    s -> ProtectedInstanceRules.priority(s, RestartTiers.DEFAULT_PRIORITY).value(), (a, b) -> a));
            List<InstancePlan> planned = new ArrayList<>(plan.placements().stream()
                    .map(p -> instancePlan(p.instance().id(), p.instance().name(), p.instance().vcpus(),
                            p.instance().ramMb(), p.host(), p.host() == null ? p.reason() : null,
                            priorities.get(p.instance().id()), choices.get(p.instance().id())))
                    .toList());
            selected.stream().filter(s -> choices.get(s.id()).action() == EvacuationAction.SKIP)
                    .forEach(s -> planned.add(instancePlan(s.id(), s.name(), s.vcpus(), s.ramMb(), null,
                            "Skipped by the segment's policy: " + choices.get(s.id()).reason() + ".",
                            priorities.get(s.id()), choices.get(s.id()))));
            plans.add(new HostPlan(host.name(), host.reserved(), host.onMaintenance(), planned.stream()
                    .sorted(java.util.Comparator.comparingInt(InstancePlan::priority)).toList(),
                    onHost.size() - selected.size()));
        }
        return new RecoveryPlan(segment.uuid(), segment.name(), segment.recoveryMethod(),
                java.time.LocalDateTime.ofInstant(look.at(), java.time.ZoneOffset.UTC), List.copyOf(plans),
                headroom(segment.recoveryMethod(), plans, members, look.hypervisors()),
                tolerance(segment, look, members, toEvacuate, everyCandidate));
    }

    private static InstancePlan instancePlan(String id, String name, int vcpus, int ramMb, String target, String reason,
                                             int priority, EvacuationClassRules.Choice choice) {
        return new InstancePlan(id, name, vcpus, ramMb, target, reason, priority,
                choice.evacuationClass().wireName(), choice.action().wireName());
    }

    /** The segment's failure tolerance ({@link FailureTolerance}), computed once per look at Nova and policy. */
    private Tolerance tolerance(Segment segment, Look look, List<Host> members,
                                Map<String, List<TargetPlanner.Instance>> toEvacuate,
                                List<TargetPlanner.Candidate> candidates) {
        SegmentPolicy policy = policies.of(segment.id());
        KnownTolerance known = tolerances.get(segment.id());
        if (known != null && known.look() == look && known.members().equals(members)
                && known.method() == segment.recoveryMethod() && known.policy().equals(policy)) {
            return known.tolerance();
        }
        List<FailureTolerance.Domain> domains = FailureDomains.of(policy.failureDomain(),
                members.stream().map(Host::name).toList(), look.aggregates());
        FailureTolerance.Result result = FailureTolerance.of(segment.recoveryMethod(), policy.failuresToTolerate(),
                domains, toEvacuate, candidates);
        FailureTolerance.WorstCase worst = result.worstCase();
        Tolerance tolerance = new Tolerance(policy.failuresToTolerate(), policy.failureDomain(), result.tolerated(),
                result.checkedUpTo(), worst == null ? null : new WorstCase(worst.failures(), worst.domains(),
                worst.hosts(), worst.missing().stream().map(m -> new MissingInstance(m.instance().id(),
                m.instance().name(), m.host(), m.instance().vcpus(), m.instance().ramMb())).toList()));
        tolerances.put(segment.id(), new KnownTolerance(look, members, segment.recoveryMethod(), policy, tolerance));
        return tolerance;
    }

    /**
     * The segment's headroom against losing the host whose instances need the most RAM, over the hosts its
     * recovery method may use.
     */
    static Headroom headroom(RecoveryMethod method, List<HostPlan> plans, List<Host> members,
                             List<HypervisorCapacity> hypervisors) {
        HostPlan biggest = plans.stream().filter(p -> !p.instances().isEmpty())
                .max(java.util.Comparator.comparingLong(RecoveryPlanPreview::ramOf)).orElse(null);
        if (biggest == null) {
            return new Headroom(null, 0, 0, 0, 0, 0, 0, null, true);
        }
        int loadVcpus = biggest.instances().stream().mapToInt(InstancePlan::vcpus).sum();
        long loadRam = ramOf(biggest);
        List<TargetPlanner.Candidate> rest = CandidateHostRules.candidates(members, hypervisors, biggest.host())
                .stream().filter(c -> TargetPlanner.mayUse(method, c)).toList();
        Map<String, HypervisorCapacity> byHost = hypervisors.stream()
                .collect(Collectors.toMap(HypervisorCapacity::host, h -> h, (a, b) -> a));
        int freeVcpus = rest.stream().mapToInt(TargetPlanner.Candidate::freeVcpus).sum();
        long freeRam = rest.stream().mapToLong(TargetPlanner.Candidate::freeRamMb).sum();
        int capacityVcpus = rest.stream().mapToInt(c -> byHost.get(c.host()).vcpus()).sum();
        long capacityRam = rest.stream().mapToLong(c -> byHost.get(c.host()).memoryMb()).sum();
        Double percent = capacityVcpus == 0 || capacityRam == 0 ? -100.0 : Math.min(
                100.0 * (freeRam - loadRam) / capacityRam, 100.0 * (freeVcpus - loadVcpus) / capacityVcpus);
        return new Headroom(biggest.host(), loadVcpus, loadRam, freeVcpus, freeRam, capacityVcpus, capacityRam,
                Math.round(percent * 10) / 10.0, biggest.survivable());
    }

    private static long ramOf(HostPlan plan) {
        return plan.instances().stream().mapToLong(InstancePlan::ramMb).sum();
    }

    private Look look() {
        Look cached = last;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.at().plus(properties.planCacheTime()))) {
            return cached;
        }
        Look fresh = new Look(now, compute.hypervisors(), compute.servers().stream()
                .filter(s -> s.host() != null).collect(Collectors.groupingBy(Server::host)), compute.aggregates());
        last = fresh;
        return fresh;
    }
}
