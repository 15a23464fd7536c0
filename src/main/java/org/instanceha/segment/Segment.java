package org.instanceha.segment;

import java.time.LocalDateTime;

/** A failover segment: a group of hosts that recover each other's instances. */
public record Segment(
        long id,
        String uuid,
        String name,
        String description,
        RecoveryMethod recoveryMethod,
        String serviceType,
        boolean enabled,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        LocalDateTime deletedAt,
        boolean deleted) {
}
