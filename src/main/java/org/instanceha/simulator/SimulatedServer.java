package org.instanceha.simulator;

import java.time.Instant;
import java.util.Map;

/** A server (instance). */
public final class SimulatedServer {
    final String id;
    final String name;
    final String projectId;
    final String userId;
    final CloudSeed.FlavorSeed flavor;
    final Instant created;
    final int index;
    String host;
    String vmState;
    String taskState;
    int powerState;
    boolean locked;
    Map<String, String> metadata;
    String fault;
    Instant updated;
    /** The host an evacuation in progress is moving it to. */
    String movingTo;

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public synchronized String host() {
        return host;
    }

    public synchronized String vmState() {
        return vmState;
    }

    public synchronized String taskState() {
        return taskState;
    }

    SimulatedServer(String id, String name, String projectId, String userId, CloudSeed.FlavorSeed flavor, int index,
           Instant created) {
        this.id = id;
        this.name = name;
        this.projectId = projectId;
        this.userId = userId;
        this.flavor = flavor;
        this.index = index;
        this.created = created;
        this.updated = created;
    }
}
