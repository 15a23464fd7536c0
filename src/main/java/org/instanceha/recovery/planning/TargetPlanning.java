package org.instanceha.recovery.planning;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.ActiveNotifications;
import org.instanceha.nova.Aggregate;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.recovery.TaskProgress;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.vmove.CapacityClaims;
import org.springframework.stereotype.Component;

/**
 * What the planning tasks ("Plan targets", "Plan a retry", "Retry as the operator chose") share: the
 * healthy hosts of the failed host's segment with their free room now ({@link CandidateHostRules}) less
 * the room other planned evacuations claim, and
 * taking a reserved host into use: its nova-compute enabled, optionally added to the failed host's
 * aggregates, no longer reserved.
 */
@Component
public class TargetPlanning {

    private final HostRepository hosts;
    private final ActiveNotifications notifications;
    private final Compute compute;
    private final RecoveryProperties properties;
    private final CapacityClaims claims;
    private final Clock clock;

    TargetPlanning(HostRepository hosts, Compute compute, RecoveryProperties properties, CapacityClaims claims,
                   ActiveNotifications notifications, Clock clock) {
        this.hosts = hosts;
        this.notifications = notifications;
        this.compute = compute;
        this.properties = properties;
        this.claims = claims;
        this.clock = clock;
    }

    /** The failed host as the segment knows it. */
    public Host failedHost(String failedHost) {
        return hosts.findByName(failedHost).orElseThrow(() -> new IllegalStateException("host " + failedHost
                + " is no longer in any segment"));
    }

    /**
     * The hosts of the failed host's segment that may take its instances, with their free room now: what
     * Nova reports, less what evacuations planned by any recovery still claim there ({@link CapacityClaims}).
     * Planning is serialized across nodes from here to the end of the caller's transaction, so that the
     * claims the caller records are seen by the next planner; Nova is asked after the lock is taken. A host
     * whose own failure is being handled is no candidate, even before its workflow put it on maintenance.
     */
    public List<TargetPlanner.Candidate> candidates(String failedHost) {
        return room(failedHost).candidates();
    }

    /**
     * The candidates ({@link #candidates}) and what the other hosts of the segment that failed too use: the room
     * their recoveries will need, which a plan that spreads must leave them.
     */
    public Room room(String failedHost) {
        claims.lockPlanning();
        Map<String, CapacityClaims.Claim> claimed = claims.byHost(UtcTime.now(clock)
                .minus(properties.capacityClaimGrace()));
        Host failed = failedHost(failedHost);
        java.util.Set<String> failing = notifications.hostsFailing(failed.segment().uuid());
        List<Host> segmentHosts = hosts.allOf(failed.segment().id());
        List<Host> members = segmentHosts.stream().filter(h -> !failing.contains(h.uuid())).toList();
        java.util.Collection<org.instanceha.nova.HypervisorCapacity> hypervisors = compute.hypervisors();
        List<TargetPlanner.Candidate> candidates = CandidateHostRules.candidates(members, hypervisors, failedHost)
                .stream().map(c -> {
                    CapacityClaims.Claim claim = claimed.get(c.host());
                    return claim == null ? c : c.claimed(claim.vcpus(), claim.ramMb());
                }).toList();
        java.util.Set<String> alsoFailing = segmentHosts.stream().filter(h -> failing.contains(h.uuid())
                && !h.name().equals(failedHost)).map(Host::name).collect(java.util.stream.Collectors.toSet());
        List<TargetPlanner.Load> loads = hypervisors.stream().filter(h -> alsoFailing.contains(h.host()))
                .map(h -> new TargetPlanner.Load(h.host(), h.vcpusUsed(), h.memoryMbUsed())).toList();
        return new Room(candidates, loads);
    }

    /** Where a failed host's instances may go, and what other failed hosts of its segment will need. */
    public record Room(List<TargetPlanner.Candidate> candidates, List<TargetPlanner.Load> alsoFailing) {
    }

    /** Takes a reserved host into use, if it still is reserved. */
    public void takeIntoUse(String reservedHost, String failedHost, TaskProgress progress) {
        Host host = hosts.findByName(reservedHost).orElseThrow();
        if (!host.reserved()) {
            return;
        }
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
