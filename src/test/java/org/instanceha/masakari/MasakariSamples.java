package org.instanceha.masakari;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real Masakari 14 responses, captured on the test bed (src/test/resources/masakari-samples). */
final class MasakariSamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MasakariSamples() {
    }

    static JsonNode responseBody(String sample) {
        try (InputStream in = MasakariSamples.class.getResourceAsStream("/masakari-samples/" + sample + ".json")) {
            return JSON.readTree(in).path("response").path("body");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The member names of an object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
