package org.instanceha.vmove;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.instanceha.common.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code vmoves} table: one row per evacuation attempt of an instance, per notification. The
 * instance's latest attempt says how it stands; earlier ones are its history.
 */
@Repository
public class VmMoveRepository {

    private final JdbcClient jdbc;

    public VmMoveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the pending move of an instance, unless the notification already has one for it. */
    public VmMove createPending(String notificationUuid, String instanceUuid, String instanceName, String sourceHost,
                                String originalVmState, int vcpus, int ramMb, boolean haEnabled,
                                String projectId, LocalDateTime now) {
        return create(notificationUuid, instanceUuid, instanceName, sourceHost, originalVmState, vcpus, ramMb,
                haEnabled, projectId, Treatment.UNCLASSIFIED, now);
    }

    /**
     * How a recovery takes an instance: its evacuation class and action (wire names, null when not classified),
     * and a message for the move (its reason, where the action is not a plain evacuation). Action {@code skip}:
     * the move is recorded {@code ignored} at once.
     */
    public record Treatment(String evacuationClass, String action, String message) {
        public static final Treatment UNCLASSIFIED = new Treatment(null, null, null);

        boolean skipped() {
            return "skip".equals(action);
        }
    }

    /**
     * The instance's evacuation, {@code pending} (or {@code ignored}, see {@link Treatment}); the existing move
     * when it was identified before.
     */
    public VmMove create(String notificationUuid, String instanceUuid, String instanceName, String sourceHost,
                         String originalVmState, int vcpus, int ramMb, boolean haEnabled, String projectId,
                         Treatment treatment, LocalDateTime now) {
        try {
            jdbc.sql("""
                    INSERT INTO vmoves (uuid, notification_uuid, instance_uuid, instance_name, source_host, type, status,
                                        message, original_vm_state, instance_vcpus, instance_ram_mb, ha_enabled,
                                        project_id, evacuation_class, evacuation_action, created_at, end_time)
                    VALUES (:uuid, :notification, :instance, :name, :source, 'evacuation', :status, :message, :vmState,
                            :vcpus, :ram, :haEnabled, :project, :class, :action, :now, :end)""")
                    .param("uuid", UUID.randomUUID().toString())
                    .param("notification", notificationUuid)
                    .param("instance", instanceUuid)
                    .param("name", instanceName)
                    .param("source", sourceHost)
                    .param("status", treatment.skipped() ? "ignored" : "pending")
                    .param("message", treatment.message())
                    .param("vmState", originalVmState)
                    .param("vcpus", vcpus)
                    .param("ram", ramMb)
                    .param("haEnabled", haEnabled)
                    .param("project", projectId)
                    .param("class", treatment.evacuationClass())
                    .param("action", treatment.action())
                    .param("now", Timestamp.valueOf(now))
                    .param("end", treatment.skipped() ? Timestamp.valueOf(now) : null)
                    .update();
        } catch (DuplicateKeyException e) {
            // identified before: keep the existing move
        }
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.instance_uuid = :i"
                        + " AND v.attempt = 1")
                .param("n", notificationUuid).param("i", instanceUuid).query(VmMoveRepository::map).single();
    }

    /** The move now waits for an operator's decision in the user task {@code taskId}. */
    public void handedOver(String uuid, String taskId, LocalDateTime now) {
        jdbc.sql("UPDATE vmoves SET operator_task_id = :task, updated_at = :now WHERE uuid = :uuid")
                .param("task", taskId).param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /**
     * Records an operator's decision on the move: its final status and a message that says who decided
     * what, and when. The move no longer waits for an operator.
     */
    public void decided(String uuid, VmMoveStatus status, String destHost, String message, String operator,
                        String decision, LocalDateTime now) {
        jdbc.sql("""
                UPDATE vmoves SET status = :status, dest_host = COALESCE(:dest, dest_host), message = :message,
                       decided_by = :operator, decision = :decision, operator_task_id = NULL, end_time = :now,
                       updated_at = :now
                WHERE uuid = :uuid""")
                .param("status", status.wireName()).param("dest", destHost).param("message", shortened(message))
                .param("operator", operator).param("decision", decision).param("now", Timestamp.valueOf(now))
                .param("uuid", uuid).update();
    }

    /** Moves of the notification that wait for an operator, with the user task each waits in. */
    public List<VmMove> waitingForOperator(String notificationUuid) {
        return jdbc.sql("""
                SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.operator_task_id IS NOT NULL
                ORDER BY v.id""")
                .param("n", notificationUuid).query(VmMoveRepository::map).list();
    }

    /** Ends the notification's waits for operators (their tasks were closed), with {@code message}. */
    public int closeOperatorWaits(String notificationUuid, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE vmoves SET operator_task_id = NULL, message = :message, updated_at = :now
                WHERE notification_uuid = :n AND operator_task_id IS NOT NULL""")
                .param("message", shortened(message)).param("now", Timestamp.valueOf(now))
                .param("n", notificationUuid).update();
    }

    public Optional<VmMove> findByUuid(String uuid) {
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.uuid = :uuid AND v.deleted = 0")
                .param("uuid", uuid).query(VmMoveRepository::map).optional();
    }

    /** A VM move a workflow works on: it must exist. */
    public VmMove require(String uuid) {
        return findByUuid(uuid).orElseThrow(() -> new IllegalStateException("VM move " + uuid + " does not exist"));
    }

    public List<VmMove> allOf(String notificationUuid) {
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.notification_uuid = :n AND v.deleted = 0 ORDER BY v.id")
                .param("n", notificationUuid).query(VmMoveRepository::map).list();
    }

    public void planTarget(String uuid, String targetHost, LocalDateTime now) {
        jdbc.sql("UPDATE vmoves SET target_host = :target, updated_at = :now WHERE uuid = :uuid AND status = 'pending'")
                .param("target", targetHost).param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /** Creates the notification's slot lock row, unless it exists. */
    public void createSlotLock(String notificationUuid) {
        try {
            jdbc.sql("INSERT INTO evacuation_slot_locks (notification_uuid) VALUES (:n)")
                    .param("n", notificationUuid).update();
        } catch (DuplicateKeyException e) {
            // planned before
        }
    }

    /**
     * Starts the move if fewer than {@code maxOngoing} evacuations of its notification are in flight, and
     * fewer than {@code maxOngoingTotal} of all notifications (0: no such bound), under the cloud-wide and
     * the notification's slot locks, so that concurrent claims on several nodes count correctly. In flight:
     * ongoing moves whose evacuation has not settled ({@link #evacuationSettled}). A move already ongoing
     * (the job ran before) counts as claimed.
     */
    public boolean claimSlot(String uuid, String notificationUuid, int maxOngoing, int maxOngoingTotal,
                             LocalDateTime now) {
        return claimSlot(uuid, notificationUuid, maxOngoing, maxOngoingTotal, 0, now);
    }

    /**
     * The same, and fewer than {@code maxOngoingPerTarget} evacuations of any notification in flight to the
     * move's target host (0: no such bound), counted under the cloud-wide lock.
     */
    public boolean claimSlot(String uuid, String notificationUuid, int maxOngoing, int maxOngoingTotal,
                             int maxOngoingPerTarget, LocalDateTime now) {
        if (maxOngoingTotal > 0 || maxOngoingPerTarget > 0) {
            jdbc.sql("SELECT name FROM recovery_locks WHERE name = 'evacuations' FOR UPDATE").query(String.class)
                    .single();
        }
        jdbc.sql("SELECT notification_uuid FROM evacuation_slot_locks WHERE notification_uuid = :n FOR UPDATE")
                .param("n", notificationUuid).query(String.class).optional();
        VmMoveStatus status = VmMoveStatus.stored(jdbc.sql("SELECT status FROM vmoves WHERE uuid = :uuid")
                .param("uuid", uuid).query(String.class).single());
        if (status != VmMoveStatus.PENDING) {
            return status == VmMoveStatus.ONGOING;
        }
        long inFlight = jdbc.sql("""
                SELECT COUNT(*) FROM vmoves WHERE notification_uuid = :n AND status = 'ongoing'
                AND evacuation_settled_at IS NULL""")
                .param("n", notificationUuid).query(Long.class).single();
        if (inFlight >= maxOngoing) {
            return false;
        }
        if (maxOngoingTotal > 0 && jdbc.sql("""
                SELECT COUNT(*) FROM vmoves WHERE status = 'ongoing' AND evacuation_settled_at IS NULL""")
                .query(Long.class).single() >= maxOngoingTotal) {
            return false;
        }
        if (maxOngoingPerTarget > 0 && jdbc.sql("""
                SELECT COUNT(*) FROM vmoves WHERE status = 'ongoing' AND evacuation_settled_at IS NULL
                AND target_host = (SELECT target_host FROM vmoves WHERE uuid = :uuid)""")
                .param("uuid", uuid).query(Long.class).single() >= maxOngoingPerTarget) {
            return false;
        }
        return jdbc.sql("""
                UPDATE vmoves SET status = 'ongoing', start_time = :now, updated_at = :now
                WHERE uuid = :uuid AND status = 'pending'""")
                .param("now", Timestamp.valueOf(now)).param("uuid", uuid).update() > 0;
    }

    /**
     * The notifications that have a move waiting (pending) and fewer than {@code maxOngoing} evacuations in
     * flight, the one waiting longest first, at most {@code limit}: where a slot freed under the cloud-wide
     * bound can be used at once. A notification at its own bound would not be able to claim it.
     */
    public List<String> withRoomForAnEvacuation(int maxOngoing, int limit) {
        return jdbc.sql("""
                SELECT notification_uuid FROM vmoves WHERE status IN ('pending', 'ongoing')
                GROUP BY notification_uuid
                HAVING SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) > 0
                   AND SUM(CASE WHEN status = 'ongoing' AND evacuation_settled_at IS NULL THEN 1 ELSE 0 END) < :max
                ORDER BY MIN(id) LIMIT :limit""")
                .param("max", maxOngoing).param("limit", limit).query(String.class).list();
    }

    /**
     * Nova's evacuation of this ongoing move settled (moved or failed): it no longer holds an evacuation
     * slot, though the move stays ongoing until its outcome is recorded. True when this call settled it.
     */
    public boolean evacuationSettled(String uuid, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE vmoves SET evacuation_settled_at = :now
                WHERE uuid = :uuid AND status = 'ongoing' AND evacuation_settled_at IS NULL""")
                .param("now", Timestamp.valueOf(now)).param("uuid", uuid).update() > 0;
    }

    public void succeeded(String uuid, String destHost, LocalDateTime now) {
        jdbc.sql("""
                UPDATE vmoves SET status = 'succeeded', dest_host = :dest, end_time = :now, updated_at = :now,
                       start_time = COALESCE(start_time, :now), message = NULL
                WHERE uuid = :uuid""")
                .param("dest", destHost).param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    public void failed(String uuid, String message, LocalDateTime now) {
        jdbc.sql("""
                UPDATE vmoves SET status = 'failed', message = :message, end_time = :now, updated_at = :now
                WHERE uuid = :uuid""")
                .param("message", shortened(message))
                .param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /** Fails the notification's moves that are still pending or ongoing; returns how many. */
    public int failUnfinished(String notificationUuid, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE vmoves SET status = 'failed', message = :message, end_time = :now, updated_at = :now
                WHERE notification_uuid = :n AND status IN ('pending', 'ongoing')""")
                .param("message", message).param("now", Timestamp.valueOf(now)).param("n", notificationUuid)
                .update();
    }

    private static String shortened(String message) {
        return message.length() > 4000 ? message.substring(0, 4000) : message;
    }

    /** How many moves of the notification are in each status. */
    public VmMoveCounts countByStatus(String notificationUuid) {
        Map<VmMoveStatus, Long> counts = new EnumMap<>(VmMoveStatus.class);
        jdbc.sql("SELECT status, COUNT(*) AS c FROM vmoves WHERE notification_uuid = :n GROUP BY status")
                .param("n", notificationUuid)
                .query(rs -> {
                    counts.put(VmMoveStatus.stored(rs.getString("status")), rs.getLong("c"));
                });
        return VmMoveCounts.of(counts);
    }

    static VmMove map(ResultSet rs, int row) throws SQLException {
        return new VmMove(rs.getLong("id"), rs.getString("uuid"), rs.getString("notification_uuid"),
                rs.getString("instance_uuid"), rs.getString("instance_name"), rs.getString("source_host"),
                rs.getString("dest_host"), rs.getString("target_host"), time(rs, "start_time"),
                time(rs, "end_time"), rs.getString("type"), VmMoveStatus.stored(rs.getString("status")), rs.getString("message"),
                rs.getString("original_vm_state"), rs.getInt("instance_vcpus"), rs.getInt("instance_ram_mb"),
                time(rs, "created_at"), time(rs, "updated_at"), time(rs, "deleted_at"), rs.getLong("deleted") != 0,
                rs.getInt("attempt"), rs.getString("operator_task_id"), rs.getString("decided_by"),
                rs.getString("decision"), rs.getBoolean("ha_enabled"), rs.getString("evacuation_class"),
                rs.getString("evacuation_action"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return SqlTime.read(rs, column);
    }
}
