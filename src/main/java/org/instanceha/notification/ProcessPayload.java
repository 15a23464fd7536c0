package org.instanceha.notification;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payload of a {@code PROCESS} notification, read once from its stored JSON: {@code event}
 * ({@code STARTED} or {@code STOPPED}) and {@code process_name} (masakari-monitors' process monitor sends
 * the last part of the process's path, {@code nova-compute}).
 */
public record ProcessPayload(String event, String processName) {

    public static ProcessPayload of(Notification notification) {
        JsonNode payload = StoredPayload.read(notification, NotificationType.PROCESS);
        return new ProcessPayload(StoredPayload.text(payload, "event"), StoredPayload.text(payload, "process_name"));
    }
}
