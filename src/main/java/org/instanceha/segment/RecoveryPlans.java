package org.instanceha.segment;

import java.time.LocalDateTime;
import java.util.List;

/**
 * "If this host died now": for every host of a segment, which instances a recovery would evacuate and
 * where each would go under the segment's recovery method and today's free capacity, and which would not
 * fit. Declared here, where the API and the dashboard ask for it; the recovery engine answers it with the
 * same rules and planner its workflow uses.
 */
public interface RecoveryPlans {

    RecoveryPlan of(Segment segment);

    /** The plan of one segment, computed from one look at Nova taken at {@code computedAt}. */
    record RecoveryPlan(String segmentUuid, String segmentName, RecoveryMethod method, LocalDateTime computedAt,
                        List<HostPlan> hosts, Headroom headroom, Tolerance tolerance) {

        /** How many hosts could fail now with every one of their instances placed. */
        public long survivableHosts() {
            return hosts.stream().filter(HostPlan::survivable).count();
        }
    }

    /**
     * What would happen to the instances of one host if it failed now. {@code unprotected} counts the
     * host's instances a recovery would leave where they are (without {@code HA_Enabled=True} while
     * {@code evacuate_all_instances} is off, or in error while those are ignored).
     */
    record HostPlan(String host, boolean reserved, boolean onMaintenance, List<InstancePlan> instances,
                    int unprotected) {

        /** Instances that would not fit anywhere (a skipped one needs no room). */
        public long notFitting() {
            return instances.stream().filter(i -> i.targetHost() == null && !i.skipped()).count();
        }

        public boolean survivable() {
            return notFitting() == 0;
        }

        /**
         * The expected finishing order: which rebuild on its target this instance's is (1: the first), in the
         * order the recovery starts them (tier, then as listed). A host rebuilds nearly one after another, so the
         * recovery ends with the busiest target's last one; 0 for an instance that would fit nowhere.
         */
        public int rebuildOnTarget(InstancePlan instance) {
            if (instance.targetHost() == null) {
                return 0;
            }
            int order = 0;
            for (InstancePlan i : instances) {
                if (instance.targetHost().equals(i.targetHost())) {
                    order++;
                }
                if (i == instance) {
                    return order;
                }
            }
            return 0;
        }

        /** How many of this host's instances would be rebuilt on {@code target}. */
        public long rebuildsOn(String target) {
            return instances.stream().filter(i -> target != null && target.equals(i.targetHost())).count();
        }

        /** How many rebuilds the busiest target of this host's recovery would do. */
        public int busiestTargetRebuilds() {
            return instances.stream().filter(i -> i.targetHost() != null)
                    .collect(java.util.stream.Collectors.groupingBy(InstancePlan::targetHost,
                            java.util.stream.Collectors.counting()))
                    .values().stream().mapToInt(Long::intValue).max().orElse(0);
        }
    }

    /**
     * Can the segment survive losing its biggest host? The host whose instances need the most RAM, their
     * load, and the free room of the hosts that would take them (the same candidates a recovery of it
     * would use). {@code percent} is what would be left free of those hosts' capacity after taking the load,
     * the lower of RAM and vCPU: negative when the load does not fit; 20 to 30 % is the usual guidance.
     * Only the hosts the segment's recovery method may use count (no reserved hosts for {@code auto}, only
     * those for {@code reserved_host}). {@code biggestHostPlaced} is whether the planner found a place for
     * every one of the biggest host's instances: free room in sum is not enough when no single host has
     * room for a large instance. Null fields when the segment has no instances to protect.
     */
    record Headroom(String biggestHost, int loadVcpus, long loadRamMb, int freeVcpus, long freeRamMb,
                    int capacityVcpus, long capacityRamMb, Double percent, boolean biggestHostPlaced) {

        public static final double GUIDANCE_PERCENT = 20.0;

        public boolean survivesBiggestHost() {
            return biggestHostPlaced && (percent == null || percent >= 0);
        }

        public boolean meetsGuidance() {
            return percent == null || percent >= GUIDANCE_PERCENT;
        }
    }

    /**
     * How many failures of its policy's {@code failure_domain} the segment absorbs now: {@code toleratedFailures}
     * is the largest N, up to {@code checkedUpTo} ({@code failuresToTolerate} + 1, at most 3), for which every set
     * of N domains failing together leaves no instance of theirs without a host; {@code worstCase} is, at the
     * first N that does, the set that leaves the most behind (null when none does up to {@code checkedUpTo}).
     */
    record Tolerance(int failuresToTolerate, FailureDomain failureDomain, int toleratedFailures, int checkedUpTo,
                     WorstCase worstCase) {

        public boolean meetsPolicy() {
            return toleratedFailures >= failuresToTolerate;
        }
    }

    /** {@code failures} domains failing together, their hosts, and the instances that would find no host. */
    record WorstCase(int failures, List<String> domains, List<String> hosts, List<MissingInstance> missing) {
    }

    /** An instance a worst case would leave without a host, and the host it runs on. */
    record MissingInstance(String uuid, String name, String host, int vcpus, int ramMb) {
    }

    /**
     * One instance: its target, or null with the planner's reason; its restart priority (metadata
     * {@code instanceha:priority}, 1 first to 5 last), the tier its evacuation would start in; its evacuation
     * class and action (wire names; a {@code skip}ped one has no target and needs no room).
     */
    record InstancePlan(String uuid, String name, int vcpus, int ramMb, String targetHost, String reason,
                        int priority, String evacuationClass, String action) {

        public InstancePlan(String uuid, String name, int vcpus, int ramMb, String targetHost, String reason,
                            int priority) {
            this(uuid, name, vcpus, ramMb, targetHost, reason, priority, null, null);
        }

        public boolean skipped() {
            return "skip".equals(action);
        }
    }
}
