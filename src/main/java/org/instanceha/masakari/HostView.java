package org.instanceha.masakari;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.instanceha.common.UtcTime;
import org.instanceha.segment.ControlAttributes;
import org.instanceha.segment.Host;

/**
 * A host as Masakari shows it, with its segment nested and {@code failover_segment_id} = segment uuid,
 * plus {@code priority}, our extension for auto_priority recovery.
 */
@JsonPropertyOrder({"id", "uuid", "name", "failover_segment_id", "failover_segment", "type", "reserved",
        "control_attributes", "on_maintenance", "created_at", "updated_at", "deleted_at", "deleted", "priority"})
public record HostView(
        long id,
        String uuid,
        String name,
        @JsonProperty("failover_segment_id") String failoverSegmentId,
        @JsonProperty("failover_segment") SegmentView failoverSegment,
        String type,
        boolean reserved,
        @JsonProperty("control_attributes") String controlAttributes,
        @JsonProperty("on_maintenance") boolean onMaintenance,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("deleted_at") String deletedAt,
        boolean deleted,
        int priority) {

    /** The host; its {@code control_attributes} (BMC address and user, password masked) null unless {@code withBmc}. */
    public static HostView of(Host h, boolean withBmc) {
        return new HostView(h.id(), h.uuid(), h.name(), h.segment().uuid(), SegmentView.of(h.segment()), h.type(),
                h.reserved(), withBmc ? ControlAttributes.masked(h.controlAttributes()) : null, h.onMaintenance(), UtcTime.format(h.createdAt()),
                UtcTime.format(h.updatedAt()), UtcTime.format(h.deletedAt()), h.deleted(), h.priority());
    }
}
