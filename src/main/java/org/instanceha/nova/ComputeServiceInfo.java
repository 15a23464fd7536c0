package org.instanceha.nova;

/**
 * A nova-compute service as Nova reports it at microversion 2.53: {@code id} is its UUID,
 * {@code up} its heartbeat state, {@code enabled} whether the scheduler may use it, {@code updatedAt} its last
 * heartbeat as Nova's clock wrote it (UTC, without a zone), or null.
 */
public record ComputeServiceInfo(String id, String host, String zone, boolean enabled, boolean up,
                                 boolean forcedDown, String disabledReason, String updatedAt) {

    /** Nova's view in a few words: "up, enabled, last heartbeat 2026-12-06T14:05:03.000000". */
    public String summary() {
        return (forcedDown ? "forced down" : up ? "up" : "down") + ", " + (enabled ? "enabled" : "disabled")
                + ", last heartbeat " + (updatedAt == null ? "unknown" : updatedAt);
    }
}
