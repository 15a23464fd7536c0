package org.instanceha.segment;

/**
 * A Nova compute host that is in no segment yet, as the dashboard offers it: its name, availability zone,
 * Nova's view of its nova-compute ({@code up}, {@code down}, {@code forced down}; enabled or not) and last heartbeat.
 */
public record UnassignedHost(String name, String zone, String state, boolean enabled, String lastHeartbeat) {
}
