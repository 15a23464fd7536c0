package org.instanceha.vmove;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.instanceha.common.CallerScope;
import org.instanceha.common.KeysetQuery;
import org.instanceha.common.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads VM moves for the API and the dashboard, limited to what the caller may see. */
@Repository
public class VmMoveQueries {

    static final Map<String, String> SORT_KEYS = Map.of(
            "id", "v.id",
            "uuid", "v.uuid",
            "instance_uuid", "v.instance_uuid",
            "instance_name", "COALESCE(v.instance_name, '')",
            "status", "v.status",
            "type", "v.type",
            "start_time", "COALESCE(v.start_time, v.created_at)",
            "end_time", "COALESCE(v.end_time, v.created_at)",
            "created_at", "v.created_at",
            "updated_at", "COALESCE(v.updated_at, v.created_at)");

    /** The whitelist of {@code sort_key} values for the VM move list. */
    public static final Set<String> SORTABLE = SORT_KEYS.keySet();

    private final JdbcClient jdbc;

    public VmMoveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The notification's moves, filtered, sorted and paged; a caller limited to a project sees only its instances'. */
    public List<VmMove> list(String notificationUuid, VmMoveStatus status, String type, CallerScope scope,
                             PageRequest page) {
        KeysetQuery query = new KeysetQuery("v.*", "vmoves v", "v.id", SORT_KEYS)
                .where("v.deleted = 0")
                .where("v.notification_uuid = :n", "n", notificationUuid);
        if (status != null) {
            query.where("v.status = :status", "status", status.wireName());
        }
        if (type != null) {
            query.where("v.type = :type", "type", type);
        }
        if (!scope.everything()) {
            query.where("v.project_id = :project", "project", scope.projectId());
        }
        return query.fetch(jdbc, page, VmMoveRepository::map);
    }

    /** The move of the notification, if it exists and the caller may see it. */
    public Optional<VmMove> find(String notificationUuid, String uuid, CallerScope scope) {
        var query = jdbc.sql("SELECT v.* FROM vmoves v WHERE v.uuid = :uuid AND v.notification_uuid = :n"
                        + " AND v.deleted = 0" + (scope.everything() ? "" : " AND v.project_id = :project"))
                .param("uuid", uuid).param("n", notificationUuid);
        if (!scope.everything()) {
            query = query.param("project", scope.projectId());
        }
        return query.query(VmMoveRepository::map).optional();
    }

    /** The newest {@code limit} VM moves of the project's instances, newest start first. */
    public List<VmMove> ofProject(String projectId, int limit) {
        return jdbc.sql("SELECT v.* FROM vmoves v WHERE v.project_id = :project AND v.deleted = 0"
                        + " ORDER BY COALESCE(v.start_time, v.created_at) DESC, v.id DESC LIMIT :limit")
                .param("project", projectId).param("limit", limit).query(VmMoveRepository::map).list();
    }

    /**
     * Every VM move of the newest {@code notifications} notifications, newest start time first. The
     * notifications are read first: H2 answered the same as one query with {@code IN (SELECT ... LIMIT)}
     * by reading every VM move (2 s at 100,000 of them), while a list of uuids uses the index.
     */
    public List<VmMove> ofRecentNotifications(int notifications) {
        List<String> recent = jdbc.sql("""
                SELECT n.notification_uuid FROM notifications n WHERE n.deleted = 0
                ORDER BY n.created_at DESC, n.id DESC LIMIT :n""")
                .param("n", notifications).query(String.class).list();
        if (recent.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT v.* FROM vmoves v
                WHERE v.deleted = 0 AND v.notification_uuid IN (:recent)
                ORDER BY COALESCE(v.start_time, v.created_at) DESC, v.id DESC""")
                .param("recent", recent).query(VmMoveRepository::map).list();
    }
}
