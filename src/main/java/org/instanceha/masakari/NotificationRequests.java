package org.instanceha.masakari;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.InvalidInputException;
import org.instanceha.notification.NotificationDraft;
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
        NotificationType type = type(RequestSchema.oneOf(notification, "type",
                Arrays.stream(NotificationType.values()).map(Enum::name).toList()));
        String hostname = RequestSchema.string(notification, "hostname", 1, 255);
        LocalDateTime generated = generatedTime(RequestSchema.string(notification, "generated_time", 1, 64));
        JsonNode payload = notification.get("payload");
        if (!payload.isObject()) {
            throw new InvalidInputException("Invalid input for field/attribute payload. Value: " + payload + ". "
                    + payload + " is not of type 'object'");
        }
        PayloadRules.check(type, payload);
        return new NotificationDraft(type, hostname, generated, (ObjectNode) payload);
    }

    public static NotificationType type(String text) {
        try {
            return NotificationType.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("Invalid input for field/attribute type. Value: " + text + ". '" + text
                    + "' is not one of ['COMPUTE_HOST', 'VM', 'PROCESS']");
        }
    }

    /** {@code 2026-11-25T19:01:28.764443} (UTC, as monitors send it) or with a zone; kept in UTC. */
    public static LocalDateTime generatedTime(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text.replace(' ', 'T')).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("Invalid input for field/attribute generated_time. Value: " + text
                        + ". '" + text + "' is not a 'date-time'");
            }
        }
    }
}
