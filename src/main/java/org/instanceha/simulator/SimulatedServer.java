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
    /** Set by a test: every start of this server fails, and it stays stopped. */
    boolean refusesToStart;
    /** The host an evacuation in progress is moving it to. */
    String movingTo;
    /** Booted from a volume: Nova shows its {@code image} as an empty string. */
    boolean volumeBacked;
    /** Its evacuation in progress was asked at 2.95 or later: it arrives stopped. */
    boolean arrivesStopped;

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public synchronized String host() {
        return host;
    }

    /** Its metadata as it is now (a copy). */
    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    public synchronized String vmState() {
        return vmState;
    }

    public synchronized String taskState() {
        return taskState;
    }

    public synchronized int powerState() {
        return powerState;
    }

    /** Makes it a server booted from a volume (set by a test before the server is used). */
    public synchronized SimulatedServer bootedFromVolume() {
        volumeBacked = true;
        return this;
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

    /** Nova's vm_state and the power state the test bed shows with it (paused 1, rescued 4, resized 1). */
    synchronized void setVmState(String state, Instant now) {
        powerState = switch (state) {
            case "active", "paused", "resized" -> 1;
            case "stopped", "rescued" -> 4;
            case "error" -> powerState;
            default -> throw new IllegalArgumentException("vm_state " + state + " is not simulated");
        };
        vmState = state;
        taskState = null;
        updated = now;
    }
}
