package org.instanceha.masakari;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.notification.NotificationDraft;
import org.instanceha.notification.NotificationFields;
import org.instanceha.notification.NotificationType;
import org.instanceha.notification.PayloadRules;

/** Masakari's notification schema: {@code {"notification": {type, hostname, generated_time, payload}}}. */
public final class NotificationRequests {

    private static final List<String> FIELDS = List.of("type", "hostname", "generated_time", "payload");

    private NotificationRequests() {
    }

    public static NotificationDraft create(JsonNode body) {
        ObjectNode notification = RequestSchema.envelope(body, "notification");
        RequestSchema.allowOnly(notification, FIELDS);
        RequestSchema.require(notification, "type", "hostname", "generated_time", "payload");
        NotificationType type = NotificationFields.type(RequestSchema.oneOf(notification, "type",
                Arrays.stream(NotificationType.values()).map(Enum::name).toList()));
        String hostname = RequestSchema.string(notification, "hostname", 1, 255);
        LocalDateTime generated = NotificationFields.generatedTime(
                RequestSchema.string(notification, "generated_time", 1, 64));
        ObjectNode payload = NotificationFields.payload(notification.get("payload"));
        PayloadRules.check(type, payload);
        return new NotificationDraft(type, hostname, generated, payload);
    }
}
