package org.instanceha.vmove;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The attempts on each instance in the {@code vmoves} table: attempt 1 is the first evacuation, then the
 * automatic retries, then the operators' retries, each a row of its own. The latest attempt says how the
 * instance stands; earlier ones are its history.
 */
@Repository
public class VmMoveAttempts {

    private final JdbcClient jdbc;

    public VmMoveAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the next attempt after {@code previous}, pending, on {@code targetHost} (null: Nova's
     * scheduler chooses), unless it exists (the job ran before): then that one is returned.
     */
    public VmMove createNextAttempt(VmMove previous, String targetHost, LocalDateTime now) {
        int attempt = previous.attempt() + 1;
        try {
            jdbc.sql("""
                    INSERT INTO vmoves (uuid, notification_uuid, instance_uuid, instance_name, source_host, type, status,
                                        original_vm_state, instance_vcpus, instance_ram_mb, ha_enabled, target_host,
                                        attempt, evacuation_class, evacuation_action, created_at)
                    VALUES (:uuid, :notification, :instance, :name, :source, :type, 'pending', :vmState,
                            :vcpus, :ram, :haEnabled, :target, :attempt, :class, :action, :now)""")
                    .param("class", previous.evacuationClass())
                    .param("action", previous.evacuationAction())
                    .param("uuid", UUID.randomUUID().toString())
                    .param("notification", previous.notificationUuid())
                    .param("instance", previous.instanceUuid())
                    .param("name", previous.instanceName())
                    .param("source", previous.sourceHost())
                    .param("type", previous.type())
                    .param("vmState", previous.originalVmState())
                    .param("vcpus", previous.vcpus())
                    .param("haEnabled", previous.haEnabled())
                    .param("ram", previous.ramMb())
                    .param("target", targetHost)
                    .param("attempt", attempt)
                    .param("now", Timestamp.valueOf(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // created before: keep it
        }
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.instance_uuid = :i"
                        + " AND v.attempt = :a")
                .param("n", previous.notificationUuid()).param("i", previous.instanceUuid()).param("a", attempt)
                .query(VmMoveRepository::map).single();
    }

    /** Every attempt on one instance within a notification, first attempt first. */
    public List<VmMove> attemptsOf(String notificationUuid, String instanceUuid) {
        return jdbc.sql("""
                SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.instance_uuid = :i AND v.deleted = 0
                ORDER BY v.attempt""")
                .param("n", notificationUuid).param("i", instanceUuid).query(VmMoveRepository::map).list();
    }

    /** The latest attempt on each instance of the notification: how each instance stands. */
    public List<VmMove> latestOf(String notificationUuid) {
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.deleted = 0 AND " + LATEST
                        + " ORDER BY v.id")
                .param("n", notificationUuid).query(VmMoveRepository::map).list();
    }

    private static final String LATEST = """
            v.attempt = (SELECT MAX(l.attempt) FROM vmoves l
                         WHERE l.notification_uuid = v.notification_uuid AND l.instance_uuid = v.instance_uuid)""";

    /** How many instances of the notification stand in each status, by their latest attempt. */
    public VmMoveCounts countLatestByStatus(String notificationUuid) {
        Map<VmMoveStatus, Long> counts = new EnumMap<>(VmMoveStatus.class);
        jdbc.sql("SELECT v.status, COUNT(*) AS c FROM vmoves v WHERE v.notification_uuid = :n AND " + LATEST
                        + " GROUP BY v.status")
                .param("n", notificationUuid)
                .query(rs -> {
                    counts.put(VmMoveStatus.stored(rs.getString("status")), rs.getLong("c"));
                });
        return VmMoveCounts.of(counts);
    }
}
