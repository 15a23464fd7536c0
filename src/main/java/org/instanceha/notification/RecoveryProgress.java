package org.instanceha.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.instanceha.common.UtcTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each workflow task did for a notification, in the operator's words: the rows behind
 * {@code recovery_workflow_details} (v1, microversion 1.1) and the dashboard's progress.
 */
@Component
public class RecoveryProgress {

    /** One message of one task. */
    public record Entry(String taskName, ProgressState state, double progress, String message, LocalDateTime at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public RecoveryProgress(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String notificationUuid, String taskName, ProgressState state, double progress,
                       String message) {
        recordAt(notificationUuid, taskName, state, progress, message, UtcTime.now(clock));
    }

    /** An entry of what happened at {@code at} (UTC), earlier than now: what the host monitor saw before it reported. */
    public void recordAt(String notificationUuid, String taskName, ProgressState state, double progress,
                         String message, java.time.LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO recovery_progress (notification_uuid, task_name, state, progress, message, created_at)
                VALUES (:uuid, :task, :state, :progress, :message, :now)""")
                .param("uuid", notificationUuid)
                .param("task", taskName)
                .param("state", state.wireName())
                .param("progress", progress)
                .param("message", message.length() > 4000 ? message.substring(0, 4000) : message)
                .param("now", Timestamp.valueOf(at))
                .update();
    }

    /** The state of the notification's newest entry, if it has one. */
    public Optional<ProgressState> lastState(String notificationUuid) {
        return jdbc.sql("""
                SELECT state FROM recovery_progress WHERE notification_uuid = :uuid ORDER BY id DESC LIMIT 1""")
                .param("uuid", notificationUuid).query(String.class).optional().map(ProgressState::stored);
    }

    public List<Entry> of(String notificationUuid) {
        return jdbc.sql("""
                SELECT task_name, state, progress, message, created_at FROM recovery_progress
                WHERE notification_uuid = :uuid ORDER BY id""")
                .param("uuid", notificationUuid)
                .query((rs, n) -> new Entry(rs.getString("task_name"), ProgressState.stored(rs.getString("state")),
                        rs.getDouble("progress"), rs.getString("message"),
                        rs.getTimestamp("created_at").toLocalDateTime()))
                .list();
    }
}
