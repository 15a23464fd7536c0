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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code hosts} table, each row read together with its segment. Only live rows are returned. */
@Repository
public class HostRepository {

    /** The sort keys the host list accepts, and the SQL each stands for. */
    static final Map<String, String> SORT_KEYS = Map.ofEntries(
            Map.entry("id", "h.id"),
            Map.entry("uuid", "h.uuid"),
            Map.entry("name", "h.name"),
            Map.entry("type", "h.type"),
            Map.entry("control_attributes", "h.control_attributes"),
            Map.entry("reserved", "h.reserved"),
            Map.entry("on_maintenance", "h.on_maintenance"),
            Map.entry("priority", "h.priority"),
            Map.entry("failover_segment_id", "s.uuid"),
            Map.entry("created_at", "h.created_at"),
            Map.entry("updated_at", "COALESCE(h.updated_at, h.created_at)"));

    private static final String COLUMNS = """
            h.*, s.id AS s_id, s.uuid AS s_uuid, s.name AS s_name, s.description AS s_description,
            s.recovery_method AS s_recovery_method, s.service_type AS s_service_type, s.enabled AS s_enabled,
            s.created_at AS s_created_at, s.updated_at AS s_updated_at, s.deleted_at AS s_deleted_at,
            s.deleted AS s_deleted""";
    private static final String FROM = "hosts h JOIN segments s ON s.id = h.failover_segment_id";

    /** The whitelist of {@code sort_key} values for the host list. */
    public static final Set<String> SORTABLE = SORT_KEYS.keySet();

    private final JdbcClient jdbc;

