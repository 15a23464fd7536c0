package org.instanceha.notification;

import java.time.LocalDateTime;

/** Filters of the notification list; a null field does not filter. */
public record NotificationFilter(NotificationStatus status, String sourceHostUuid, NotificationType type,
                                 LocalDateTime generatedSince) {
}
