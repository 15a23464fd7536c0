package org.instanceha.masakari;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
                unexpected.add("'" + name + "'");
            }
        }
        if (!unexpected.isEmpty()) {
            throw new InvalidInputException("Additional properties are not allowed (" + String.join(", ", unexpected)
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

    /** A name: 1 to 255 printable characters, not starting or ending with whitespace. */
    public static String name(ObjectNode node, String field) {
        String value = string(node, field, 1, 255);
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, node.get(field), "An invalid 'name' value was provided. The name must be: "
                    + "printable characters. Can not start or end with whitespace.");
        }
        return value;
    }

    public static String string(ObjectNode node, String field, int minLength, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(field, value, value + " is not of type 'string'");
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (length < minLength) {
            throw invalid(field, value, "'" + text + "' is too short");
        }
        if (length > maxLength) {
            throw invalid(field, value, "'" + text + "' is too long");
        }
        return text;
    }

    public static String nullableString(ObjectNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : string(node, field, 0, maxLength);
    }

    public static String matching(ObjectNode node, String field, int minLength, int maxLength, Pattern pattern) {
        String text = string(node, field, minLength, maxLength);
        if (!pattern.matcher(text).matches()) {
            throw invalid(field, node.get(field), "'" + text + "' does not match '" + pattern.pattern() + "'");
        }
        return text;
    }

    public static String oneOf(ObjectNode node, String field, List<String> allowed) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || !allowed.contains(value.asText())) {
            String shown = value == null ? "None" : value.isTextual() ? "'" + value.asText() + "'" : value.toString();
            throw invalid(field, value, shown + " is not one of " + quoted(allowed));
        }
        return value.asText();
    }

    /** An integer within [min, max], given as a JSON number or a string of digits. */
    public static int integer(ObjectNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        Integer parsed = null;
        if (value != null && value.canConvertToInt() && value.isIntegralNumber()) {
            parsed = value.intValue();
        } else if (value != null && value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            parsed = Integer.parseInt(value.asText());
        }
        if (parsed == null) {
            throw invalid(field, value, value + " is not of type 'integer'");
        }
        if (parsed < min || parsed > max) {
            throw invalid(field, value, parsed + " is not between " + min + " and " + max);
        }
        return parsed;
    }

    /** A boolean, given as JSON true/false or one of Masakari's boolean strings. */
    public static boolean bool(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        Boolean parsed = value != null && value.isTextual() ? parseBoolean(value.asText()) : null;
        if (parsed == null) {
            throw invalid(field, value, value + " is not one of " + quoted(List.of("true", "false")));
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
        String shown = value == null ? "None" : value.isTextual() ? value.asText() : value.toString();
        return new InvalidInputException("Invalid input for field/attribute " + field + ". Value: " + shown + ". "
                + detail);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").toList().toString();
    }
}
