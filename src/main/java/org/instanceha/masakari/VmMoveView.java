package org.instanceha.masakari;

import java.util.LinkedHashMap;
import java.util.Map;

import org.instanceha.common.UtcTime;
import org.instanceha.vmove.VmMove;

/** A VM move as Masakari 1.3 shows it. */
public final class VmMoveView {

    private VmMoveView() {
    }

    public static Map<String, Object> of(VmMove v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("uuid", v.uuid());
        m.put("notification_uuid", v.notificationUuid());
        m.put("instance_uuid", v.instanceUuid());
        m.put("instance_name", v.instanceName());
        m.put("source_host", v.sourceHost());
        m.put("dest_host", v.destHost());
        m.put("start_time", UtcTime.format(v.startTime()));
        m.put("end_time", UtcTime.format(v.endTime()));
        m.put("type", v.type());
        m.put("status", v.status().wireName());
        m.put("message", v.message());
        m.put("created_at", UtcTime.format(v.createdAt()));
        m.put("updated_at", UtcTime.format(v.updatedAt()));
        m.put("deleted_at", UtcTime.format(v.deletedAt()));
        m.put("deleted", v.deleted());
        return m;
    }
}
