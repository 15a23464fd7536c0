package org.instanceha.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.instanceha.common.KeysetQuery;
import org.instanceha.common.PageRequest;
import org.instanceha.common.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notifications} table. */
@Repository
public class NotificationRepository {

    static final Map<String, String> SORT_KEYS = Map.of(
            "id", "n.id",
            "notification_uuid", "n.notification_uuid",
            "generated_time", "n.generated_time",
            "source_host_uuid", "n.source_host_uuid",
            "type", "n.type",
            "status", "n.status",
            "created_at", "n.created_at",
            "updated_at", "COALESCE(n.updated_at, n.created_at)");

    /** The whitelist of {@code sort_key} values for the notification list. */
    public static final Set<String> SORTABLE = SORT_KEYS.keySet();

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Notification insert(String uuid, NotificationDraft draft, String payload, String hostUuid,
                               String segmentUuid, NotificationStatus status, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO notifications (notification_uuid, generated_time, source_host_uuid, type, payload, status,
                                           failover_segment_uuid, created_at)
                VALUES (:uuid, :generated, :host, :type, :payload, :status, :segment, :now)""")
                .param("uuid", uuid)
                .param("generated", Timestamp.valueOf(draft.generatedTime()))
                .param("host", hostUuid)
                .param("type", draft.type().name())
                .param("payload", payload)
                .param("status", status.wireName())
                .param("segment", segmentUuid)
                .param("now", Timestamp.valueOf(now))
                .update();
        return findByUuid(uuid).orElseThrow();
    }

    public Optional<Notification> findByUuid(String uuid) {
        return jdbc.sql("SELECT n.* FROM notifications n WHERE n.notification_uuid = :uuid AND n.deleted = 0")
                .param("uuid", uuid).query(NotificationRepository::map).optional();
    }

    /** A notification a workflow works for: it must exist. */
    public Notification require(String uuid) {
        return findByUuid(uuid).orElseThrow(() -> new IllegalStateException("notification " + uuid
                + " does not exist"));
    }

    /**
     * Notifications of the same type, host and payload generated within [from, to], but for those whose host has
     * returned to service since: a host back in service that fails again is a new failure, however soon.
     */
    public boolean existsSimilar(String hostUuid, NotificationType type, String payload, LocalDateTime from,
                                 LocalDateTime to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notifications n
                WHERE n.source_host_uuid = :host AND n.type = :type AND n.payload = :payload
                  AND n.generated_time BETWEEN :from AND :to AND n.deleted = 0
                  AND NOT EXISTS (SELECT 1 FROM host_returns r WHERE r.notification_uuid = n.notification_uuid
                                  AND r.status = 'returned')""")
                .param("host", hostUuid)
                .param("type", type.name())
                .param("payload", payload)
                .param("from", Timestamp.valueOf(from))
                .param("to", Timestamp.valueOf(to))
                .query(Long.class).single() > 0;
    }

    public List<Notification> list(NotificationFilter filter, PageRequest page) {
        KeysetQuery query = new KeysetQuery("n.*", "notifications n", "n.id", SORT_KEYS).where("n.deleted = 0");
        if (filter.status() != null) {
            query.where("n.status = :status", "status", filter.status().wireName());
        }
        if (filter.sourceHostUuid() != null) {
            query.where("n.source_host_uuid = :host", "host", filter.sourceHostUuid());
        }
        if (filter.type() != null) {
            query.where("n.type = :type", "type", filter.type().name());
        }
        if (filter.waitingForOperator()) {
            query.where("(EXISTS (SELECT 1 FROM vmoves w WHERE w.notification_uuid = n.notification_uuid"
                    + " AND w.operator_task_id IS NOT NULL) OR EXISTS (SELECT 1 FROM instance_restarts r"
                    + " WHERE r.notification_uuid = n.notification_uuid AND r.operator_task_id IS NOT NULL))");
        }
        if (filter.projectId() != null) {
            query.where("EXISTS (SELECT 1 FROM notification_projects p WHERE p.project_id = :project"
                    + " AND p.notification_uuid = n.notification_uuid)", "project", filter.projectId());
        }
        if (filter.generatedSince() != null) {
            query.where("n.generated_time >= :since", "since", Timestamp.valueOf(filter.generatedSince()));
        }
        return query.fetch(jdbc, page, NotificationRepository::map);
    }

    /**
     * Moves a notification that is still {@code new} or {@code running} on to {@code status}; a final
     * status never changes again. False when it had one already (another node, or the workflow, was first).
     */
    public boolean updateStatus(String uuid, NotificationStatus status, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE notifications SET status = :status, message = COALESCE(:message, message), updated_at = :now
                WHERE notification_uuid = :uuid AND status IN ('new', 'running')""")
                .param("status", status.wireName())
                .param("message", message)
                .param("now", Timestamp.valueOf(now))
                .param("uuid", uuid)
                .update() > 0;
    }

    /**
     * Ends the recovery of a notification with its final status: from {@code new} or {@code running}, or
     * from {@code error} while an operator had an instance in hand (the operators' decisions may still
     * recover everything). False when it had ended otherwise ({@code failed} by expiry, say).
     */
    public boolean endRecovery(String uuid, NotificationStatus status, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE notifications SET status = :status, message = COALESCE(:message, message), updated_at = :now
                WHERE notification_uuid = :uuid AND status IN ('new', 'running', 'error')""")
                .param("status", status.wireName())
                .param("message", message)
                .param("now", Timestamp.valueOf(now))
                .param("uuid", uuid)
                .update() > 0;
    }

    /**
     * Expires a notification created before {@code createdBefore} that is still {@code new},
     * {@code running} or {@code error}: it becomes {@code failed}. False when another node was first, or
     * it had ended.
     */
    public boolean expire(String uuid, LocalDateTime createdBefore, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE notifications SET status = 'failed', message = :message, updated_at = :now
                WHERE notification_uuid = :uuid AND status IN ('new', 'running', 'error') AND created_at < :before""")
                .param("message", message).param("now", Timestamp.valueOf(now))
                .param("before", Timestamp.valueOf(createdBefore)).param("uuid", uuid).update() > 0;
    }

    /** Notifications still {@code new}, {@code running} or {@code error} created before {@code before}. */
    public List<String> expiring(LocalDateTime before, int limit) {
        return jdbc.sql("""
                SELECT notification_uuid FROM notifications
                WHERE status IN ('new', 'running', 'error') AND deleted = 0 AND created_at < :before
                ORDER BY created_at, id LIMIT :limit""")
                .param("before", Timestamp.valueOf(before)).param("limit", limit).query(String.class).list();
    }

    /**
     * Claims a {@code new} notification not touched since {@code untouchedSince} for starting its workflow:
     * true for exactly one caller however many nodes try at once (the row is updated conditionally).
     */
    public boolean claimStart(String uuid, LocalDateTime untouchedSince, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE notifications SET updated_at = :now
                WHERE notification_uuid = :uuid AND status = 'new' AND COALESCE(updated_at, created_at) < :since""")
                .param("now", Timestamp.valueOf(now)).param("since", Timestamp.valueOf(untouchedSince))
                .param("uuid", uuid).update() > 0;
    }

    /** Notifications still {@code new} and untouched since {@code before}, oldest first. */
    public List<Notification> neglected(LocalDateTime before, int limit) {
        return jdbc.sql("""
                SELECT * FROM notifications
                WHERE status = 'new' AND deleted = 0 AND COALESCE(updated_at, created_at) < :before
                ORDER BY created_at, id LIMIT :limit""")
                .param("before", Timestamp.valueOf(before)).param("limit", limit)
                .query(NotificationRepository::map).list();
    }

    /** Notifications still {@code new} or {@code running}, oldest first, at most {@code limit}. */
    public List<String> unfinished(int limit) {
        return jdbc.sql("""
                SELECT notification_uuid FROM notifications
                WHERE status IN ('new', 'running') AND deleted = 0 ORDER BY created_at, id LIMIT :limit""")
                .param("limit", limit).query(String.class).list();
    }

    /** When the oldest notification still {@code new} or {@code running} was received. */
    public Optional<LocalDateTime> oldestUnfinished() {
        return jdbc.sql("""
                SELECT MIN(created_at) AS oldest FROM notifications WHERE status IN ('new', 'running') AND deleted = 0""")
                .query((rs, row) -> Optional.ofNullable(SqlTime.read(rs, "oldest"))).single();
    }

    static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("notification_uuid"),
                time(rs, "generated_time"), rs.getString("source_host_uuid"),
                NotificationType.valueOf(rs.getString("type")), rs.getString("payload"),
                NotificationStatus.fromWire(rs.getString("status")), rs.getString("failover_segment_uuid"),
                rs.getString("message"), time(rs, "created_at"), time(rs, "updated_at"), time(rs, "deleted_at"),
                rs.getLong("deleted") != 0);
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return SqlTime.read(rs, column);
    }
}
