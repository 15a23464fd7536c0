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
}
