package org.instanceha.notification;

import java.time.LocalDateTime;

import org.instanceha.common.CallerScope;

/**
 * Filters of the notification list; a null field does not filter. {@code waitingForOperator}: only those
 * with an instance waiting for an operator's decision. {@code projectId}: only those that moved or restarted
 * an instance of the project.
 */
public record NotificationFilter(NotificationStatus status, String sourceHostUuid, NotificationType type,
                                 LocalDateTime generatedSince, boolean waitingForOperator, String projectId) {

    public NotificationFilter(NotificationStatus status, String sourceHostUuid, NotificationType type,
                              LocalDateTime generatedSince, boolean waitingForOperator) {
        this(status, sourceHostUuid, type, generatedSince, waitingForOperator, null);
    }

    /** The same filter, limited to what the caller may see. */
    public NotificationFilter within(CallerScope scope) {
        return new NotificationFilter(status, sourceHostUuid, type, generatedSince, waitingForOperator,
                scope.projectId());
    }

    public NotificationFilter(NotificationStatus status, String sourceHostUuid, NotificationType type,
                              LocalDateTime generatedSince) {
        this(status, sourceHostUuid, type, generatedSince, false);
    }
}
