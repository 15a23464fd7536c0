package org.instanceha.notification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;

/**
 * Masakari's payload rules per notification type: which keys, which are required, which values.
 * Plain Java; no HTTP, no Spring.
 */
public final class PayloadRules {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

    /** One payload field: required or not, and its allowed values (empty: any string). */
    private record Field(boolean required, Set<String> values, boolean uuid) {
    }

    private static final Map<NotificationType, Map<String, Field>> RULES = Map.of(
            NotificationType.COMPUTE_HOST, Map.of(
                    "event", new Field(true, Set.of("STARTED", "STOPPED"), false),
                    "host_status", new Field(false, Set.of("NORMAL", "UNKNOWN"), false),
                    "cluster_status", new Field(false, Set.of("ONLINE", "OFFLINE"), false)),
            NotificationType.VM, Map.of(
                    "instance_uuid", new Field(true, Set.of(), true),
                    "vir_domain_event", new Field(true, Set.of(), false),
                    "event", new Field(true, Set.of(), false)),
            NotificationType.PROCESS, Map.of(
                    "process_name", new Field(true, Set.of(), false),
                    "event", new Field(true, Set.of("STARTED", "STOPPED"), false)));

    private PayloadRules() {
    }

    /** @throws InvalidInputException naming the first rule the payload breaks */
    public static void check(NotificationType type, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new InvalidInputException("Invalid input for field/attribute payload. The payload must be an object.");
        }
        Map<String, Field> fields = RULES.get(type);
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                unexpected.add("'" + FieldRules.shortened(name) + "'");
            }
        }
        if (!unexpected.isEmpty()) {
            throw new InvalidInputException("Invalid input for field/attribute payload. Additional properties are not "
                    + "allowed for a " + type + " notification (" + String.join(", ", unexpected.subList(0, Math.min(5, unexpected.size())))
                    + (unexpected.size() > 5 ? " and " + (unexpected.size() - 5) + " more" : "")
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String name = entry.getKey();
            Field field = entry.getValue();
            JsonNode value = payload.get(name);
            if (value == null) {
                if (field.required()) {
                    throw new InvalidInputException("Invalid input for field/attribute payload. '" + name
                            + "' is a required property of a " + type + " notification");
                }
                return;
            }
            if (!value.isTextual()) {
                String shown = FieldRules.shortened(value.toString());
                throw FieldRules.invalid("payload." + name, shown, shown + " is not of type 'string'");
            }
            String text = value.asText();
            if (!field.values().isEmpty() && !field.values().contains(text)) {
                throw FieldRules.invalid("payload." + name, text, "'" + FieldRules.shortened(text)
                        + "' is not one of " + field.values().stream().sorted().map(v -> "'" + v + "'").toList());
            }
            if (field.uuid() && !UUID.matcher(text).matches()) {
                throw FieldRules.invalid("payload." + name, text, "'" + FieldRules.shortened(text)
                        + "' is not a 'uuid'");
            }
        });
    }
}
