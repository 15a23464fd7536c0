package org.instanceha.recovery.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.instanceha.nova.Aggregate;
import org.instanceha.segment.FailureDomain;

/**
 * The failure domains of a segment's hosts ({@link FailureTolerance}), by its policy's {@code failure_domain}:
 * each host; the hosts of each availability zone (a host aggregate's {@code availability_zone} metadata, the
 * aggregate with the lowest id where a host has several; hosts in none are in the default zone, together); or the
 * hosts of each host aggregate, by name (a host in several is lost with each; a host in none is a domain of its
 * own). Only the segment's hosts count. Plain Java.
 */
public final class FailureDomains {

    /** The name of the domain of the hosts in no availability zone of an aggregate. */
    public static final String DEFAULT_ZONE = "(default zone)";

    private FailureDomains() {
    }

    public static List<FailureTolerance.Domain> of(FailureDomain kind, List<String> hosts, List<Aggregate> aggregates) {
        return switch (kind) {
            case HOST -> hosts.stream().map(h -> new FailureTolerance.Domain(h, List.of(h))).toList();
            case AVAILABILITY_ZONE -> zones(hosts, aggregates);
            case AGGREGATE -> byAggregate(hosts, aggregates);
        };
    }

    private static List<FailureTolerance.Domain> zones(List<String> hosts, List<Aggregate> aggregates) {
        List<Aggregate> zoned = aggregates.stream().filter(a -> zone(a) != null)
                .sorted(Comparator.comparingLong(Aggregate::id)).toList();
        Map<String, List<String>> byZone = new LinkedHashMap<>();
        for (String host : hosts) {
            String zone = zoned.stream().filter(a -> a.hosts().contains(host)).map(FailureDomains::zone).findFirst()
                    .orElse(DEFAULT_ZONE);
            byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(host);
        }
        return byZone.entrySet().stream().map(e -> new FailureTolerance.Domain(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private static String zone(Aggregate aggregate) {
        String zone = aggregate.metadata().get("availability_zone");
        return zone == null || zone.isBlank() ? null : zone;
    }

    private static List<FailureTolerance.Domain> byAggregate(List<String> hosts, List<Aggregate> aggregates) {
        List<FailureTolerance.Domain> domains = new ArrayList<>();
        List<String> inNone = new ArrayList<>(hosts);
        aggregates.stream().sorted(Comparator.comparing(Aggregate::name).thenComparingLong(Aggregate::id))
                .forEach(a -> {
                    List<String> members = hosts.stream().filter(a.hosts()::contains).toList();
                    if (!members.isEmpty()) {
                        domains.add(new FailureTolerance.Domain(a.name(), members));
                        inNone.removeAll(members);
                    }
                });
        inNone.forEach(h -> domains.add(new FailureTolerance.Domain(h, List.of(h))));
        return domains;
    }
}
