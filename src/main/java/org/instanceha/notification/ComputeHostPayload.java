package org.instanceha.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.common.JsonValues;

/**
 * The payload of a {@code COMPUTE_HOST} notification, read once from its stored JSON: {@code event}
 * ({@code STARTED} or {@code STOPPED}), {@code host_status} and {@code cluster_status}, each null when
 * the monitor left it out.
 */
public record ComputeHostPayload(String event, String hostStatus, String clusterStatus) {

    private static final ObjectMapper JSON = JsonValues.MAPPER;

    public static ComputeHostPayload of(Notification notification) {
        if (notification.type() != NotificationType.COMPUTE_HOST) {
            throw new IllegalArgumentException("notification " + notification.uuid() + " is of type "
                    + notification.type() + ", not COMPUTE_HOST");
        }
        try {
            JsonNode payload = JSON.readTree(notification.payload());
            return new ComputeHostPayload(text(payload, "event"), text(payload, "host_status"),
                    text(payload, "cluster_status"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload of notification " + notification.uuid()
                    + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public boolean stopped() {
        return "STOPPED".equals(event);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
