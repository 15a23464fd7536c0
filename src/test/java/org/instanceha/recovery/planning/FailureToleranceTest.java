package org.instanceha.recovery.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.instanceha.recovery.planning.FailureTolerance.Domain;
import org.instanceha.recovery.planning.TargetPlanner.Candidate;
import org.instanceha.recovery.planning.TargetPlanner.Instance;
import org.instanceha.segment.RecoveryMethod;

/**
 * {@link FailureTolerance} against a brute-force oracle: on random small clouds (hosts with random free room,
 * some reserved, random instances, domains of one or several hosts, every recovery method), every set of N domains
 * planned by {@link TargetPlanner} itself, N = 1 upwards. The tolerance and the worst case's number of instances
 * left behind must be the oracle's, and the instances it names must be those the planner leaves behind for that set.
 */
class FailureToleranceTest {

    record Cloud(RecoveryMethod method, int failuresToTolerate, List<Candidate> candidates, List<Domain> domains,
                 Map<String, List<Instance>> instances) {
    }

    @Property(tries = 400)
    void agreesWithPlanningEverySetOfFailures(@ForAll("clouds") Cloud cloud) {
        FailureTolerance.Result fast = FailureTolerance.of(cloud.method(), cloud.failuresToTolerate(), cloud.domains(),
                cloud.instances(), cloud.candidates());

        int upTo = FailureTolerance.checkUpTo(cloud.failuresToTolerate());
        int tolerated = upTo;
        int mostLeft = 0;
        for (int n = 1; n <= upTo; n++) {
            int worst = 0;
            for (List<Integer> set : sets(cloud.domains().size(), Math.min(n, cloud.domains().size()))) {
                worst = Math.max(worst, leftBehind(cloud, set).size());
            }
            if (worst > 0) {
                tolerated = n - 1;
                mostLeft = worst;
                break;
            }
            if (n >= cloud.domains().size()) {
                break;
            }
        }

        assertThat(fast.tolerated()).as("tolerated").isEqualTo(tolerated);
        assertThat(fast.checkedUpTo()).isEqualTo(upTo);
        if (mostLeft == 0) {
            assertThat(fast.worstCase()).isNull();
            return;
        }
        assertThat(fast.worstCase().failures()).isEqualTo(tolerated + 1);
        assertThat(fast.worstCase().missing()).hasSize(mostLeft);
        List<Integer> worstSet = new ArrayList<>();
        for (String name : fast.worstCase().domains()) {
            worstSet.add(indexOf(cloud.domains(), name));
        }
        assertThat(fast.worstCase().missing()).extracting(m -> m.instance().id())
                .containsExactlyInAnyOrderElementsOf(leftBehind(cloud, worstSet));
    }

    @Example
    void aSegmentThatAbsorbsOneHostButNotTwoNamesThePairThatDoesNotFit() {
        List<Candidate> hosts = List.of(candidate("c1", 4096), candidate("c2", 4096), candidate("c3", 4096));
        Map<String, List<Instance>> instances = Map.of(
                "c1", List.of(instance("a1", 2048), instance("a2", 1024)),
                "c2", List.of(instance("b1", 3072)),
                "c3", List.of(instance("c1-vm", 1024)));
        List<Domain> domains = List.of(new Domain("c1", List.of("c1")), new Domain("c2", List.of("c2")),
                new Domain("c3", List.of("c3")));

        FailureTolerance.Result result = FailureTolerance.of(RecoveryMethod.AUTO, 1, domains, instances, hosts);

        assertThat(result.tolerated()).isEqualTo(1);
        assertThat(result.checkedUpTo()).isEqualTo(2);
        assertThat(result.worstCase().failures()).isEqualTo(2);
        assertThat(result.worstCase().hosts()).containsExactly("c1", "c2");
        assertThat(result.worstCase().missing()).as("b1 then a2 fill c3; a1 finds no host")
                .extracting(m -> m.instance().name()).containsExactly("a1");
        assertThat(result.worstCase().missing().get(0).host()).isEqualTo("c1");
    }

    @Example
    void aRackFailsWithAllItsHosts() {
        List<Candidate> hosts = List.of(candidate("r1a", 4096), candidate("r1b", 4096), candidate("r2a", 6144),
                candidate("r2b", 2048));
        Map<String, List<Instance>> instances = Map.of("r1a", List.of(instance("x", 3072)),
                "r1b", List.of(instance("y", 3072)));

        assertThat(FailureTolerance.of(RecoveryMethod.AUTO, 1, List.of(new Domain("r1a", List.of("r1a")),
                new Domain("r1b", List.of("r1b")), new Domain("r2a", List.of("r2a")), new Domain("r2b", List.of("r2b"))),
                instances, hosts).tolerated()).as("hosts on their own: any two may fail").isEqualTo(2);
        FailureTolerance.Result racks = FailureTolerance.of(RecoveryMethod.AUTO, 1, List.of(
                new Domain("rack1", List.of("r1a", "r1b")), new Domain("rack2", List.of("r2a", "r2b"))), instances, hosts);
        assertThat(racks.tolerated()).as("rack2 takes rack1's x and y; losing both racks loses everything").isEqualTo(1);
        assertThat(racks.worstCase().domains()).containsExactly("rack1", "rack2");
        assertThat(racks.worstCase().missing()).hasSize(2);
    }

