package org.instanceha.segment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.instanceha.common.KeysetQuery;
import org.instanceha.common.PageRequest;
import org.instanceha.common.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code segments} table. Only live rows ({@code deleted = 0}) are ever returned. */
@Repository
public class SegmentRepository {

    /** The sort keys the segment list accepts, and the SQL each stands for. */
    static final Map<String, String> SORT_KEYS = Map.of(
            "id", "s.id",
            "uuid", "s.uuid",
            "name", "s.name",
            "description", "COALESCE(s.description, '')",
            "recovery_method", "s.recovery_method",
            "service_type", "s.service_type",
            "enabled", "s.enabled",
            "created_at", "s.created_at",
            "updated_at", "COALESCE(s.updated_at, s.created_at)");

    /** The whitelist of {@code sort_key} values for the segment list. */
    public static final Set<String> SORTABLE = SORT_KEYS.keySet();

    private final JdbcClient jdbc;

    public SegmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Segment insert(SegmentDraft draft, LocalDateTime now) {
        String uuid = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO segments (uuid, name, description, recovery_method, service_type, enabled, created_at)
                VALUES (:uuid, :name, :description, :method, :serviceType, :enabled, :now)""")
                .param("uuid", uuid)
                .param("name", draft.name())
                .param("description", draft.description())
                .param("method", draft.recoveryMethod().wireName())
                .param("serviceType", draft.serviceType())
                .param("enabled", draft.enabled())
                .param("now", Timestamp.valueOf(now))
                .update();
        return findByUuid(uuid).orElseThrow();
    }

    public Optional<Segment> findByUuid(String uuid) {
        return jdbc.sql("SELECT s.* FROM segments s WHERE s.uuid = :uuid AND s.deleted = 0")
                .param("uuid", uuid)
                .query(SegmentRepository::map)
                .optional();
    }

    /** Locks the live segment row until the transaction ends, so that checks and changes do not race. */
    public Optional<Segment> lockByUuid(String uuid) {
        return jdbc.sql("SELECT s.* FROM segments s WHERE s.uuid = :uuid AND s.deleted = 0 FOR UPDATE")
                .param("uuid", uuid)
                .query(SegmentRepository::map)
                .optional();
    }

    /** Every live segment, at most {@code limit}, oldest first. */
    public List<Segment> all(int limit) {
        return jdbc.sql("SELECT s.* FROM segments s WHERE s.deleted = 0 ORDER BY s.id LIMIT :limit")
                .param("limit", limit)
                .query(SegmentRepository::map)
                .list();
    }

    public List<Segment> list(SegmentFilter filter, PageRequest page) {
        KeysetQuery query = new KeysetQuery("s.*", "segments s", "s.id", SORT_KEYS).where("s.deleted = 0");
        if (filter.recoveryMethod() != null) {
            query.where("s.recovery_method = :method", "method", filter.recoveryMethod().wireName());
        }
        if (filter.serviceType() != null) {
            query.where("s.service_type = :serviceType", "serviceType", filter.serviceType());
        }
        if (filter.enabled() != null) {
            query.where("s.enabled = :enabled", "enabled", filter.enabled());
        }
        return query.fetch(jdbc, page, SegmentRepository::map);
    }

    public void update(Segment current, SegmentChanges changes, LocalDateTime now) {
        jdbc.sql("""
                UPDATE segments SET name = :name, description = :description, recovery_method = :method,
                       service_type = :serviceType, enabled = :enabled, updated_at = :now
                WHERE id = :id AND deleted = 0""")
                .param("name", changes.name() != null ? changes.name() : current.name())
                .param("description", changes.descriptionGiven() ? changes.description() : current.description())
                .param("method", (changes.recoveryMethod() != null ? changes.recoveryMethod()
                        : current.recoveryMethod()).wireName())
                .param("serviceType", changes.serviceType() != null ? changes.serviceType() : current.serviceType())
                .param("enabled", changes.enabled() != null ? changes.enabled() : current.enabled())
                .param("now", Timestamp.valueOf(now))
                .param("id", current.id())
                .update();
    }

    public void softDelete(long id, LocalDateTime now) {
        jdbc.sql("UPDATE segments SET deleted = id, deleted_at = :now WHERE id = :id AND deleted = 0")
                .param("now", Timestamp.valueOf(now))
                .param("id", id)
                .update();
    }

    static Segment map(ResultSet rs, int row) throws SQLException {
        return map(rs, "");
    }

    /** Maps a segment from columns that may carry a prefix (hosts join their segment as {@code s_*}). */
    static Segment map(ResultSet rs, String prefix) throws SQLException {
        return new Segment(
                rs.getLong(prefix + "id"),
                rs.getString(prefix + "uuid"),
                rs.getString(prefix + "name"),
                rs.getString(prefix + "description"),
                RecoveryMethod.fromWire(rs.getString(prefix + "recovery_method")).orElseThrow(),
                rs.getString(prefix + "service_type"),
                rs.getBoolean(prefix + "enabled"),
                time(rs, prefix + "created_at"),
                time(rs, prefix + "updated_at"),
                time(rs, prefix + "deleted_at"),
                rs.getLong(prefix + "deleted") != 0);
    }

    static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return SqlTime.read(rs, column);
    }
}
