package org.instanceha.masakari;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.instanceha.common.UtcTime;
import org.instanceha.segment.SegmentPolicy;

/** A segment's policy as {@code /v1/segments/{id}/policy} shows it; {@code updated_at} null while it has the defaults. */
@JsonPropertyOrder({"segment_uuid", "return_to_service", "failback", "failures_to_tolerate", "failure_domain",
        "updated_at"})
public record SegmentPolicyView(
        @JsonProperty("segment_uuid") String segmentUuid,
        @JsonProperty("return_to_service") String returnToService,
        boolean failback,
        @JsonProperty("failures_to_tolerate") int failuresToTolerate,
        @JsonProperty("failure_domain") String failureDomain,
        @JsonProperty("updated_at") String updatedAt) {

    public static SegmentPolicyView of(String segmentUuid, SegmentPolicy policy) {
        return new SegmentPolicyView(segmentUuid, policy.returnToService().wireName(), policy.failback(),
                policy.failuresToTolerate(), policy.failureDomain().wireName(),
                policy.updatedAt() == null ? null : UtcTime.format(policy.updatedAt()));
    }
}
