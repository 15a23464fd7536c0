package org.instanceha.segment;

/** A validated request to create a segment; {@code enabled} defaults to true. */
public record SegmentDraft(String name, String description, RecoveryMethod recoveryMethod, String serviceType,
                           boolean enabled) {
}
