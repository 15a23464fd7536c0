package org.instanceha.masakari;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.segment.HostChanges;
import org.instanceha.segment.HostDraft;
import org.instanceha.segment.SegmentFields;

/** Masakari's host schemas: create and update bodies. */
public final class HostRequests {

    /** Masakari's fields, and {@code priority}: our extension, an integer ordering hosts for auto_priority. */
    private static final List<String> FIELDS = List.of("name", "type", "control_attributes", "reserved",
            "on_maintenance", "priority");

    private HostRequests() {
    }

    public static HostDraft create(JsonNode body) {
        ObjectNode host = RequestSchema.envelope(body, "host");
        RequestSchema.allowOnly(host, FIELDS);
        RequestSchema.require(host, "name", "type", "control_attributes");
        return new HostDraft(
                SegmentFields.name(RequestSchema.text(host, "name")),
                SegmentFields.hostType(RequestSchema.text(host, "type")),
                SegmentFields.controlAttributes(RequestSchema.text(host, "control_attributes")),
                host.has("reserved") && RequestSchema.bool(host, "reserved"),
                host.has("on_maintenance") && RequestSchema.bool(host, "on_maintenance"),
                host.has("priority") ? SegmentFields.priority(RequestSchema.integer(host, "priority")) : 0);
    }

    public static HostChanges update(JsonNode body) {
        ObjectNode host = RequestSchema.envelope(body, "host");
        RequestSchema.allowOnly(host, FIELDS);
        RequestSchema.requireAny(host, FIELDS);
        return new HostChanges(
                host.has("name") ? SegmentFields.name(RequestSchema.text(host, "name")) : null,
                host.has("type") ? SegmentFields.hostType(RequestSchema.text(host, "type")) : null,
                host.has("control_attributes")
                        ? SegmentFields.controlAttributes(RequestSchema.text(host, "control_attributes")) : null,
                host.has("reserved") ? RequestSchema.bool(host, "reserved") : null,
                host.has("on_maintenance") ? RequestSchema.bool(host, "on_maintenance") : null,
                host.has("priority") ? SegmentFields.priority(RequestSchema.integer(host, "priority")) : null);
    }
}
