package org.instanceha.recovery.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.instanceha.recovery.planning.TargetPlanner.Candidate;
import org.instanceha.recovery.planning.TargetPlanner.Instance;
import org.instanceha.recovery.planning.TargetPlanner.Placement;
import org.instanceha.segment.RecoveryMethod;

/**
 * How many failure domains (hosts, racks) a segment can lose at once with every instance their recoveries would
 * evacuate placed: for N = 1, 2, ... up to {@code failures_to_tolerate} + 1 (at most {@value #MAX_FAILURES}), every
 * set of N domains is taken out together, and the instances of their hosts are planned, as one plan, on the hosts
 * left by {@link TargetPlanner} under the segment's recovery method. The largest N at which every set is fully
 * placed is the segment's tolerance; at the first N where some set is not, the set that leaves the most instances
 * behind (then the most RAM) is the worst case, named with those instances.
 * <p>
 * Under {@code auto} each set is first packed best fit on a sorted index of the hosts' free room, changed and
 * undone per set (a set that packs whole is placed by the planner too: the planner takes the best-fit packing
 * when it places every instance, and swaps it only for a plan that places as many); only a set that does not
 * pack whole is planned again by the planner itself, whose answer counts. The other methods go through the
 * planner for every set. Plain Java.
 */
public final class FailureTolerance {

    /** The most failures looked at: the sets of N hosts grow as hosts^N. */
    public static final int MAX_FAILURES = 3;

    /** What fails together: a host, or the hosts of a zone or an aggregate. */
    public record Domain(String name, List<String> hosts) {
    }

    /** An instance a set of failures would leave without a host, and the host it ran on. */
    public record Missing(String host, Instance instance) {
    }

    /** The worst set of {@code failures} domains: its hosts, and what their recoveries would leave behind. */
    public record WorstCase(int failures, List<String> domains, List<String> hosts, List<Missing> missing) {
    }

    /**
     * {@code tolerated}: the largest N checked at which every set of N domains is fully placed; {@code checkedUpTo}:
     * the largest N looked at; {@code worstCase}: at the first N that is not fully placed, else null;
     * {@code sets}: how many sets were planned.
     */
    public record Result(int tolerated, int checkedUpTo, WorstCase worstCase, long sets) {
    }

    private FailureTolerance() {
    }

    /** Up to which N a policy of {@code failuresToTolerate} is checked: one more, so that a margin shows. */
    public static int checkUpTo(int failuresToTolerate) {
        return Math.max(1, Math.min(failuresToTolerate + 1, MAX_FAILURES));
    }

    /**
     * @param instancesByHost what a recovery of each host would evacuate (hosts without any may be absent)
     * @param candidates      every host that may take instances now ({@link CandidateHostRules}, none left out)
     */
    public static Result of(RecoveryMethod method, int failuresToTolerate, List<Domain> domains,
                            Map<String, List<Instance>> instancesByHost, List<Candidate> candidates) {
        int upTo = checkUpTo(failuresToTolerate);
        Packing packing = method == RecoveryMethod.AUTO ? new Packing(candidates) : null;
        long sets = 0;
        for (int n = 1; n <= upTo; n++) {
            Worst worst = new Worst(n);
            int size = Math.min(n, domains.size());
            int[] chosen = new int[size];
            for (int i = 0; i < size; i++) {
                chosen[i] = i;
            }
            do {
                sets++;
                worst.consider(domains, chosen, evaluate(method, packing, domains, chosen, instancesByHost,
                        candidates));
            } while (next(chosen, domains.size()));
            if (worst.best != null) {
                return new Result(n - 1, upTo, worst.best, sets);
            }
            if (n >= domains.size()) {
                break;
            }
        }
        return new Result(upTo, upTo, null, sets);
    }

    /** What the recoveries of the chosen domains' hosts would leave behind, planned together. */
    static List<Missing> evaluate(RecoveryMethod method, Packing packing, List<Domain> domains, int[] chosen,
                                  Map<String, List<Instance>> instancesByHost, List<Candidate> candidates) {
        Set<String> failed = new LinkedHashSet<>();
        List<Instance> instances = new ArrayList<>();
        for (int d : chosen) {
            for (String host : domains.get(d).hosts()) {
                if (failed.add(host)) {
                    instances.addAll(instancesByHost.getOrDefault(host, List.of()));
                }
            }
        }
        if (instances.isEmpty() || (packing != null && packing.packsWhole(instances, failed))) {
            return List.of();
        }
        Map<Instance, String> from = new HashMap<>();
        failed.forEach(host -> instancesByHost.getOrDefault(host, List.of()).forEach(i -> from.put(i, host)));
        List<Candidate> left = candidates.stream().filter(c -> !failed.contains(c.host())).toList();
        List<Missing> missing = new ArrayList<>();
        for (Placement p : TargetPlanner.plan(method, instances, left).placements()) {
            if (p.host() == null) {
                missing.add(new Missing(from.get(p.instance()), p.instance()));
            }
        }
        return missing;
    }

