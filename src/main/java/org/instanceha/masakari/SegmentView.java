package org.instanceha.masakari;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.instanceha.common.UtcTime;
import org.instanceha.segment.Segment;

/** A segment as Masakari shows it (field names and order of the real API). */
@JsonPropertyOrder({"id", "uuid", "name", "service_type", "enabled", "description", "recovery_method",
        "created_at", "updated_at", "deleted_at", "deleted"})
public record SegmentView(
        long id,
        String uuid,
        String name,
        @JsonProperty("service_type") String serviceType,
        boolean enabled,
        String description,
        @JsonProperty("recovery_method") String recoveryMethod,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("deleted_at") String deletedAt,
        boolean deleted) {

    public static SegmentView of(Segment s) {
        return new SegmentView(s.id(), s.uuid(), s.name(), s.serviceType(), s.enabled(), s.description(),
                s.recoveryMethod().wireName(), UtcTime.format(s.createdAt()), UtcTime.format(s.updatedAt()),
                UtcTime.format(s.deletedAt()), s.deleted());
    }
}
