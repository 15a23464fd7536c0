package org.instanceha.segment;

/** A validated request to register a host in a segment. */
public record HostDraft(String name, String type, String controlAttributes, boolean reserved, boolean onMaintenance,
                        int priority) {
}
