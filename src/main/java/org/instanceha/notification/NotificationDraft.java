package org.instanceha.notification;

import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A validated notification request: the payload already passed {@link PayloadRules}; time is UTC. */
public record NotificationDraft(NotificationType type, String hostname, LocalDateTime generatedTime,
                                ObjectNode payload) {
}
