package org.instanceha.segment;

/** A validated partial update of a host; a null field stays as it is. */
public record HostChanges(String name, String type, String controlAttributes, Boolean reserved,
                          Boolean onMaintenance, Integer priority) {
}
