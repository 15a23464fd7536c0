package org.instanceha.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.common.JsonValues;

/** Reads the stored JSON payload of a notification of a given type, for the typed payload records. */
final class StoredPayload {

    private static final ObjectMapper JSON = JsonValues.MAPPER;

    private StoredPayload() {
    }

    static JsonNode read(Notification notification, NotificationType expected) {
        if (notification.type() != expected) {
            throw new IllegalArgumentException("notification " + notification.uuid() + " is of type "
                    + notification.type() + ", not " + expected);
        }
        try {
            return JSON.readTree(notification.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload of notification " + notification.uuid()
                    + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
