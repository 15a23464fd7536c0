package org.instanceha.notification;

import java.time.LocalDateTime;

/**
 * Filters of the notification list; a null field does not filter. {@code waitingForOperator}: only those
 * with an instance waiting for an operator's decision.
 */
public record NotificationFilter(NotificationStatus status, String sourceHostUuid, NotificationType type,
                                 LocalDateTime generatedSince, boolean waitingForOperator) {

    public NotificationFilter(NotificationStatus status, String sourceHostUuid, NotificationType type,
                              LocalDateTime generatedSince) {
        this(status, sourceHostUuid, type, generatedSince, false);
    }
}
