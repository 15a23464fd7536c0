package org.instanceha.common;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks of one field's value, with Masakari's messages ("Invalid input for field/attribute name.
 * Value: ... . ... is too long"), shared by the v1 API's body schemas and the dashboard's forms.
 * A maximum length counts what the database column counts, UTF-16 code units (an emoji is two), so
 * that whatever passes also fits; for text without such characters that is Masakari's character
 * count. Rejected values are echoed shortened (64 characters at most). Plain Java.
 */
public final class FieldRules {

    private FieldRules() {
    }

    /** Echoed values are cut to this many characters. */
    public static final int ECHO_MAX = 64;

    public static InvalidInputException invalid(String field, String shownValue, String detail) {
        return new InvalidInputException("Invalid input for field/attribute " + field + ". Value: "
                + shortened(shownValue) + ". " + detail);
    }

    /** A value as an error message shows it: at most {@link #ECHO_MAX} characters of it. */
    public static String shortened(String value) {
        if (value == null) {
            return "None";
        }
        return value.length() <= ECHO_MAX ? value
                : value.substring(0, ECHO_MAX) + "... (" + value.length() + " characters)";
    }

    /**
     * Text of {@code min} characters to {@code max} UTF-16 code units, without NUL characters (which
     * PostgreSQL cannot store in text).
     */
    public static String length(String field, String text, int min, int max) {
        if (text.indexOf('\u0000') >= 0) {
            throw invalid(field, text.replace('\u0000', '?'), "A NUL character is not allowed.");
        }
        if (text.codePointCount(0, text.length()) < min) {
            throw invalid(field, text, "'" + shortened(text) + "' is too short");
        }
        if (text.length() > max) {
            throw invalid(field, text, "'" + shortened(text) + "' is too long");
        }
        return text;
    }

    /** Text of {@code min} to {@code max} characters that matches {@code pattern}. */
    public static String matching(String field, String text, int min, int max, Pattern pattern) {
        length(field, text, min, max);
        if (!pattern.matcher(text).matches()) {
            throw invalid(field, text, "'" + shortened(text) + "' does not match '" + pattern.pattern() + "'");
        }
        return text;
    }

    /** A name: 1 to 255 printable characters, not starting or ending with whitespace. */
    public static String name(String field, String text) {
        length(field, text, 1, 255);
        if (!text.strip().equals(text) || text.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, text, "An invalid 'name' value was provided. The name must be: "
                    + "printable characters. Can not start or end with whitespace.");
        }
        return text;
    }

    /** One of {@code allowed}. */
    public static String oneOf(String field, String text, List<String> allowed) {
        if (text == null) {
            throw invalid(field, "None", "None is not one of " + quoted(allowed));
        }
        if (!allowed.contains(text)) {
            throw invalid(field, text, "'" + shortened(text) + "' is not one of " + quoted(allowed));
        }
        return text;
    }

    /** An integer within [min, max]. */
    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(field, Integer.toString(value), value + " is not between " + min + " and " + max);
        }
        return value;
    }

    /** An integer written in decimal digits (at most nine, with an optional minus), within [min, max]. */
    public static int integer(String field, String text, int min, int max) {
        if (text == null || !text.matches("-?\\d{1,9}")) {
            throw invalid(field, String.valueOf(text), "\"" + shortened(text) + "\" is not of type 'integer'");
        }
        return between(field, Integer.parseInt(text), min, max);
    }

    public static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").toList().toString();
    }
}
