package org.instanceha.vmove;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The failback moves of a recovery: VM moves of type {@code live_migration} that take the instances a recovery
 * evacuated back to their home host once it returned to service, under the recovery's notification. They end
 * {@code succeeded} or {@code failed} with {@link VmMoveRepository}'s methods, as the evacuations do.
 */
@Repository
public class Failbacks {

    public static final String TYPE = "live_migration";

    private final JdbcClient jdbc;

    public Failbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pending failback of the instance an evacuation moved ({@code evacuation}, succeeded), from where it is
     * now back to the evacuation's source host; the existing one when this ran before. {@code skipped} non-null:
     * the move is recorded {@code ignored} at once, with that reason.
     */
    public VmMove create(VmMove evacuation, String currentHost, String skipped, LocalDateTime now) {
        try {
            jdbc.sql("""
                    INSERT INTO vmoves (uuid, notification_uuid, instance_uuid, instance_name, source_host, target_host,
                                        type, status, message, original_vm_state, instance_vcpus, instance_ram_mb,
                                        ha_enabled, project_id, created_at, end_time)
                    SELECT :uuid, notification_uuid, instance_uuid, instance_name, :source, source_host,
                           'live_migration', :status, :message, 'active', instance_vcpus, instance_ram_mb, ha_enabled,
                           project_id, :now, :end
                    FROM vmoves WHERE uuid = :evacuation""")
                    .param("uuid", UUID.randomUUID().toString())
                    .param("source", currentHost)
                    .param("status", skipped == null ? "pending" : "ignored")
                    .param("message", skipped)
                    .param("now", Timestamp.valueOf(now))
                    .param("end", skipped == null ? null : Timestamp.valueOf(now))
                    .param("evacuation", evacuation.uuid())
                    .update();
        } catch (DuplicateKeyException e) {
            // planned before (the task ran again): keep it
        }
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.instance_uuid = :i"
                        + " AND v.type = 'live_migration' AND v.attempt = 1")
                .param("n", evacuation.notificationUuid()).param("i", evacuation.instanceUuid())
                .query(VmMoveRepository::map).single();
    }

    /** The failback moves of a notification, first planned first. */
    public List<VmMove> of(String notificationUuid) {
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.type = 'live_migration'"
                        + " AND v.deleted = 0 ORDER BY v.id")
                .param("n", notificationUuid).query(VmMoveRepository::map).list();
    }

    /** Nova accepted the live migration: the move is ongoing from now. */
    public void started(String uuid, LocalDateTime now) {
        jdbc.sql("UPDATE vmoves SET status = 'ongoing', start_time = :now, updated_at = :now WHERE uuid = :uuid"
                        + " AND status = 'pending'")
                .param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }
}
