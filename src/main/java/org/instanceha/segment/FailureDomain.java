package org.instanceha.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What fails together when a segment's failure tolerance is counted (a segment's policy, {@link SegmentPolicy}):
 * one host, the hosts of a Nova availability zone, or the hosts of a Nova host aggregate (a rack, a power feed).
 */
public enum FailureDomain {
    /** Each host fails on its own. */
    HOST("host"),
    /**
     * The hosts of one availability zone fail together (the zone of a host aggregate's {@code availability_zone}
     * metadata; hosts in no such aggregate are in the default zone, together).
     */
    AVAILABILITY_ZONE("availability_zone"),
    /** The hosts of one host aggregate fail together; a host in several is lost with each, one in none alone. */
    AGGREGATE("aggregate");

    private final String wireName;

    FailureDomain(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FailureDomain> fromWire(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(FailureDomain::wireName).toList();
    }
}
