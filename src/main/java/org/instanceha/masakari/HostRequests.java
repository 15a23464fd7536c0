package org.instanceha.masakari;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.segment.HostChanges;
import org.instanceha.segment.HostDraft;

/** Masakari's host schemas: create and update bodies. */
public final class HostRequests {

    /** Masakari's fields, and {@code priority}: our extension, an integer ordering hosts for auto_priority. */
    private static final List<String> FIELDS = List.of("name", "type", "control_attributes", "reserved",
            "on_maintenance", "priority");
    private static final Pattern TYPE = Pattern.compile("^[a-zA-Z0-9]*$");

    private HostRequests() {
    }

    public static HostDraft create(JsonNode body) {
        ObjectNode host = RequestSchema.envelope(body, "host");
        RequestSchema.allowOnly(host, FIELDS);
        RequestSchema.require(host, "name", "type", "control_attributes");
        return new HostDraft(
                RequestSchema.name(host, "name"),
                RequestSchema.matching(host, "type", 1, 255, TYPE),
                RequestSchema.string(host, "control_attributes", 1, 255),
                host.has("reserved") && RequestSchema.bool(host, "reserved"),
                host.has("on_maintenance") && RequestSchema.bool(host, "on_maintenance"),
                host.has("priority") ? RequestSchema.integer(host, "priority", -1000, 1000) : 0);
    }

    public static HostChanges update(JsonNode body) {
        ObjectNode host = RequestSchema.envelope(body, "host");
        RequestSchema.allowOnly(host, FIELDS);
        RequestSchema.requireAny(host, FIELDS);
        return new HostChanges(
                host.has("name") ? RequestSchema.name(host, "name") : null,
                host.has("type") ? RequestSchema.matching(host, "type", 1, 255, TYPE) : null,
                host.has("control_attributes") ? RequestSchema.string(host, "control_attributes", 1, 255) : null,
                host.has("reserved") ? RequestSchema.bool(host, "reserved") : null,
                host.has("on_maintenance") ? RequestSchema.bool(host, "on_maintenance") : null,
                host.has("priority") ? RequestSchema.integer(host, "priority", -1000, 1000) : null);
    }
}
