package org.instanceha.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.instanceha.segment.RecoveryMethod;

/**
 * Chooses a target host for each instance of a failed host, by the segment's recovery method, and
 * never plans more onto a host than its free vCPUs and RAM hold. Instances are placed in the order
 * given (protected ones first), so that when room runs out it is the unprotected ones that do not fit.
 * <ul>
 *   <li>{@code auto}: the healthy, non-reserved host with the most free RAM that fits; this spreads.</li>
 *   <li>{@code auto_priority}: the fitting non-reserved host of highest priority (then most free RAM);
 *       reserved hosts when none fits.</li>
 *   <li>{@code reserved_host}: reserved hosts, filling one before taking the next.</li>
 *   <li>{@code rh_priority}: reserved hosts first, then as {@code auto}.</li>
 * </ul>
 * Plain Java: the caller supplies candidates that are already healthy (not on maintenance, service up).
 */
public final class TargetPlanner {

    /** An instance to place, with its flavor's size. */
    public record Instance(String id, String name, int vcpus, int ramMb) {
    }

    /** A host that may take instances, with its free room now. */
    public record Candidate(String host, int freeVcpus, long freeRamMb, int priority, boolean reserved) {
    }

    /** Where an instance goes, or, with {@code host} null, why it cannot go anywhere. */
    public record Placement(Instance instance, String host, String reason) {
    }

    /** The placements, in instance order, and the reserved hosts the plan takes into use. */
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

    public static Plan plan(RecoveryMethod method, List<Instance> instances, List<Candidate> candidates) {
        List<Room> normal = new ArrayList<>();
        List<Room> reserved = new ArrayList<>();
        candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::priority).reversed().thenComparing(Candidate::host))
                .forEach(c -> (c.reserved() ? reserved : normal).add(new Room(c)));
        List<Placement> placements = new ArrayList<>();
        Set<String> reservedUsed = new LinkedHashSet<>();
        for (Instance instance : instances) {
            Optional<Room> room = switch (method) {
                case AUTO -> mostFreeRam(normal, instance);
                case AUTO_PRIORITY -> highestPriority(normal, instance).or(() -> fillInOrder(reserved, instance));
                case RESERVED_HOST -> fillInOrder(reserved, instance);
                case RH_PRIORITY -> fillInOrder(reserved, instance).or(() -> mostFreeRam(normal, instance));
            };
            if (room.isPresent()) {
                room.get().take(instance);
                if (room.get().candidate.reserved()) {
                    reservedUsed.add(room.get().candidate.host());
                }
                placements.add(new Placement(instance, room.get().candidate.host(), null));
            } else {
                placements.add(new Placement(instance, null, noRoom(method, instance, normal, reserved)));
            }
        }
        return new Plan(List.copyOf(placements), Set.copyOf(reservedUsed));
    }

    private static Optional<Room> mostFreeRam(List<Room> rooms, Instance instance) {
        return rooms.stream().filter(r -> r.fits(instance))
                .max(Comparator.comparingLong((Room r) -> r.ramMb).thenComparingInt(r -> r.vcpus)
                        .thenComparing(r -> r.candidate.host(), Comparator.reverseOrder()));
    }

    private static Optional<Room> highestPriority(List<Room> rooms, Instance instance) {
        return rooms.stream().filter(r -> r.fits(instance))
                .max(Comparator.comparingInt((Room r) -> r.candidate.priority()).thenComparingLong(r -> r.ramMb)
                        .thenComparing(r -> r.candidate.host(), Comparator.reverseOrder()));
    }

    /** A reserved host already in use that still fits, else the next one in order that fits. */
    private static Optional<Room> fillInOrder(List<Room> rooms, Instance instance) {
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