    /** The next combination of {@code chosen.length} out of {@code n} in lexicographic order; false after the last. */
    private static boolean next(int[] chosen, int n) {
        int k = chosen.length;
        for (int i = k - 1; i >= 0; i--) {
            if (chosen[i] < n - k + i) {
                chosen[i]++;
                for (int j = i + 1; j < k; j++) {
                    chosen[j] = chosen[j - 1] + 1;
                }
                return true;
            }
        }
        return false;
    }

    /** The worst set seen at one N: the most instances left behind, then the most RAM, then the first seen. */
    private static final class Worst {
        final int failures;
        WorstCase best;
        long bestRam;

        Worst(int failures) {
            this.failures = failures;
        }

        void consider(List<Domain> domains, int[] chosen, List<Missing> missing) {
            if (missing.isEmpty()) {
                return;
            }
            long ram = missing.stream().mapToLong(m -> m.instance().ramMb()).sum();
            if (best == null || missing.size() > best.missing().size()
                    || (missing.size() == best.missing().size() && ram > bestRam)) {
                List<String> names = new ArrayList<>();
                List<String> hosts = new ArrayList<>();
                for (int d : chosen) {
                    names.add(domains.get(d).name());
                    domains.get(d).hosts().stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
                }
                best = new WorstCase(failures, List.copyOf(names), List.copyOf(hosts), List.copyOf(missing));
                bestRam = ram;
            }
        }
    }

    /**
     * The {@code auto} hosts' free room in best-fit order (least RAM, then fewest vCPUs, then host name: the first
     * that fits is the planner's tightest), changed while one set is packed and undone after it.
     */
    static final class Packing {

        private static final Comparator<Room> TIGHTEST_FIRST = Comparator.comparingLong((Room r) -> r.ramMb)
                .thenComparingLong(r -> r.vcpus).thenComparing(r -> r.host);

        private static final class Room {
            final String host;
            final long initialVcpus;
            final long initialRamMb;
            long vcpus;
            long ramMb;

            Room(String host, long vcpus, long ramMb) {
                this.host = host;
                this.initialVcpus = vcpus;
                this.initialRamMb = ramMb;
                this.vcpus = vcpus;
                this.ramMb = ramMb;
            }
        }

        private final TreeSet<Room> rooms = new TreeSet<>(TIGHTEST_FIRST);
        private final Map<String, Room> byHost = new HashMap<>();
        private final Room probe = new Room("", 0, 0);

        Packing(List<Candidate> candidates) {
            for (Candidate c : candidates) {
                if (TargetPlanner.mayUse(RecoveryMethod.AUTO, c)) {
                    Room room = new Room(c.host(), c.freeVcpus(), c.freeRamMb());
                    rooms.add(room);
                    byHost.put(c.host(), room);
                }
            }
        }

        /** Whether best fit places every instance on the hosts not {@code failed}; leaves the index as it was. */
        boolean packsWhole(List<Instance> instances, Set<String> failed) {
            List<Room> out = new ArrayList<>();
            for (String host : failed) {
                Room room = byHost.get(host);
                if (room != null && rooms.remove(room)) {
                    out.add(room);
                }
            }
            List<Room> changed = new ArrayList<>();
            boolean whole = true;
            for (Instance instance : instances.stream().sorted(TargetPlanner.PLACEMENT_ORDER).toList()) {
                Room room = tightestFitting(instance);
                if (room == null) {
                    whole = false;
                    break;
                }
                rooms.remove(room);
                if (room.vcpus == room.initialVcpus && room.ramMb == room.initialRamMb) {
                    changed.add(room);
                }
                room.vcpus -= instance.vcpus();
                room.ramMb -= instance.ramMb();
                rooms.add(room);
            }
            for (Room room : changed) {
                rooms.remove(room);
                room.vcpus = room.initialVcpus;
                room.ramMb = room.initialRamMb;
                rooms.add(room);
            }
            rooms.addAll(out);
            return whole;
        }

        private Room tightestFitting(Instance instance) {
            probe.ramMb = instance.ramMb();
            probe.vcpus = Long.MIN_VALUE;
            for (Room room : rooms.tailSet(probe, true)) {
                if (room.vcpus >= instance.vcpus()) {
                    return room;
                }
            }
            return null;
        }
    }
}
