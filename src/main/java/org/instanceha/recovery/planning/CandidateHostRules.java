package org.instanceha.recovery.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.instanceha.nova.HypervisorCapacity;
import org.instanceha.segment.Host;

/**
 * Which hosts of the segment may take the instances of a failed host, with their free room now: not
 * the failed host, not on maintenance, known to Nova with its service up; a non-reserved host must
 * also have its service enabled (a reserved host's is enabled when it is taken into use). Plain Java.
 * {@code failedHost} null leaves no host out (the recovery plan takes each host out of that list in turn).
 */
public final class CandidateHostRules {

    private CandidateHostRules() {
    }

    public static List<TargetPlanner.Candidate> candidates(List<Host> segmentHosts,
                                                           Collection<HypervisorCapacity> hypervisors,
                                                           String failedHost) {
        Map<String, HypervisorCapacity> byHost = hypervisors.stream()
                .collect(Collectors.toMap(HypervisorCapacity::host, Function.identity(), (a, b) -> a));
        List<TargetPlanner.Candidate> candidates = new ArrayList<>();
        for (Host host : segmentHosts) {
            HypervisorCapacity h = byHost.get(host.name());
            if (host.name().equals(failedHost) || host.onMaintenance() || h == null || !h.up()
                    || (!host.reserved() && !h.enabled())) {
                continue;
            }
            candidates.add(new TargetPlanner.Candidate(host.name(), h.freeVcpus(), h.freeMemoryMb(), host.priority(),
                    host.reserved(), h.vcpusUsed(), h.memoryMbUsed()));
        }
        return candidates;
    }
}
