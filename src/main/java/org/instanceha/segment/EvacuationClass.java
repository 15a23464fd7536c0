package org.instanceha.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an evacuation does to an instance, by how it is built (a segment's policy gives each class its
 * {@link EvacuationAction}): rebuilt with its disks on volumes, rebuilt on storage its new host shares, rebuilt
 * empty from its image (its local disks are lost with the host), not rebuildable by Nova at all, or recreated by
 * the service that owns it.
 */
public enum EvacuationClass {
    /** Boots from a volume and has no disk of the host's: rebuilt with all its data. */
    VOLUME_BACKED("volume_backed", "volume-backed"),
    /** Its disks live on the instance storage, which the segment's hosts share: rebuilt with its data. */
    SHARED_EPHEMERAL("shared_ephemeral", "ephemeral disks on shared storage"),
    /** Its disks lived on the failed host: rebuilt from its image, the data of its disks lost. */
    LOCAL_EPHEMERAL("local_ephemeral", "local ephemeral disks, rebuilt empty from its image"),
    /** Nova cannot rebuild it elsewhere (a vTPM, accelerators, PCI devices). */
    NOT_EVACUABLE("not_evacuable", "not evacuable by Nova"),
    /** Belongs to a service that recreates it itself (a load balancer's amphora, say). */
    SERVICE_OWNED("service_owned", "owned by a service");

    private final String wireName;
    private final String description;

    EvacuationClass(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    /** In the words of a notification's message. */
    public String description() {
        return description;
    }

    public static Optional<EvacuationClass> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EvacuationClass::wireName).toList();
    }
}