    @Example
    void aSegmentWithNothingToEvacuateToleratesAllItIsAsked() {
        FailureTolerance.Result result = FailureTolerance.of(RecoveryMethod.AUTO, 3,
                List.of(new Domain("c1", List.of("c1"))), Map.of(), List.of(candidate("c1", 1024)));
        assertThat(result.tolerated()).isEqualTo(3);
        assertThat(result.worstCase()).isNull();
    }

    /** What the planner leaves behind when the set's domains fail: the oracle's plan, as a recovery plans it. */
    private static List<String> leftBehind(Cloud cloud, List<Integer> set) {
        Set<String> failed = new LinkedHashSet<>();
        set.forEach(d -> failed.addAll(cloud.domains().get(d).hosts()));
        List<Instance> instances = new ArrayList<>();
        failed.forEach(h -> instances.addAll(cloud.instances().getOrDefault(h, List.of())));
        List<Candidate> left = cloud.candidates().stream().filter(c -> !failed.contains(c.host())).toList();
        return TargetPlanner.plan(cloud.method(), instances, left).placements().stream()
                .filter(p -> p.host() == null).map(p -> p.instance().id()).toList();
    }

    private static List<List<Integer>> sets(int n, int k) {
        List<List<Integer>> sets = new ArrayList<>();
        collect(n, k, 0, new ArrayList<>(), sets);
        return sets;
    }

    private static void collect(int n, int k, int from, List<Integer> chosen, List<List<Integer>> sets) {
        if (chosen.size() == k) {
            sets.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i < n; i++) {
            chosen.add(i);
            collect(n, k, i + 1, chosen, sets);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static int indexOf(List<Domain> domains, String name) {
        for (int i = 0; i < domains.size(); i++) {
            if (domains.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no domain " + name);
    }

    private static Candidate candidate(String host, long freeRamMb) {
        return new Candidate(host, 16, freeRamMb, 0, false);
    }

    private static Instance instance(String name, int ramMb) {
        return new Instance(name, name, 1, ramMb, TargetPlanner.PROTECTED);
    }

    @Provide
    Arbitrary<Cloud> clouds() {
        Arbitrary<RecoveryMethod> methods = Arbitraries.of(RecoveryMethod.values());
        Arbitrary<Integer> hostCounts = Arbitraries.integers().between(1, 7);
        return Combinators.combine(methods, Arbitraries.integers().between(0, 3), hostCounts,
                Arbitraries.longs().between(0, Long.MAX_VALUE)).as(FailureToleranceTest::cloud);
    }

    /** A random cloud from a seed: hosts with 0 to 8 vCPUs and 0 to 8 GB free, instances of 1 to 4 vCPUs and GB. */
    private static Cloud cloud(RecoveryMethod method, int failuresToTolerate, int hostCount, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Candidate> candidates = new ArrayList<>();
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            String host = "host" + h;
            names.add(host);
            candidates.add(new Candidate(host, random.nextInt(9), 512L * random.nextInt(17), random.nextInt(3),
                    random.nextInt(5) == 0));
            List<Instance> onHost = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                String id = host + "-vm" + i;
                onHost.add(new Instance(id, id, 1 + random.nextInt(4), 512 * (1 + random.nextInt(8)),
                        random.nextInt(4) == 0 ? TargetPlanner.UNPROTECTED : TargetPlanner.PROTECTED));
            }
            instances.put(host, onHost);
        }
        List<Domain> domains = new ArrayList<>();
        if (random.nextBoolean()) {
            names.forEach(h -> domains.add(new Domain(h, List.of(h))));
        } else {
            // Racks of one to three hosts; now and then a host in two racks.
            int start = 0;
            while (start < names.size()) {
                int end = Math.min(names.size(), start + 1 + random.nextInt(3));
                List<String> rack = new ArrayList<>(names.subList(start, end));
                if (random.nextInt(4) == 0 && end < names.size()) {
                    rack.add(names.get(end));
                }
                domains.add(new Domain("rack" + domains.size(), List.copyOf(rack)));
                start = end;
            }
        }
        return new Cloud(method, failuresToTolerate, List.copyOf(candidates), List.copyOf(domains), instances);
    }
}
