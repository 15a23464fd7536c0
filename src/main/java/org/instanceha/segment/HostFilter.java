package org.instanceha.segment;

/** Filters of the host list; a null field does not filter. */
public record HostFilter(String type, Boolean onMaintenance, Boolean reserved) {
}
