package org.instanceha.recovery.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.instanceha.nova.HypervisorCapacity;
import org.instanceha.segment.Host;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.Segment;
import org.junit.jupiter.api.Test;

/** The rules the per-instance tasks and the planning task apply, without Nova, Spring or Camunda. */

class CandidateHostRulesTest {

    private static final Segment SEGMENT = new Segment(1, "seg-uuid", "seg", null, RecoveryMethod.AUTO, "COMPUTE",
            true, null, null, null, false);

    private static Host host(String name, boolean reserved, boolean onMaintenance, int priority) {
        return new Host(1, "uuid-" + name, name, SEGMENT, "COMPUTE", "SSH", reserved, onMaintenance, priority,
                null, null, null, false);
    }


    private static HypervisorCapacity hypervisor(String name, boolean up, boolean enabled) {
        return new HypervisorCapacity(name, name + ".local", 10, 4, 8192, 2048, up, enabled);
    }

    @Test
    void candidatesAreTheSegmentsHealthyHostsWithTheirFreeRoomAndNeverTheFailedOne() {
        List<Host> hosts = List.of(host("failed", false, false, 0), host("ok", false, false, 5),
                host("maintenance", false, true, 0), host("down", false, false, 0), host("disabled", false, false, 0),
                host("spare", true, false, 0), host("unknownToNova", false, false, 0));
        List<HypervisorCapacity> hypervisors = List.of(hypervisor("failed", true, true), hypervisor("ok", true, true),
                hypervisor("maintenance", true, true), hypervisor("down", false, true),
                hypervisor("disabled", true, false), hypervisor("spare", true, false));

        List<TargetPlanner.Candidate> candidates = CandidateHostRules.candidates(hosts, hypervisors, "failed");

        assertThat(candidates).hasSize(2);
        assertThat(candidates).extracting(TargetPlanner.Candidate::host).containsExactly("ok", "spare");
        assertThat(candidates.get(0)).as("free room, and what it runs").isEqualTo(
                new TargetPlanner.Candidate("ok", 6, 6144, 5, false, 4, 2048));
        assertThat(candidates.get(1).reserved()).as("a reserved host's service is enabled when it is used").isTrue();
    }
}
