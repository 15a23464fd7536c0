package org.instanceha.recovery.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.instanceha.segment.RecoveryMethod;

/**
 * Chooses a target host for each instance of a failed host, by the segment's recovery method, and
 * never plans more onto a host than its free vCPUs and RAM hold.
 * <p>
 * Instances are placed by {@link Instance#rank() rank} first (protected ones before the others), so that
 * when room runs out it is the lower ranks that get it; within a rank the largest first, since a small
 * instance fits where a large one no longer does. Each goes, among the hosts its recovery method allows,
 * where it fits best (the least room left after it), so that the largest free room of the segment stays
 * whole for what comes next: the rest of this plan, or the plan of a second host failing at the same time.
 * <ul>
 *   <li>{@code auto}: the healthy, non-reserved hosts.</li>
 *   <li>{@code auto_priority}: the fitting non-reserved host of highest priority (then best fit);
 *       reserved hosts when none fits.</li>
 *   <li>{@code reserved_host}: reserved hosts, filling one before taking the next.</li>
 *   <li>{@code rh_priority}: reserved hosts first, then as {@code auto}.</li>
 * </ul>
 * When that leaves an instance without a host, the same order is tried once more spreading (each instance
 * on the host with the most free RAM); the plan that places more, rank by rank, wins. So a plan leaves an
 * instance behind only when neither greedy packing finds room for it.
 * <p>
 * Plain Java: the caller supplies candidates that are already healthy (not on maintenance, service up).
 */
public final class TargetPlanner {

    /**
     * An instance to place, with its flavor's size and its rank: every instance of a lower rank is placed
     * before any of a higher one ({@link #PROTECTED} before {@link #UNPROTECTED}).
     */
    public record Instance(String id, String name, int vcpus, int ramMb, int rank) {
    }

    /** The rank of an instance whose metadata asks for its protection ({@code HA_Enabled}). */
    public static final int PROTECTED = 0;
    /** The rank of an instance evacuated only because {@code evacuate-all-instances} is on. */
    public static final int UNPROTECTED = 1;

    /**
     * The placement order: by rank, then the largest (RAM, then vCPUs) first, then as given (also
     * {@link FailureTolerance}'s best-fit index).
     */
    static final Comparator<Instance> PLACEMENT_ORDER = Comparator.comparingInt(Instance::rank)
            .thenComparing(Comparator.comparingInt(Instance::ramMb).reversed())
            .thenComparing(Comparator.comparingInt(Instance::vcpus).reversed());

    /** How a recovery method chooses among the hosts an instance fits on. */
    private enum Fit { BEST, SPREAD }

    /**
     * A host that may take instances, with its free room now, and what its own instances use (what it would need
     * elsewhere if it failed next; 0 when unknown).
     */
    public record Candidate(String host, int freeVcpus, long freeRamMb, int priority, boolean reserved, int loadVcpus,
                            long loadRamMb) {

        /** A candidate whose own load is not known. */
        public Candidate(String host, int freeVcpus, long freeRamMb, int priority, boolean reserved) {
            this(host, freeVcpus, freeRamMb, priority, reserved, 0, 0);
        }

        /** The same host with room that other plans claim: less free, and more that it runs. */
        public Candidate claimed(int vcpus, long ramMb) {
            return new Candidate(host, freeVcpus - vcpus, freeRamMb - ramMb, priority, reserved, loadVcpus + vcpus,
                    loadRamMb + ramMb);
        }
    }

    /** Where an instance goes, or, with {@code host} null, why it cannot go anywhere. */
    public record Placement(Instance instance, String host, String reason) {
    }

    /** The placements, in the order the instances were given, and the reserved hosts the plan takes into use. */
    public record Plan(List<Placement> placements, Set<String> reservedHostsUsed) {
    }

    private static final class Room {
        final Candidate candidate;
        int vcpus;
        long ramMb;
        boolean used;

