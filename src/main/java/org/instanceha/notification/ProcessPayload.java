package org.instanceha.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payload of a {@code PROCESS} notification, read once from its stored JSON: {@code event}
 * ({@code STARTED} or {@code STOPPED}) and {@code process_name} (masakari-monitors' process monitor sends
 * the last part of the process's path, {@code nova-compute}).
 */
public record ProcessPayload(String event, String processName) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProcessPayload of(Notification notification) {
        if (notification.type() != NotificationType.PROCESS) {
            throw new IllegalArgumentException("notification " + notification.uuid() + " is of type "
                    + notification.type() + ", not PROCESS");
        }
        try {
            JsonNode payload = JSON.readTree(notification.payload());
            return new ProcessPayload(text(payload, "event"), text(payload, "process_name"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload of notification " + notification.uuid()
                    + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
