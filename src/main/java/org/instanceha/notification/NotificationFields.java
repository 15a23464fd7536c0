package org.instanceha.notification;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.JsonValues;

/**
 * How the fields of a failure report are read, whoever sends it: the v1 API, the dashboard, or a
 * workflow started through Camunda's REST API with variables. Messages are Masakari's. Plain Java.
 */
public final class NotificationFields {

    private static final ObjectMapper JSON = JsonValues.MAPPER;

    private NotificationFields() {
    }

    /** {@code COMPUTE_HOST}, {@code VM} or {@code PROCESS}. */
    public static NotificationType type(String text) {
        try {
            return NotificationType.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw FieldRules.invalid("type", text, "'" + FieldRules.shortened(text)
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
                throw FieldRules.invalid("generated_time", text, "'" + FieldRules.shortened(text)
                        + "' is not a 'date-time'");
            }
        }
    }

    /** A payload given as JSON text (a process variable, say); it must be a JSON object. */
    public static ObjectNode payload(String text) {
        if (text == null) {
            throw new InvalidInputException("Invalid input for field/attribute payload. 'payload' is required.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Invalid input for field/attribute payload. The payload is not valid "
                    + "JSON: " + e.getOriginalMessage());
        }
        return payload(node);
    }

    /** A payload as JSON: it must be an object. */
    public static ObjectNode payload(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            String shown = FieldRules.shortened(String.valueOf(node));
            throw FieldRules.invalid("payload", shown, shown + " is not of type 'object'");
        }
        return object;
    }
}
