package org.instanceha.recovery.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.instanceha.recovery.planning.TargetPlanner.Candidate;
import org.instanceha.recovery.planning.TargetPlanner.Instance;
import org.instanceha.recovery.planning.TargetPlanner.Placement;
import org.instanceha.recovery.planning.TargetPlanner.Plan;
import org.instanceha.segment.RecoveryMethod;
import org.junit.jupiter.api.Test;

class TargetPlannerTest {

    private static List<Instance> instances(int count, int vcpus, int ram) {
        List<Instance> result = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            result.add(new Instance("id" + i, "vm" + i, vcpus, ram, TargetPlanner.PROTECTED));
        }
        return result;
    }

    private static Map<String, Integer> perHost(Plan plan) {
        Map<String, Integer> counts = new HashMap<>();
        plan.placements().stream().filter(p -> p.host() != null).forEach(p -> counts.merge(p.host(), 1, Integer::sum));
        return counts;
    }

    @Test
    void autoSpreadsTheRebuildsOverIdleHostsAndNeverUsesAReservedHost() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, instances(6, 1, 512), List.of(
                new Candidate("c1", 10, 8192, 0, false), new Candidate("c2", 10, 8192, 0, false),
                new Candidate("c3", 10, 4096, 0, false), new Candidate("spare", 10, 2048, 0, true)));

        assertThat(perHost(plan)).as("two rebuilds on each, not six on the fullest")
                .containsOnlyKeys("c1", "c2", "c3").containsEntry("c1", 2).containsEntry("c2", 2).containsEntry("c3", 2);
        assertThat(plan.reservedHostsUsed()).isEmpty();
        assertThat(SpreadPlans.busiest(plan)).isEqualTo(2);
    }

    @Test
    void whenTheOtherHostsRunInstancesTheSpreadKeepsTheRoomTheyWouldNeed() {
        // c2 runs 6 GiB: were it to fail next, its instances need the 7 GiB room of c1 kept whole.
        List<Candidate> loaded = List.of(new Candidate("c1", 10, 7168, 0, false, 0, 512),
                new Candidate("c2", 10, 2048, 0, false, 6, 6144), new Candidate("c3", 10, 2048, 0, false, 0, 512));

        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, instances(4, 1, 512), loaded);

        assertThat(perHost(plan)).as("spread over c2 and c3, c1 kept whole").containsOnlyKeys("c2", "c3")
                .containsEntry("c2", 2).containsEntry("c3", 2);
    }

    @Test
    void aHostThatFailedTooKeepsTheRoomItsRecoveryNeedsAsPackingWould() {
        // The demo cloud's case: r2 failed too and needs 4 GiB in one piece; t1 and t2 have 4.5 GiB each.
        List<Candidate> targets = List.of(new Candidate("t1", 10, 4608, 0, false, 0, 512),
                new Candidate("t2", 10, 4608, 0, false, 0, 512));
        List<TargetPlanner.Load> r2 = List.of(new TargetPlanner.Load("r2", 2, 4608));

        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, instances(3, 1, 1024), targets, r2);
        Plan alone = TargetPlanner.plan(RecoveryMethod.AUTO, instances(3, 1, 1024), targets);

        assertThat(perHost(plan)).as("packed on one: the other keeps r2's room").hasSize(1).containsValue(3);
        assertThat(perHost(alone)).as("no other need: spread").containsOnlyKeys("t1", "t2");
    }

    @Test
    void spreadingNeverPlacesFewerThanPacking() {
        // Two large ones fit only if the small ones go together: a spread that splits them would leave one behind.
        List<Instance> given = List.of(new Instance("b1", "big1", 1, 3072, 0), new Instance("b2", "big2", 1, 3072, 0),
                new Instance("s1", "small1", 1, 1024, 0), new Instance("s2", "small2", 1, 1024, 0));
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, given, List.of(new Candidate("c1", 10, 4096, 0, false),
                new Candidate("c2", 10, 4096, 0, false), new Candidate("c3", 10, 2048, 0, false)));

        assertThat(plan.placements()).allSatisfy(p -> assertThat(p.host()).as(p.instance().name()).isNotNull());
        assertThat(SpreadPlans.busiest(plan)).isEqualTo(2);
    }

    @Test
    void autoNeverPlansMoreOntoAHostThanFitsAndSaysWhyTheRestCannotGo() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, instances(5, 2, 2048), List.of(
                new Candidate("c1", 4, 8192, 0, false), new Candidate("c2", 10, 2048, 0, false)));

        assertThat(perHost(plan)).containsEntry("c1", 2).containsEntry("c2", 1);
        List<Placement> unplaced = plan.placements().stream().filter(p -> p.host() == null).toList();
        assertThat(unplaced).extracting(p -> p.instance().name()).containsExactly("vm4", "vm5");
        assertThat(unplaced.get(0).reason()).isEqualTo("No host has room for vm4 (2 vCPU, 2048 MB RAM): none of the "
                + "segment's 2 healthy host(s) (auto) has that much free.");
    }

    @Test
    void protectedInstancesComeFirstWhenRoomIsShortWhateverTheirSize() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, List.of(
                new Instance("o", "other", 2, 4096, TargetPlanner.UNPROTECTED),
                new Instance("p", "protected", 1, 2048, TargetPlanner.PROTECTED)),
                List.of(new Candidate("c1", 10, 4096, 0, false)));

        assertThat(plan.placements()).extracting(p -> p.instance().name(), Placement::host)
                .containsExactly(tuple("other", null), tuple("protected", "c1"));
    }

    @Test
    void theLargestInstanceIsPlacedFirstSoThatSmallOnesDoNotTakeTheOnlyRoomItFits() {
        // Placed in the order given, each where most RAM is free, the two small ones would take half of c2,
        // and the large one would then fit nowhere.
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, List.of(
                new Instance("s1", "small1", 1, 512, TargetPlanner.PROTECTED),
                new Instance("s2", "small2", 1, 512, TargetPlanner.PROTECTED),
                new Instance("l", "large", 2, 4096, TargetPlanner.PROTECTED)),
                List.of(new Candidate("c1", 4, 3072, 0, false), new Candidate("c2", 4, 4096, 0, false)));

        assertThat(plan.placements()).extracting(p -> p.instance().name(), Placement::host)
                .containsExactly(tuple("small1", "c1"), tuple("small2", "c1"), tuple("large", "c2"));
    }

    @Test
    void whenPackingTightLeavesAnInstanceBehindTheInstancesAreSpread() {
        // Largest first (then as given), tight: a (3 GiB) -> c2 (1 left), d (2) -> c1 (3 left), b -> c1 (1 left),
        // c fits nowhere. Spread: a -> c1 (2 left), d -> c2 (2 left), b -> c1, c -> c2: every one of them fits.
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, List.of(
                new Instance("d", "d", 1, 2048, TargetPlanner.PROTECTED),
                new Instance("a", "a", 1, 3072, TargetPlanner.PROTECTED),
                new Instance("b", "b", 1, 2048, TargetPlanner.PROTECTED),
                new Instance("c", "c", 1, 2048, TargetPlanner.PROTECTED)),
                List.of(new Candidate("c1", 8, 5120, 0, false), new Candidate("c2", 8, 4096, 0, false)));

        assertThat(plan.placements()).extracting(p -> p.instance().name(), Placement::host)
                .containsExactly(tuple("d", "c2"), tuple("a", "c1"), tuple("b", "c1"), tuple("c", "c2"));
    }

    @Test
    void theLargestFreeRoomStaysWholeWhenAnotherHostWouldNeedIt() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, List.of(
                new Instance("a", "a", 1, 1024, TargetPlanner.PROTECTED),
                new Instance("b", "b", 1, 1024, TargetPlanner.PROTECTED)),
                List.of(new Candidate("c1", 8, 8192, 0, false, 0, 512), new Candidate("c2", 8, 4096, 0, false, 4, 8192)));

        assertThat(perHost(plan)).containsOnlyKeys("c2").containsEntry("c2", 2);
    }

    @Test
    void whenRoomIsShortTheProtectedInstanceIsPlacedAndTheSmallerUnprotectedOnesAreNot() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, List.of(
                new Instance("p", "protected", 1, 3072, TargetPlanner.PROTECTED),
                new Instance("o1", "other1", 1, 2048, TargetPlanner.UNPROTECTED),
                new Instance("o2", "other2", 1, 2048, TargetPlanner.UNPROTECTED)),
                List.of(new Candidate("c1", 8, 4096, 0, false)));

        assertThat(plan.placements()).extracting(Placement::host).containsExactly("c1", null, null);
    }

    @Test
    void autoPriorityTakesTheHighestPriorityHostThatFitsThenReservedHosts() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO_PRIORITY, instances(4, 4, 1024), List.of(
                new Candidate("big", 10, 8192, 0, false), new Candidate("preferred", 4, 8192, 5, false),
                new Candidate("spare", 4, 8192, 0, true)));

        assertThat(plan.placements()).extracting(Placement::host)
                .containsExactly("preferred", "big", "big", "spare");
        assertThat(plan.reservedHostsUsed()).containsExactly("spare");
    }

    @Test
    void reservedHostFillsOneReservedHostBeforeTakingTheNext() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.RESERVED_HOST, instances(5, 1, 2048), List.of(
                new Candidate("r1", 10, 4096, 0, true), new Candidate("r2", 10, 8192, 0, true),
                new Candidate("c1", 10, 8192, 0, false)));

        assertThat(plan.placements()).extracting(Placement::host).containsExactly("r1", "r1", "r2", "r2", "r2");
        assertThat(plan.reservedHostsUsed()).containsExactlyInAnyOrder("r1", "r2");
    }

    @Test
    void reservedHostFailsWhenReservedHostsAreFullEvenIfOthersHaveRoom() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.RESERVED_HOST, instances(2, 1, 4096), List.of(
                new Candidate("r1", 10, 4096, 0, true), new Candidate("c1", 10, 8192, 0, false)));

        assertThat(plan.placements()).extracting(Placement::host).containsExactly("r1", null);
        assertThat(plan.placements().get(1).reason()).contains("1 reserved host(s) (reserved_host)");
    }

    @Test
    void rhPriorityUsesReservedHostsFirstThenFallsBackToAuto() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.RH_PRIORITY, instances(3, 1, 4096), List.of(
                new Candidate("r1", 10, 4096, 0, true), new Candidate("c1", 10, 8192, 0, false),
                new Candidate("c2", 10, 4096, 0, false)));

        assertThat(plan.placements()).extracting(Placement::host).containsExactly("r1", "c2", "c1");
        assertThat(plan.reservedHostsUsed()).containsExactly("r1");
    }

    @Test
    void withNoCandidatesNothingIsPlaced() {
        Plan plan = TargetPlanner.plan(RecoveryMethod.AUTO, instances(1, 1, 512), List.of());

        assertThat(plan.placements()).singleElement().satisfies(p -> {
            assertThat(p.host()).isNull();
            assertThat(p.reason()).contains("0 healthy host(s)");
        });
    }
}
