package org.instanceha.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request bodies of the simulated Nova, checked as Nova's JSON schemas check them, with Nova's wording. */
final class NovaBodies {

    private NovaBodies() {
    }

    static JsonNode object(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw NovaFault.badRequest("The request body is empty.");
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (!json.isObject()) {
                throw NovaFault.badRequest("The request body must be a JSON object.");
            }
            return json;
        } catch (IOException e) {
            throw NovaFault.badRequest("Malformed request body");
        }
    }

    static void allowOnly(String attribute, JsonNode json, Set<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unexpected.add("'" + name + "'");
            }
        });
        if (!unexpected.isEmpty()) {
            throw NovaFault.badRequest("Invalid input for field/attribute " + attribute + ". Value: " + json
                    + ". Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    /** Nova's evacuate schema: onSharedStorage required before 2.14 and refused from it; force only 2.29 to 2.67. */
    static String evacuateTarget(JsonNode argument, NovaVersion v) {
        if (argument == null || !argument.isObject()) {
            throw NovaFault.badRequest("Invalid input for field/attribute evacuate. Value: " + argument
                    + ". " + argument + " is not of type 'object'");
        }
        Set<String> allowed = v.atLeast(14)
                ? (v.atLeast(29) && !v.atLeast(68) ? Set.of("host", "adminPass", "force") : Set.of("host", "adminPass"))
                : Set.of("host", "adminPass", "onSharedStorage");
        allowOnly("evacuate", argument, allowed);
        if (!v.atLeast(14) && !argument.has("onSharedStorage")) {
            throw NovaFault.badRequest("Invalid input for field/attribute evacuate. Value: " + argument
                    + ". 'onSharedStorage' is a required property");
        }
        return argument.hasNonNull("host") ? argument.get("host").asText() : null;
    }
}
