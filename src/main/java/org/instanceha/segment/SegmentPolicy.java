package org.instanceha.segment;

import java.time.LocalDateTime;

/**
 * A segment's policy, instance-ha's settings beside Masakari's segment fields: what happens to a recovered host
 * once it is healthy again ({@code return_to_service}), and whether the instances its recovery moved go home
 * then ({@code failback}). {@code updatedAt} is null for a segment that keeps the defaults.
 */
public record SegmentPolicy(ReturnToService returnToService, boolean failback, LocalDateTime updatedAt) {

    public static final SegmentPolicy DEFAULTS = new SegmentPolicy(ReturnToService.AUTO, false, null);

    /** This policy with the given changes (null: unchanged). */
    public SegmentPolicy with(Changes changes, LocalDateTime now) {
        return new SegmentPolicy(
                changes.returnToService() != null ? changes.returnToService() : returnToService,
                changes.failback() != null ? changes.failback() : failback,
                now);
    }

    /** A policy update: each field null when the request leaves it as it is. */
    public record Changes(ReturnToService returnToService, Boolean failback) {
    }
}
