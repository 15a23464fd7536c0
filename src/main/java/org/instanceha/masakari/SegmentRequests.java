package org.instanceha.masakari;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.segment.RecoveryMethod;
import org.instanceha.segment.SegmentChanges;
import org.instanceha.segment.SegmentDraft;
import org.instanceha.segment.SegmentFields;

/** Masakari's segment schemas: create and update bodies, {@code enabled} only from microversion 1.2. */
public final class SegmentRequests {

    private static final List<String> FIELDS = List.of("name", "description", "recovery_method", "service_type");

    private SegmentRequests() {
    }

    public static SegmentDraft create(JsonNode body, ApiVersion version) {
        ObjectNode segment = RequestSchema.envelope(body, "segment");
        RequestSchema.allowOnly(segment, allowed(version));
        RequestSchema.require(segment, "name", "recovery_method", "service_type");
        return new SegmentDraft(
                SegmentFields.name(RequestSchema.text(segment, "name")),
                SegmentFields.description(RequestSchema.nullableText(segment, "description")),
                recoveryMethod(segment),
                SegmentFields.serviceType(RequestSchema.text(segment, "service_type")),
                !segment.has("enabled") || RequestSchema.bool(segment, "enabled"));
    }

    public static SegmentChanges update(JsonNode body, ApiVersion version) {
        ObjectNode segment = RequestSchema.envelope(body, "segment");
        List<String> allowed = allowed(version);
        RequestSchema.allowOnly(segment, allowed);
        RequestSchema.requireAny(segment, allowed);
        return new SegmentChanges(
                segment.has("name") ? SegmentFields.name(RequestSchema.text(segment, "name")) : null,
                segment.has("description"),
                SegmentFields.description(RequestSchema.nullableText(segment, "description")),
                segment.has("recovery_method") ? recoveryMethod(segment) : null,
                segment.has("service_type") ? SegmentFields.serviceType(RequestSchema.text(segment, "service_type"))
                        : null,
                segment.has("enabled") ? RequestSchema.bool(segment, "enabled") : null);
    }

    private static RecoveryMethod recoveryMethod(ObjectNode segment) {
        return SegmentFields.recoveryMethod(RequestSchema.oneOf(segment, "recovery_method",
                RecoveryMethod.wireNames()));
    }

    private static List<String> allowed(ApiVersion version) {
        List<String> allowed = new ArrayList<>(FIELDS);
        if (version.atLeast(ApiVersion.V1_2)) {
            allowed.add("enabled");
        }
        return allowed;
    }
}
