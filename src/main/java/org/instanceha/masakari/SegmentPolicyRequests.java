package org.instanceha.masakari;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.segment.FailureDomain;
import org.instanceha.segment.ReturnToService;
import org.instanceha.segment.SegmentPolicy;

/**
 * The body of {@code PUT /v1/segments/{id}/policy}, our extension: {@code {"policy": {...}}} with any of the
 * policy's fields; an unknown field or value is refused (400) and changes nothing.
 */
public final class SegmentPolicyRequests {

    static final List<String> FIELDS = List.of("return_to_service", "failback", "failures_to_tolerate",
            "failure_domain");

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
                        FailureDomain.wireNames())).orElseThrow() : null);
    }
}
