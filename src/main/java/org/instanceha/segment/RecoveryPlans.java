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
                        List<HostPlan> hosts) {

        /** How many hosts could fail now with every one of their instances placed. */
        public long survivableHosts() {
            return hosts.stream().filter(HostPlan::survivable).count();
        }
    }

    /** What would happen to the instances of one host if it failed now. */
    record HostPlan(String host, boolean reserved, boolean onMaintenance, List<InstancePlan> instances) {

        /** Instances that would not fit anywhere. */
        public long notFitting() {
            return instances.stream().filter(i -> i.targetHost() == null).count();
        }

        public boolean survivable() {
            return notFitting() == 0;
        }
    }

    /** One instance: its target, or null with the planner's reason. */
    record InstancePlan(String uuid, String name, int vcpus, int ramMb, String targetHost, String reason) {
    }
}
