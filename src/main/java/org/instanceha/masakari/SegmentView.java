package org.instanceha.masakari;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * What a project's member sees of a segment: its name, recovery method, number of hosts and whether it is
     * enabled, with its uuid to address it; nothing of its hosts.
     */
    public static Map<String, Object> summary(Segment s, int hosts) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uuid", s.uuid());
        view.put("name", s.name());
        view.put("recovery_method", s.recoveryMethod().wireName());
        view.put("enabled", s.enabled());
        view.put("host_count", hosts);
        return view;
    }

    public static SegmentView of(Segment s) {
        return new SegmentView(s.id(), s.uuid(), s.name(), s.serviceType(), s.enabled(), s.description(),
                s.recoveryMethod().wireName(), UtcTime.format(s.createdAt()), UtcTime.format(s.updatedAt()),
                UtcTime.format(s.deletedAt()), s.deleted());
    }
}