        Room(Candidate candidate) {
            this.candidate = candidate;
            this.vcpus = candidate.freeVcpus();
            this.ramMb = candidate.freeRamMb();
        }

        boolean fits(Instance instance) {
            return instance.vcpus() <= vcpus && instance.ramMb() <= ramMb;
        }

        void take(Instance instance) {
            vcpus -= instance.vcpus();
            ramMb -= instance.ramMb();
            used = true;
        }
    }

    private TargetPlanner() {
    }

    /** Whether a recovery under {@code method} may ever place an instance on {@code candidate}. */
    public static boolean mayUse(RecoveryMethod method, Candidate candidate) {
        return switch (method) {
            case AUTO -> !candidate.reserved();
            case RESERVED_HOST -> candidate.reserved();
            case AUTO_PRIORITY, RH_PRIORITY -> true;
        };
    }

    /** What a host that failed too, and is not planned yet, will need: what its instances use. */
    public record Load(String host, int vcpus, long ramMb) {
    }

    public static Plan plan(RecoveryMethod method, List<Instance> instances, List<Candidate> candidates) {
        return plan(method, instances, candidates, List.of());
    }

    /**
     * @param alsoFailing the other hosts of the segment that failed too and whose instances are still to be placed:
     *                    a plan that spreads leaves them the room packing would (see {@link SpreadPlans})
     */
    public static Plan plan(RecoveryMethod method, List<Instance> instances, List<Candidate> candidates,
                            List<Load> alsoFailing) {
        List<Instance> order = instances.stream().sorted(PLACEMENT_ORDER).toList();
        Plan bestFit = plan(method, instances, order, candidates, Fit.BEST);
        Plan room = bestFit;
        if (!bestFit.placements().stream().allMatch(p -> p.host() != null)) {
            Plan spread = plan(method, instances, order, candidates, Fit.SPREAD);
            room = placedByRank(spread).compareTo(placedByRank(bestFit)) > 0 ? spread : bestFit;
        }
        // auto: among the plans that place as many, the one that finishes first. The other methods keep their
        // order of hosts (priorities, reserved hosts filled one by one).
        Plan fastest = method == RecoveryMethod.AUTO ? SpreadPlans.fastest(instances, order, candidates, room,
                alsoFailing) : room;
        return fastest == room ? room : withReasons(fastest, method, candidates);
    }

    /** A spread plan with the packing's words for what it leaves behind. */
    private static Plan withReasons(Plan plan, RecoveryMethod method, List<Candidate> candidates) {
        List<Room> normal = candidates.stream().filter(c -> !c.reserved()).map(Room::new).toList();
        List<Room> reserved = candidates.stream().filter(Candidate::reserved).map(Room::new).toList();
        return new Plan(plan.placements().stream().map(p -> p.host() != null ? p
                : new Placement(p.instance(), null, noRoom(method, p.instance(), normal, reserved))).toList(),
                plan.reservedHostsUsed());
    }

