package org.instanceha.recovery.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.instanceha.nova.HypervisorCapacity;
import org.instanceha.segment.Host;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.RecoveryPlans.Headroom;
import org.instanceha.segment.RecoveryPlans.HostPlan;
import org.instanceha.segment.RecoveryPlans.InstancePlan;
import org.instanceha.segment.Segment;
import org.junit.jupiter.api.Test;

class RecoveryPlanHeadroomTest {

    private static final Segment SEGMENT = new Segment(1, "seg-uuid", "seg", null, RecoveryMethod.AUTO, "COMPUTE",
            true, null, null, null, false);

    private static Host host(String name) {
        return new Host(1, "uuid-" + name, name, SEGMENT, "COMPUTE", "SSH", false, false, 0, null, null, null, false);
    }

    private static Host reserved(Host host) {
        return new Host(host.id(), host.uuid(), host.name(), SEGMENT, "COMPUTE", "SSH", true, false, 0, null, null,
                null, false);
    }

    private static HypervisorCapacity hypervisor(String name, int vcpusUsed, long ramUsed) {
        return new HypervisorCapacity(name, name, 10, vcpusUsed, 10000, ramUsed, true, true);
    }

    private static HostPlan load(String host, int instances, int vcpus, int ramMb) {
        return new HostPlan(host, false, false, java.util.stream.IntStream.range(0, instances)
                .mapToObj(i -> new InstancePlan("i" + i, host + "-vm" + i, vcpus, ramMb, "x", null, 3)).toList(), 0);
    }

    @Test
    void theBiggestHostsLoadAgainstTheFreeRoomOfTheOthers() {
        // a carries 3 x 2000 MB (the biggest), b and c each 10 vCPU / 10000 MB with 2 vCPU / 2000 MB used.
        List<Host> members = List.of(host("a"), host("b"), host("c"));
        List<HypervisorCapacity> hypervisors = List.of(hypervisor("a", 3, 6000), hypervisor("b", 2, 2000),
                hypervisor("c", 2, 2000));
        Headroom headroom = RecoveryPlanPreview.headroom(RecoveryMethod.AUTO, List.of(load("a", 3, 1, 2000), load("b", 1, 1, 1000),
                load("c", 1, 1, 1000)), members, hypervisors);

        assertThat(headroom.biggestHost()).isEqualTo("a");
        assertThat(headroom.loadRamMb()).isEqualTo(6000);
        assertThat(headroom.freeRamMb()).isEqualTo(16000);
        assertThat(headroom.capacityRamMb()).isEqualTo(20000);
        // RAM: (16000 - 6000) / 20000 = 50 %; vCPU: (16 - 3) / 20 = 65 %: the lower counts.
        assertThat(headroom.percent()).isEqualTo(50.0);
        assertThat(headroom.survivesBiggestHost()).isTrue();
        assertThat(headroom.meetsGuidance()).isTrue();
    }

    @Test
    void aLoadTheOthersCannotTakeIsNegativeHeadroom() {
        List<Host> members = List.of(host("a"), host("b"));
        List<HypervisorCapacity> hypervisors = List.of(hypervisor("a", 8, 9000), hypervisor("b", 5, 8000));
        Headroom headroom = RecoveryPlanPreview.headroom(RecoveryMethod.AUTO, List.of(load("a", 3, 2, 3000), load("b", 1, 1, 1000)),
                members, hypervisors);
        // RAM: (2000 - 9000) / 10000 = -70 %.
        assertThat(headroom.percent()).isEqualTo(-70.0);
        assertThat(headroom.survivesBiggestHost()).isFalse();
        assertThat(RecoveryPlanPreview.headroom(RecoveryMethod.AUTO, List.of(load("a", 0, 0, 0)), members, hypervisors).percent())
                .as("nothing to protect").isNull();
    }

    @Test
    void onlyTheHostsTheRecoveryMethodMayUseCount() {
        // b is reserved: auto never uses it, reserved_host uses nothing else.
        List<Host> members = List.of(host("a"), reserved(host("b")), host("c"));
        List<HypervisorCapacity> hypervisors = List.of(hypervisor("a", 3, 6000), hypervisor("b", 0, 0),
                hypervisor("c", 2, 2000));
        List<HostPlan> plans = List.of(load("a", 3, 1, 2000));

        Headroom auto = RecoveryPlanPreview.headroom(RecoveryMethod.AUTO, plans, members, hypervisors);
        assertThat(auto.capacityRamMb()).isEqualTo(10000);
        // RAM: (8000 - 6000) / 10000 = 20 %.
        assertThat(auto.percent()).isEqualTo(20.0);
        Headroom reserved = RecoveryPlanPreview.headroom(RecoveryMethod.RESERVED_HOST, plans, members, hypervisors);
        assertThat(reserved.capacityRamMb()).isEqualTo(10000);
        assertThat(reserved.freeRamMb()).isEqualTo(10000);
        assertThat(RecoveryPlanPreview.headroom(RecoveryMethod.RH_PRIORITY, plans, members, hypervisors)
                .capacityRamMb()).isEqualTo(20000);
    }

    @Test
    void freeRoomInSumIsNotEnoughWhenAnInstanceFitsOnNoSingleHost() {
        List<Host> members = List.of(host("a"), host("b"), host("c"));
        List<HypervisorCapacity> hypervisors = List.of(hypervisor("a", 3, 6000), hypervisor("b", 2, 2000),
                hypervisor("c", 2, 2000));
        HostPlan unplaced = new HostPlan("a", false, false, List.of(new InstancePlan("i", "large", 1, 1000, null,
                "No host has room", 3)), 0);

        Headroom headroom = RecoveryPlanPreview.headroom(RecoveryMethod.AUTO, List.of(unplaced), members, hypervisors);
        assertThat(headroom.percent()).isPositive();
        assertThat(headroom.survivesBiggestHost()).isFalse();
    }

    @Test
    void eachInstanceSaysWhichRebuildOnItsTargetItWouldBe() {
        InstancePlan a = new InstancePlan("a", "vm-a", 1, 512, "t1", null, 1);
        InstancePlan b = new InstancePlan("b", "vm-b", 1, 512, "t2", null, 1);
        InstancePlan c = new InstancePlan("c", "vm-c", 1, 512, "t1", null, 3);
        InstancePlan nowhere = new InstancePlan("d", "vm-d", 1, 512, null, "No host has room", 3);
        HostPlan plan = new HostPlan("failed", false, false, List.of(a, b, c, nowhere), 0);

        assertThat(List.of(a, b, c, nowhere)).extracting(plan::rebuildOnTarget).containsExactly(1, 1, 2, 0);
        assertThat(plan.rebuildsOn("t1")).isEqualTo(2);
        assertThat(plan.busiestTargetRebuilds()).isEqualTo(2);
    }
}