    public HostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Host insert(Segment segment, HostDraft draft, LocalDateTime now) {
        String uuid = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO hosts (uuid, name, failover_segment_id, type, control_attributes, reserved,
                                   on_maintenance, priority, created_at)
                VALUES (:uuid, :name, :segmentId, :type, :controlAttributes, :reserved, :onMaintenance, :priority,
                        :now)""")
                .param("uuid", uuid)
                .param("name", draft.name())
                .param("segmentId", segment.id())
                .param("type", draft.type())
                .param("controlAttributes", draft.controlAttributes())
                .param("reserved", draft.reserved())
                .param("onMaintenance", draft.onMaintenance())
                .param("priority", draft.priority())
                .param("now", Timestamp.valueOf(now))
                .update();
        return findByUuid(uuid).orElseThrow();
    }

    public Optional<Host> findByUuid(String uuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE h.uuid = :uuid AND h.deleted = 0")
                .param("uuid", uuid)
                .query(HostRepository::map)
                .optional();
    }

    /** The hosts that keep a sealed BMC password. */
    public List<Host> withSealedSecrets() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE h.deleted = 0 AND h.control_attributes LIKE "
                + ":sealed ORDER BY h.name").param("sealed", "%" + SecretBox.PREFIX + "%")
                .query(HostRepository::map).list();
    }

    /** Replaces a host's control_attributes if they are still {@code was}; whether it did. */
    boolean replaceControlAttributes(long id, String was, String now) {
        return jdbc.sql("UPDATE hosts SET control_attributes = :now WHERE id = :id AND deleted = 0 "
                + "AND control_attributes = :was").param("id", id).param("was", was).param("now", now).update() == 1;
    }

    /** The hosts the host monitor watches: those of enabled segments that are not on maintenance. */
    public List<Host> watched() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE h.deleted = 0 AND s.deleted = 0 AND s.enabled"
                + " AND NOT h.on_maintenance ORDER BY h.name").query(HostRepository::map).list();
    }

    /** The names of every live host, in any segment. */
    public java.util.Set<String> registeredNames() {
        return new java.util.HashSet<>(jdbc.sql("SELECT name FROM hosts WHERE deleted = 0").query(String.class).list());
    }

    public Optional<Host> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE h.name = :name AND h.deleted = 0")
                .param("name", name)
                .query(HostRepository::map)
                .optional();
    }

    /**
     * The live host of that name, its row locked until the transaction ends: notifications of one host
     * are taken in one at a time, on every engine node, so that the duplicate rule holds.
     */
    public Optional<Host> lockByName(String name) {
        Optional<Long> id = jdbc.sql("SELECT id FROM hosts WHERE name = :name AND deleted = 0 FOR UPDATE")
                .param("name", name).query(Long.class).optional();
        return id.flatMap(i -> findByName(name));
    }

    /** Host names by uuid, for the hosts among {@code uuids} that exist (deleted ones too). */
    public java.util.Map<String, String> namesByUuid(java.util.Collection<String> uuids) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (!uuids.isEmpty()) {
            jdbc.sql("SELECT uuid, name FROM hosts WHERE uuid IN (:uuids)").param("uuids", uuids)
                    .query(rs -> {
                        names.put(rs.getString("uuid"), rs.getString("name"));
                    });
        }
        return names;
    }

    /** How many live hosts each of the segments has (segments without hosts are absent). */
    public java.util.Map<Long, Integer> countsBySegment(java.util.Collection<Long> segmentIds) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        if (!segmentIds.isEmpty()) {
            jdbc.sql("SELECT failover_segment_id, COUNT(*) AS n FROM hosts WHERE failover_segment_id IN (:ids) "
                            + "AND deleted = 0 GROUP BY failover_segment_id").param("ids", segmentIds)
                    .query(rs -> {
                        counts.put(rs.getLong("failover_segment_id"), rs.getInt("n"));
                    });
        }
        return counts;
    }

    /** Every live host of a segment. */
    public List<Host> allOf(long segmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE h.failover_segment_id = :segmentId "
                        + "AND h.deleted = 0 ORDER BY h.name")
                .param("segmentId", segmentId).query(HostRepository::map).list();
    }

    /** Takes a host off maintenance (it returned to service after its recovery); false when it was not on it. */
    public boolean takeOffMaintenance(long id, LocalDateTime now) {
        return jdbc.sql("UPDATE hosts SET on_maintenance = FALSE, updated_at = :now WHERE id = :id AND on_maintenance")
                .param("now", java.sql.Timestamp.valueOf(now)).param("id", id).update() == 1;
    }

    /** Puts a host on maintenance (a failure was reported), no longer reserved. */
    public void putOnMaintenance(long id, LocalDateTime now) {
        jdbc.sql("UPDATE hosts SET on_maintenance = TRUE, reserved = FALSE, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.valueOf(now)).param("id", id).update();
    }

    /** Claims a reserved host for a recovery; false when another recovery took it first. */
    public boolean claimReserved(long id, LocalDateTime now) {
        return jdbc.sql("UPDATE hosts SET reserved = FALSE, updated_at = :now WHERE id = :id AND reserved = TRUE")
                .param("now", Timestamp.valueOf(now)).param("id", id).update() > 0;
    }

    public List<Host> list(Segment segment, HostFilter filter, PageRequest page) {
        KeysetQuery query = new KeysetQuery(COLUMNS, FROM, "h.id", SORT_KEYS)
                .where("h.deleted = 0")
                .where("h.failover_segment_id = :segmentId", "segmentId", segment.id());
        if (filter.type() != null) {
            query.where("h.type = :type", "type", filter.type());
        }
        if (filter.onMaintenance() != null) {
            query.where("h.on_maintenance = :onMaintenance", "onMaintenance", filter.onMaintenance());
        }
        if (filter.reserved() != null) {
            query.where("h.reserved = :reserved", "reserved", filter.reserved());
        }
        return query.fetch(jdbc, page, HostRepository::map);
    }

    public void update(Host current, HostChanges changes, LocalDateTime now) {
        jdbc.sql("""
                UPDATE hosts SET name = :name, type = :type, control_attributes = :controlAttributes,
                       reserved = :reserved, on_maintenance = :onMaintenance, priority = :priority,
                       updated_at = :now
                WHERE id = :id AND deleted = 0""")
                .param("name", changes.name() != null ? changes.name() : current.name())
                .param("type", changes.type() != null ? changes.type() : current.type())
                .param("controlAttributes", changes.controlAttributes() != null ? changes.controlAttributes()
                        : current.controlAttributes())
                .param("reserved", changes.reserved() != null ? changes.reserved() : current.reserved())
                .param("onMaintenance", changes.onMaintenance() != null ? changes.onMaintenance()
                        : current.onMaintenance())
                .param("priority", changes.priority() != null ? changes.priority() : current.priority())
                .param("now", Timestamp.valueOf(now))
                .param("id", current.id())
                .update();
    }

    public void softDelete(long id, LocalDateTime now) {
        jdbc.sql("UPDATE hosts SET deleted = id, deleted_at = :now WHERE id = :id AND deleted = 0")
                .param("now", Timestamp.valueOf(now))
                .param("id", id)
                .update();
    }

    /** Deletes every live host of a segment (the segment is being deleted). */
    public int softDeleteAllOf(long segmentId, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE hosts SET deleted = id, deleted_at = :now WHERE failover_segment_id = :segmentId AND deleted = 0""")
                .param("now", Timestamp.valueOf(now))
                .param("segmentId", segmentId)
                .update();
    }

    static Host map(ResultSet rs, int row) throws SQLException {
        return new Host(
                rs.getLong("id"),
                rs.getString("uuid"),
                rs.getString("name"),
                SegmentRepository.map(rs, "s_"),
                rs.getString("type"),
                rs.getString("control_attributes"),
                rs.getBoolean("reserved"),
                rs.getBoolean("on_maintenance"),
                rs.getInt("priority"),
                SegmentRepository.time(rs, "created_at"),
                SegmentRepository.time(rs, "updated_at"),
                SegmentRepository.time(rs, "deleted_at"),
                rs.getLong("deleted") != 0);
    }
}
