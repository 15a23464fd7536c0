package org.instanceha.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares the shape of two JSON documents: the same member names at every level, the same kind of
 * value (number, string, boolean, object, array) where both are non-null, array items by Nova's first
 * element against ours with the same {@code status} (Nova shows some fields in some states only), else
 * our first. Values themselves are not compared, nor the member names of free-form maps (server and
 * aggregate {@code metadata}), which are the user's data.
 */
final class JsonShape {

    private JsonShape() {
    }

    /** The differences between the shapes of {@code expected} and {@code actual}, empty when they agree. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null || actual == null || expected.isNull() || actual.isNull()) {
            return;
        }
        if (expected.isObject() && actual.isObject() && path.endsWith(".metadata")) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> missing = names(expected);
            missing.removeAll(names(actual));
            TreeSet<String> extra = names(actual);
            extra.removeAll(names(expected));
            if (!missing.isEmpty()) {
                out.add(path + " lacks " + missing);
            }
            if (!extra.isEmpty()) {
                out.add(path + " has extra " + extra);
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                compare(path + "." + name, expected.get(name), actual.get(name), out);
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (!expected.isEmpty() && !actual.isEmpty()) {
                compare(path + "[0]", expected.get(0), sameStatus(expected.get(0), actual), out);
            }
        } else if (kind(expected) != kind(actual)) {
            out.add(path + " is " + kind(actual) + ", Nova's is " + kind(expected));
        }
    }

    private static JsonNode sameStatus(JsonNode expected, JsonNode actual) {
        for (JsonNode item : actual) {
            if (expected.has("status") && expected.get("status").equals(item.get("status"))) {
                return item;
            }
        }
        return actual.get(0);
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode node) {
        return node.isNumber() ? "number" : node.isTextual() ? "string" : node.isBoolean() ? "boolean"
                : node.isObject() ? "object" : node.isArray() ? "array" : "other";
    }
}
