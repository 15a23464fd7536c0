package org.instanceha.recovery.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.instanceha.recovery.planning.TargetPlanner.Candidate;
import org.instanceha.recovery.planning.TargetPlanner.Instance;
import org.instanceha.recovery.planning.TargetPlanner.Placement;
import org.instanceha.recovery.planning.TargetPlanner.Plan;

/**
 * Plans for time, once room is sure: a host rebuilds the instances sent to it nearly one after another, so a
 * recovery ends when its busiest target is done. Given the plan that finds room ({@link TargetPlanner}'s
 * packing), this tries two that spread the same instances by count (each to the fitting host with the fewest
 * rebuilds planned so far, then the most free RAM): over every host, and over every host but the one with the
 * most free room, which it keeps whole. A spread plan is taken when it places as many instances, rank by rank,
 * as the packing, needs fewer rebuilds on its busiest target, and still leaves room for what another host of the
 * segment may need next: for each candidate host, and each host of the segment that failed too and is not planned
 * yet, the largest room left on the others is at least what that host runs (its used RAM and vCPUs), or at least
 * what the packing leaves. So a second failure at the same time finds
 * the room the packing would have kept for it. Plain Java.
 */
final class SpreadPlans {

    private SpreadPlans() {
    }

    /** The plan that finishes first among the packing and the two spread plans that keep its promises. */
    static Plan fastest(List<Instance> given, List<Instance> order, List<Candidate> candidates, Plan packing,
                        List<TargetPlanner.Load> alsoFailing) {
        List<Candidate> normal = candidates.stream().filter(c -> !c.reserved()).toList();
        if (normal.size() < 2) {
            return packing;
        }
        Candidate largest = normal.stream().max(Comparator.comparingLong(Candidate::freeRamMb)
                .thenComparingInt(Candidate::freeVcpus)).orElseThrow();
        Plan best = packing;
        for (Plan spread : List.of(spread(given, order, normal, largest), spread(given, order, normal, null))) {
            if (TargetPlanner.placedByRank(spread).compareTo(TargetPlanner.placedByRank(packing)) >= 0
                    && busiest(spread) < busiest(best) && leavesRoom(spread, packing, normal, alsoFailing)) {
                best = spread;
            }
        }
        return best;
    }

    /** How many rebuilds the plan sends to its busiest target. */
    static int busiest(Plan plan) {
        return perHost(plan).values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static Map<String, Integer> perHost(Plan plan) {
        Map<String, Integer> counts = new HashMap<>();
        plan.placements().stream().filter(p -> p.host() != null).forEach(p -> counts.merge(p.host(), 1, Integer::sum));
        return counts;
    }

    /** Spread by count, {@code kept} (if any) used only when no other host fits. */
    private static Plan spread(List<Instance> given, List<Instance> order, List<Candidate> candidates, Candidate kept) {
        Map<String, long[]> room = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        candidates.forEach(c -> room.put(c.host(), new long[] {c.freeVcpus(), c.freeRamMb()}));
        Comparator<Candidate> fewestThenMostRoom = Comparator.comparingInt((Candidate c) -> count.getOrDefault(c.host(), 0))
                .thenComparing(Comparator.comparingLong((Candidate c) -> room.get(c.host())[1]).reversed())
                .thenComparing(Candidate::host);
        Map<Instance, Placement> placed = new IdentityHashMap<>();
        for (Instance instance : order) {
            Optional<Candidate> target = candidates.stream().filter(c -> c != kept && fits(room.get(c.host()), instance))
                    .min(fewestThenMostRoom);
            if (target.isEmpty() && kept != null && fits(room.get(kept.host()), instance)) {
                target = Optional.of(kept);
            }
            if (target.isEmpty()) {
                placed.put(instance, new Placement(instance, null, "no room"));
                continue;
            }
            long[] left = room.get(target.get().host());
            left[0] -= instance.vcpus();
            left[1] -= instance.ramMb();
            count.merge(target.get().host(), 1, Integer::sum);
            placed.put(instance, new Placement(instance, target.get().host(), null));
        }
        return new Plan(given.stream().map(placed::get).toList(), java.util.Set.of());
    }

    private static boolean fits(long[] room, Instance instance) {
        return instance.vcpus() <= room[0] && instance.ramMb() <= room[1];
    }

    /**
     * Whether, after {@code spread}, each candidate host's own load still finds one other host with that much room,
     * or at least as much room as after the packing (RAM and vCPUs alike).
     */
    private static boolean leavesRoom(Plan spread, Plan packing, List<Candidate> candidates,
                                      List<TargetPlanner.Load> alsoFailing) {
        Map<String, long[]> afterSpread = roomAfter(spread, candidates);
        Map<String, long[]> afterPacking = roomAfter(packing, candidates);
        List<TargetPlanner.Load> next = new ArrayList<>(alsoFailing);
        candidates.forEach(c -> next.add(new TargetPlanner.Load(c.host(), c.loadVcpus(), c.loadRamMb())));
        for (TargetPlanner.Load load : next) {
            for (int d = 0; d < 2; d++) {
                long need = d == 0 ? load.vcpus() : load.ramMb();
                long spreadLeaves = largestElsewhere(afterSpread, load.host(), d);
                if (spreadLeaves < Math.min(need, largestElsewhere(afterPacking, load.host(), d))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, long[]> roomAfter(Plan plan, List<Candidate> candidates) {
        Map<String, long[]> room = new HashMap<>();
        candidates.forEach(c -> room.put(c.host(), new long[] {c.freeVcpus(), c.freeRamMb()}));
        for (Placement p : plan.placements()) {
            long[] left = p.host() == null ? null : room.get(p.host());
            if (left != null) {
                left[0] -= p.instance().vcpus();
                left[1] -= p.instance().ramMb();
            }
        }
        return room;
    }

    private static long largestElsewhere(Map<String, long[]> room, String host, int dimension) {
        return room.entrySet().stream().filter(e -> !e.getKey().equals(host)).mapToLong(e -> e.getValue()[dimension])
                .max().orElse(0);
    }
}
