package org.instanceha.nova;

/**
 * A nova-compute service as Nova reports it at microversion 2.53: {@code id} is its UUID,
 * {@code up} its heartbeat state, {@code enabled} whether the scheduler may use it.
 */
public record ComputeServiceInfo(String id, String host, String zone, boolean enabled, boolean up,
                                 boolean forcedDown, String disabledReason) {
}
