package org.instanceha.nova;

import java.util.List;
import java.util.Map;

/** A Nova host aggregate. */
public record Aggregate(long id, String name, List<String> hosts, Map<String, String> metadata) {

    public Aggregate {
        hosts = List.copyOf(hosts);
        metadata = Map.copyOf(metadata);
    }
}
