package org.instanceha.notification;

import org.instanceha.segment.RecoveriesInProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers whether a segment has notifications still being handled: {@code new}, {@code running} or
 * {@code error}. While it has, the segment and its hosts must not change (Masakari's 409 rule).
 */
@Component
public class ActiveNotifications implements RecoveriesInProgress {

    private final JdbcClient jdbc;

    public ActiveNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean inSegment(String segmentUuid) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notifications
                WHERE failover_segment_uuid = :segment AND status IN ('new', 'running', 'error') AND deleted = 0""")
                .param("segment", segmentUuid)
                .query(Long.class)
                .single() > 0;
    }

    /**
     * The hosts of the segment with a host failure being handled ({@code new} or {@code running}): none of them
     * may take instances, even before its own workflow has put it on maintenance (two hosts reported at once).
     */
    public java.util.Set<String> hostsFailing(String segmentUuid) {
        return java.util.Set.copyOf(jdbc.sql("""
                SELECT source_host_uuid FROM notifications
                WHERE failover_segment_uuid = :segment AND type = 'COMPUTE_HOST' AND status IN ('new', 'running')
                  AND deleted = 0""")
                .param("segment", segmentUuid)
                .query(String.class)
                .list());
    }

    /** The host names of the segment's recoveries that run now ({@code new} or {@code running}). */
    public java.util.List<String> runningInSegment(String segmentUuid) {
        return jdbc.sql("""
                SELECT h.name FROM notifications n JOIN hosts h ON h.uuid = n.source_host_uuid
                WHERE n.failover_segment_uuid = :segment AND n.status IN ('new', 'running') AND n.deleted = 0
                ORDER BY h.name""")
                .param("segment", segmentUuid)
                .query(String.class)
                .list();
    }
}
