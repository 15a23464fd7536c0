package org.instanceha.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a segment's hosts keep the disks of instances that do not boot from a volume (a segment's policy): on
 * storage the hosts share (Ceph, NFS: an evacuation keeps the data), or on each host's own disks (lost with it).
 * Nova's API does not tell; the operator does.
 */
public enum InstanceStorage {
    SHARED("shared"),
    LOCAL("local");

    private final String wireName;

    InstanceStorage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InstanceStorage> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(InstanceStorage::wireName).toList();
    }
}
