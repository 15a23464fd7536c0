package org.instanceha.masakari;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.instanceha.common.UtcTime;
import org.instanceha.segment.EvacuationPolicy;
import org.instanceha.segment.SegmentPolicy;

/** A segment's policy as {@code /v1/segments/{id}/policy} shows it; {@code updated_at} null while it has the defaults. */
@JsonPropertyOrder({"segment_uuid", "return_to_service", "failback", "failures_to_tolerate", "failure_domain",
        "instance_storage", "service_projects", "service_instance_names", "evacuation_actions", "updated_at"})
public record SegmentPolicyView(
        @JsonProperty("segment_uuid") String segmentUuid,
        @JsonProperty("return_to_service") String returnToService,
        boolean failback,
        @JsonProperty("failures_to_tolerate") int failuresToTolerate,
        @JsonProperty("failure_domain") String failureDomain,
        @JsonProperty("instance_storage") String instanceStorage,
        @JsonProperty("service_projects") List<String> serviceProjects,
        @JsonProperty("service_instance_names") List<String> serviceInstanceNames,
        @JsonProperty("evacuation_actions") Map<String, String> evacuationActions,
        @JsonProperty("updated_at") String updatedAt) {

    public static SegmentPolicyView of(String segmentUuid, SegmentPolicy policy) {
        EvacuationPolicy evacuation = policy.evacuation();
        Map<String, String> actions = new LinkedHashMap<>();
        evacuation.actions().forEach((c, a) -> actions.put(c.wireName(), a.wireName()));
        return new SegmentPolicyView(segmentUuid, policy.returnToService().wireName(), policy.failback(),
                policy.failuresToTolerate(), policy.failureDomain().wireName(), evacuation.storage().wireName(),
                evacuation.serviceProjects(), evacuation.serviceInstanceNames(), actions,
                policy.updatedAt() == null ? null : UtcTime.format(policy.updatedAt()));
    }
}