    private static Plan plan(RecoveryMethod method, List<Instance> given, List<Instance> order,
                             List<Candidate> candidates, Fit fit) {
        List<Room> normal = new ArrayList<>();
        List<Room> reserved = new ArrayList<>();
        candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::priority).reversed().thenComparing(Candidate::host))
                .forEach(c -> (c.reserved() ? reserved : normal).add(new Room(c)));
        Map<Instance, Placement> placed = new IdentityHashMap<>();
        Set<String> reservedUsed = new LinkedHashSet<>();
        for (Instance instance : order) {
            Optional<Room> room = switch (method) {
                case AUTO -> spread(normal, instance, fit);
                case AUTO_PRIORITY -> highestPriority(normal, instance, fit)
                        .or(() -> fillInOrder(reserved, instance, fit));
                case RESERVED_HOST -> fillInOrder(reserved, instance, fit);
                case RH_PRIORITY -> fillInOrder(reserved, instance, fit).or(() -> spread(normal, instance, fit));
            };
            if (room.isPresent()) {
                room.get().take(instance);
                if (room.get().candidate.reserved()) {
                    reservedUsed.add(room.get().candidate.host());
                }
                placed.put(instance, new Placement(instance, room.get().candidate.host(), null));
            } else {
                placed.put(instance, new Placement(instance, null, noRoom(method, instance, normal, reserved)));
            }
        }
        return new Plan(given.stream().map(placed::get).toList(), Set.copyOf(reservedUsed));
    }

    /** How many instances of each rank a plan places, lowest rank first: the more, rank by rank, the better. */
    static PlacedByRank placedByRank(Plan plan) {
        Map<Integer, Integer> counts = new TreeMap<>();
        plan.placements().forEach(p -> counts.merge(p.instance().rank(), p.host() == null ? 0 : 1, Integer::sum));
        return new PlacedByRank(List.copyOf(counts.values()));
    }

    record PlacedByRank(List<Integer> counts) implements Comparable<PlacedByRank> {
        @Override
        public int compareTo(PlacedByRank other) {
            for (int i = 0; i < Math.min(counts.size(), other.counts.size()); i++) {
                int c = Integer.compare(counts.get(i), other.counts.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    /** The larger, the tighter: the fitting host with the least RAM (then vCPUs) left after the instance. */
    private static final Comparator<Room> TIGHTEST = Comparator.comparingLong((Room r) -> -r.ramMb)
            .thenComparingLong(r -> -r.vcpus).thenComparing(r -> r.candidate.host(), Comparator.reverseOrder());

    /** {@code auto}: the tightest fitting host, or spreading, the one with the most free RAM. */
    private static Optional<Room> spread(List<Room> rooms, Instance instance, Fit fit) {
        return rooms.stream().filter(r -> r.fits(instance)).max(fit == Fit.BEST ? TIGHTEST
                : Comparator.comparingLong((Room r) -> r.ramMb).thenComparingInt(r -> r.vcpus)
                        .thenComparing(r -> r.candidate.host(), Comparator.reverseOrder()));
    }

    /** {@code auto_priority}: the fitting host of highest priority, then the tightest or the most free RAM. */
    private static Optional<Room> highestPriority(List<Room> rooms, Instance instance, Fit fit) {
        Comparator<Room> byPriority = Comparator.comparingInt((Room r) -> r.candidate.priority());
        return rooms.stream().filter(r -> r.fits(instance)).max(fit == Fit.BEST ? byPriority.thenComparing(TIGHTEST)
                : byPriority.thenComparingLong(r -> r.ramMb)
                        .thenComparing(r -> r.candidate.host(), Comparator.reverseOrder()));
    }

    /**
     * Reserved hosts: the tightest of those in use that still fits, else the tightest of the others;
     * spreading, the first in order of those in use that fits, else the next one in order that fits.
     */
    private static Optional<Room> fillInOrder(List<Room> rooms, Instance instance, Fit fit) {
        if (fit == Fit.BEST) {
            return rooms.stream().filter(r -> r.used && r.fits(instance)).max(TIGHTEST)
                    .or(() -> rooms.stream().filter(r -> !r.used && r.fits(instance)).max(TIGHTEST));
        }
        return rooms.stream().filter(r -> r.used && r.fits(instance)).findFirst()
                .or(() -> rooms.stream().filter(r -> !r.used && r.fits(instance)).findFirst());
    }

    private static String noRoom(RecoveryMethod method, Instance instance, List<Room> normal, List<Room> reserved) {
        String size = instance.vcpus() + " vCPU, " + instance.ramMb() + " MB RAM";
        String where = switch (method) {
            case AUTO -> normal.size() + " healthy host(s)";
            case RESERVED_HOST -> reserved.size() + " reserved host(s)";
            case AUTO_PRIORITY, RH_PRIORITY -> normal.size() + " healthy and " + reserved.size() + " reserved host(s)";
        };
        return "No host has room for " + instance.name() + " (" + size + "): none of the segment's " + where
                + " (" + method.wireName() + ") has that much free.";
    }
}
