package org.instanceha.vmove;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.instanceha.common.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code instance_restarts} table: one row per restart attempt of a {@code VM} notification's instance. */
@Repository
public class InstanceRestartRepository {

    private static final int STATES_LENGTH = 1024;
    private static final int MESSAGE_LENGTH = 4000;

    private final JdbcClient jdbc;

    public InstanceRestartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts attempt {@code attempt} ({@code ongoing}) on an instance Nova shows in {@code vmState}. */
    public InstanceRestart start(String notificationUuid, int attempt, String instanceUuid, String instanceName,
                                 String host, String vmState, LocalDateTime now) {
        String uuid = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO instance_restarts (uuid, notification_uuid, attempt, instance_uuid, instance_name, host,
                                               states, status, start_time, updated_at)
                VALUES (:uuid, :n, :attempt, :instance, :name, :host, :states, 'ongoing', :now, :now)""")
                .param("uuid", uuid).param("n", notificationUuid).param("attempt", attempt)
                .param("instance", instanceUuid).param("name", instanceName).param("host", host)
                .param("states", vmState).param("now", Timestamp.valueOf(now)).update();
        return require(uuid);
    }

    /** Records the vm_state Nova shows now, when it differs from the last one recorded. */
    public void saw(String uuid, String vmState, LocalDateTime now) {
        InstanceRestart restart = require(uuid);
        if (vmState == null || vmState.equals(restart.lastState())) {
            return;
        }
        String states = restart.states() + " -> " + vmState;
        if (states.length() > STATES_LENGTH) {
            states = "... " + states.substring(states.length() - STATES_LENGTH + 4);
        }
        jdbc.sql("UPDATE instance_restarts SET states = :states, updated_at = :now WHERE uuid = :uuid")
                .param("states", states).param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /** The attempt ended: {@code succeeded} or {@code failed}, with what happened. */
    public void ended(String uuid, VmMoveStatus status, String message, LocalDateTime now) {
        jdbc.sql("""
                UPDATE instance_restarts SET status = :status, message = :message, end_time = :now, updated_at = :now
                WHERE uuid = :uuid""")
                .param("status", status.wireName()).param("message", shortened(message))
                .param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /** The attempt waits for an operator's decision in the user task {@code taskId} (null: no longer). */
    public void handedOver(String uuid, String taskId, LocalDateTime now) {
        jdbc.sql("UPDATE instance_restarts SET operator_task_id = :task, updated_at = :now WHERE uuid = :uuid")
                .param("task", taskId).param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /** Records an operator's decision: the final status, and a message saying who decided what, and when. */
    public void decided(String uuid, VmMoveStatus status, String message, String operator, String decision,
                        LocalDateTime now) {
        jdbc.sql("""
                UPDATE instance_restarts SET status = :status, message = :message, decided_by = :operator,
                       decision = :decision, operator_task_id = NULL, end_time = COALESCE(end_time, :now),
                       updated_at = :now
                WHERE uuid = :uuid""")
                .param("status", status.wireName()).param("message", shortened(message)).param("operator", operator)
                .param("decision", decision).param("now", Timestamp.valueOf(now)).param("uuid", uuid).update();
    }

    /** Ends the notification's waits for operators (their tasks were closed), with {@code message}. */
    public int closeOperatorWaits(String notificationUuid, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE instance_restarts SET operator_task_id = NULL, message = :message, updated_at = :now
                WHERE notification_uuid = :n AND operator_task_id IS NOT NULL""")
                .param("message", shortened(message)).param("now", Timestamp.valueOf(now))
                .param("n", notificationUuid).update();
    }

    /** Attempts still ongoing end {@code failed} with {@code message} (the notification expired). */
    public int failUnfinished(String notificationUuid, String message, LocalDateTime now) {
        return jdbc.sql("""
                UPDATE instance_restarts SET status = 'failed', message = :message, end_time = :now, updated_at = :now
                WHERE notification_uuid = :n AND status = 'ongoing'""")
                .param("message", shortened(message)).param("now", Timestamp.valueOf(now))
                .param("n", notificationUuid).update();
    }

    public Optional<InstanceRestart> findByUuid(String uuid) {
        return jdbc.sql("SELECT * FROM instance_restarts WHERE uuid = :uuid").param("uuid", uuid)
                .query(InstanceRestartRepository::map).optional();
    }

    /** An attempt a workflow works on: it must exist. */
    public InstanceRestart require(String uuid) {
        return findByUuid(uuid).orElseThrow(() -> new IllegalStateException("instance restart " + uuid
                + " does not exist"));
    }

    /** The newest {@code limit} restart attempts of these instances, newest first. */
    public List<InstanceRestart> ofInstances(java.util.Collection<String> instanceUuids, int limit) {
        if (instanceUuids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM instance_restarts WHERE instance_uuid IN (:ids) ORDER BY start_time DESC, id DESC"
                        + " LIMIT :limit").param("ids", instanceUuids).param("limit", limit)
                .query(InstanceRestartRepository::map).list();
    }

    /** Every attempt of the notification, first to last. */
    public List<InstanceRestart> allOf(String notificationUuid) {
        return jdbc.sql("SELECT * FROM instance_restarts WHERE notification_uuid = :n ORDER BY attempt")
                .param("n", notificationUuid).query(InstanceRestartRepository::map).list();
    }

    private static String shortened(String message) {
        return message == null || message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH);
    }

    static InstanceRestart map(ResultSet rs, int row) throws SQLException {
        return new InstanceRestart(rs.getLong("id"), rs.getString("uuid"), rs.getString("notification_uuid"),
                rs.getInt("attempt"), rs.getString("instance_uuid"), rs.getString("instance_name"),
                rs.getString("host"), rs.getString("states"), VmMoveStatus.stored(rs.getString("status")),
                rs.getString("message"), rs.getString("operator_task_id"), rs.getString("decided_by"),
                rs.getString("decision"),
                SqlTime.read(rs, "start_time"), SqlTime.read(rs, "end_time"), SqlTime.read(rs, "updated_at"));
    }
}
