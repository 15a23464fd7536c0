package org.instanceha.masakari;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.FieldRules;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.segment.EvacuationClass;
import org.instanceha.segment.EvacuationPolicy;
import org.instanceha.segment.FailureDomain;
import org.instanceha.segment.InstanceStorage;
import org.instanceha.segment.ReturnToService;
import org.instanceha.segment.SegmentPolicy;

/**
 * The body of {@code PUT /v1/segments/{id}/policy}, our extension: {@code {"policy": {...}}} with any of the
 * policy's fields; an unknown field or value is refused (400) and changes nothing. {@code evacuation_actions} is
 * an object of classes to actions; the classes it names change, the others stay.
 */
public final class SegmentPolicyRequests {

    static final List<String> FIELDS = List.of("return_to_service", "failback", "failures_to_tolerate",
            "failure_domain", "instance_storage", "service_projects", "service_instance_names", "evacuation_actions");

    private SegmentPolicyRequests() {
    }

    public static SegmentPolicy.Changes update(JsonNode body) {
        ObjectNode policy = RequestSchema.envelope(body, "policy");
        RequestSchema.allowOnly(policy, FIELDS);
        RequestSchema.requireAny(policy, FIELDS);
        return new SegmentPolicy.Changes(
                policy.has("return_to_service") ? ReturnToService.fromWire(RequestSchema.oneOf(policy,
                        "return_to_service", ReturnToService.wireNames())).orElseThrow() : null,
                policy.has("failback") ? RequestSchema.bool(policy, "failback") : null,
                policy.has("failures_to_tolerate") ? RequestSchema.integer(policy, "failures_to_tolerate") : null,
                policy.has("failure_domain") ? FailureDomain.fromWire(RequestSchema.oneOf(policy, "failure_domain",
                        FailureDomain.wireNames())).orElseThrow() : null,
                new EvacuationPolicy.Changes(
                        policy.has("instance_storage") ? InstanceStorage.fromWire(RequestSchema.oneOf(policy,
                                "instance_storage", InstanceStorage.wireNames())).orElseThrow() : null,
                        policy.has("service_projects") ? strings(policy, "service_projects") : null,
                        policy.has("service_instance_names") ? strings(policy, "service_instance_names") : null,
                        policy.has("evacuation_actions") ? actions(policy) : null));
    }

    /** A JSON array of strings (its length checked before its entries are read). */
    private static List<String> strings(ObjectNode policy, String field) {
        JsonNode value = policy.get(field);
        if (value == null || !value.isArray()) {
            throw RequestSchema.invalid(field, value, FieldRules.shortened(String.valueOf(value))
                    + " is not of type 'array'");
        }
        if (value.size() > EvacuationPolicy.MAX_ENTRIES) {
            throw RequestSchema.invalid(field, value, "At most " + EvacuationPolicy.MAX_ENTRIES
                    + " entries are allowed.");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isTextual()) {
                throw RequestSchema.invalid(field, entry, FieldRules.shortened(String.valueOf(entry))
                        + " is not of type 'string'");
            }
            result.add(entry.asText());
        }
        return result;
    }

    private static Map<EvacuationClass, EvacuationAction> actions(ObjectNode policy) {
        JsonNode value = policy.get("evacuation_actions");
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw RequestSchema.invalid("evacuation_actions", value, FieldRules.shortened(String.valueOf(value))
                    + " is not an object of classes " + FieldRules.quoted(EvacuationClass.wireNames())
                    + " to actions " + FieldRules.quoted(EvacuationAction.wireNames()));
        }
        Map<EvacuationClass, EvacuationAction> actions = new EnumMap<>(EvacuationClass.class);
        ObjectNode object = (ObjectNode) value;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            EvacuationClass evacuationClass = EvacuationClass.fromWire(FieldRules.oneOf("evacuation_actions", name,
                    EvacuationClass.wireNames())).orElseThrow();
            actions.put(evacuationClass, EvacuationAction.fromWire(RequestSchema.oneOf(object, name,
                    EvacuationAction.wireNames())).orElseThrow());
        }
        return actions;
    }
}
