package org.instanceha.masakari;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;

/**
 * The checks of Masakari's JSON schemas, with its messages: an envelope object, no unknown keys,
 * required keys, typed and bounded values. Plain Java over Jackson's tree; no HTTP.
 */
public final class RequestSchema {

    /** Masakari's accepted spellings of booleans, in bodies and in query filters. */
    private static final Set<String> TRUE_STRINGS = Set.of("True", "TRUE", "true", "1", "ON", "On", "on", "YES",
            "Yes", "yes", "y", "t");
    private static final Set<String> FALSE_STRINGS = Set.of("False", "FALSE", "false", "0", "OFF", "Off", "off",
            "NO", "No", "no", "n", "f");

    private RequestSchema() {
    }

    /** The body must be {@code {"<key>": {...}}} and nothing else. */
    public static ObjectNode envelope(JsonNode body, String key) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("The request body must be a JSON object with a '" + key + "' member.");
        }
        allowOnly((ObjectNode) body, Set.of(key));
        JsonNode inner = body.get(key);
        if (inner == null) {
            throw new InvalidInputException("'" + key + "' is a required property");
        }
        if (!inner.isObject()) {
            throw invalid(key, inner, inner + " is not of type 'object'");
        }
        return (ObjectNode) inner;
    }

    public static void allowOnly(ObjectNode node, Collection<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unexpected.add("'" + FieldRules.shortened(name) + "'");
            }
        }
        if (!unexpected.isEmpty()) {
            String shown = String.join(", ", unexpected.subList(0, Math.min(5, unexpected.size())))
                    + (unexpected.size() > 5 ? " and " + (unexpected.size() - 5) + " more" : "");
            throw new InvalidInputException("Additional properties are not allowed (" + shown
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    public static void require(ObjectNode node, String... names) {
        for (String name : names) {
            if (!node.has(name)) {
                throw new InvalidInputException("'" + name + "' is a required property");
            }
        }
    }

    /** An update must name at least one of the allowed fields. */
    public static void requireAny(ObjectNode node, Collection<String> names) {
        if (names.stream().noneMatch(node::has)) {
            throw new InvalidInputException("The request must change at least one of " + String.join(", ", names)
                    + ".");
        }
    }

    /** The field's text; anything but a JSON string is refused. */
    public static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(field, value, FieldRules.shortened(String.valueOf(value)) + " is not of type 'string'");
        }
        return value.asText();
    }

    public static String string(ObjectNode node, String field, int minLength, int maxLength) {
        return FieldRules.length(field, text(node, field), minLength, maxLength);
    }

    /** The field's text, or null when it is absent or JSON null; anything but a string is refused. */
    public static String nullableText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    public static String oneOf(ObjectNode node, String field, List<String> allowed) {
        JsonNode value = node.get(field);
        if (value != null && !value.isTextual()) {
            throw invalid(field, value, FieldRules.shortened(String.valueOf(value)) + " is not one of " + FieldRules.quoted(allowed));
        }
        return FieldRules.oneOf(field, value == null ? null : value.asText(), allowed);
    }

    /** An integer, given as a JSON number or a string of digits. */
    public static int integer(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.canConvertToInt() && value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value != null && value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        throw invalid(field, value, FieldRules.shortened(String.valueOf(value)) + " is not of type 'integer'");
    }

    /** A boolean, given as JSON true/false or one of Masakari's boolean strings. */
    public static boolean bool(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        Boolean parsed = value != null && value.isTextual() ? parseBoolean(value.asText()) : null;
        if (parsed == null) {
            throw invalid(field, value, FieldRules.shortened(String.valueOf(value)) + " is not one of " + FieldRules.quoted(List.of("true", "false")));
        }
        return parsed;
    }

    /** Parses one of Masakari's boolean strings; null when it is none of them. */
    public static Boolean parseBoolean(String text) {
        if (TRUE_STRINGS.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSE_STRINGS.contains(text)) {
            return Boolean.FALSE;
        }
        return null;
    }

    static InvalidInputException invalid(String field, JsonNode value, String detail) {
        return FieldRules.invalid(field, value == null ? "None" : value.isTextual() ? value.asText()
                : value.toString(), detail);
    }
}
