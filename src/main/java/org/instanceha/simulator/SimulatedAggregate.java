package org.instanceha.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A host aggregate. */
public final class SimulatedAggregate {
    final long id;
    final String uuid = UUID.randomUUID().toString();
    final String name;
    final List<String> hosts;
    final Map<String, String> metadata;
    final Instant created;
    Instant updated;

    SimulatedAggregate(long id, String name, List<String> hosts, Map<String, String> metadata, Instant created) {
        this.id = id;
        this.name = name;
        this.hosts = new ArrayList<>(hosts);
        this.metadata = new LinkedHashMap<>(metadata);
        this.created = created;
    }
}
