package org.instanceha.segment;

/** Filters of the segment list; a null field does not filter. */
public record SegmentFilter(RecoveryMethod recoveryMethod, String serviceType, Boolean enabled) {
}
