package org.instanceha.notification;

import java.time.LocalDateTime;

/** A failure report, stored before anything is done about it. {@code payload} is canonical JSON text. */
public record Notification(long id, String uuid, LocalDateTime generatedTime, String sourceHostUuid,
                           NotificationType type, String payload, NotificationStatus status, String segmentUuid,
                           String message, LocalDateTime createdAt, LocalDateTime updatedAt,
                           LocalDateTime deletedAt, boolean deleted) {
}
