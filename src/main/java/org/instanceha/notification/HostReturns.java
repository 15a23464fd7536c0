package org.instanceha.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.instanceha.common.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code host_returns} table: each host a recovery took out of service, and its way back. "Register
 * notification" adds a row when it puts a host on maintenance; the host monitor finds the rows whose host is
 * healthy again ({@link #waiting}) and starts "Return host to service" for them; that workflow ends each row.
 */
@Repository
public class HostReturns {

    private static final String COLUMNS = "r.id, r.notification_uuid, r.host_uuid, r.host_name, r.status, r.back_at,"
            + " r.returned_at, r.message, r.created_at";

    private final JdbcClient jdbc;

    public HostReturns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recovery took this host out of service (once per notification). */
    public void tookOut(String notificationUuid, String hostUuid, String hostName, LocalDateTime now) {
        try {
            jdbc.sql("""
                    INSERT INTO host_returns (notification_uuid, host_uuid, host_name, status, created_at)
                    VALUES (:notification, :hostUuid, :hostName, 'out', :now)""")
                    .param("notification", notificationUuid).param("hostUuid", hostUuid).param("hostName", hostName)
                    .param("now", Timestamp.valueOf(now)).update();
        } catch (DuplicateKeyException e) {
            // the workflow registered this notification before (a retry): the row stands
        }
    }

    /**
     * The hosts out of service after a recovery that has ended, still registered and on maintenance: those the
     * host monitor reads to see whether they are healthy again. The newest row per host only.
     */
    public List<HostReturn> waiting() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM host_returns r"
                        + " JOIN notifications n ON n.notification_uuid = r.notification_uuid"
                        + " JOIN hosts h ON h.uuid = r.host_uuid AND h.deleted = 0 AND h.on_maintenance"
                        + " WHERE r.status = 'out' AND n.status IN ('finished', 'error', 'failed', 'ignored')"
                        + " AND NOT EXISTS (SELECT 1 FROM host_returns later WHERE later.host_uuid = r.host_uuid"
                        + " AND later.id > r.id)"
                        + " ORDER BY r.host_name")
                .query(HostReturns::map).list();
    }

    /**
     * Ends the rows of hosts an operator took back by hand (cleared on_maintenance) or deleted, and the older
     * rows of a host taken out again; returns how many.
     */
    public int settleTakenBackByHand(LocalDateTime now) {
        return jdbc.sql("""
                UPDATE host_returns SET status = 'by_hand', updated_at = :now,
                       message = 'Taken back into service by hand, or the host is no longer registered.'
                WHERE status = 'out' AND (NOT EXISTS (SELECT 1 FROM hosts h WHERE h.uuid = host_returns.host_uuid
                                                       AND h.deleted = 0 AND h.on_maintenance)
                      OR EXISTS (SELECT 1 FROM host_returns later WHERE later.host_uuid = host_returns.host_uuid
                                 AND later.id > host_returns.id))""")
                .param("now", Timestamp.valueOf(now)).update();
    }

    /** The host was first seen healthy again now (kept once: the time from power-on to in service counts from it). */
    public void seenBack(long id, LocalDateTime now) {
        jdbc.sql("UPDATE host_returns SET back_at = :now, updated_at = :now WHERE id = :id AND back_at IS NULL")
                .param("now", Timestamp.valueOf(now)).param("id", id).update();
    }

    /** Whether this node took the row from 'out' to 'returning' (false: another node did, or it moved on). */
    public boolean startReturning(long id, LocalDateTime now) {
        return jdbc.sql("UPDATE host_returns SET status = 'returning', updated_at = :now, message = NULL"
                        + " WHERE id = :id AND status = 'out'")
                .param("now", Timestamp.valueOf(now)).param("id", id).update() == 1;
    }

    /** Ends a return: returned, kept_out, or back to out (the host failed again before it returned). */
    public void settle(long id, String status, String message, LocalDateTime now) {
        jdbc.sql("UPDATE host_returns SET status = :status, message = :message, updated_at = :now,"
                        + " returned_at = CASE WHEN :status = 'returned' THEN :now ELSE returned_at END,"
                        + " back_at = CASE WHEN :status = 'out' THEN NULL ELSE back_at END WHERE id = :id")
                .param("status", status).param("message", message).param("now", Timestamp.valueOf(now))
                .param("id", id).update();
    }

    /** A note on a row that stays as it is ("policy: never", "waiting for ..."). */
    public void note(long id, String message, LocalDateTime now) {
        jdbc.sql("UPDATE host_returns SET message = :message, updated_at = :now WHERE id = :id"
                        + " AND (message IS NULL OR message <> :message)")
                .param("message", message).param("now", Timestamp.valueOf(now)).param("id", id).update();
    }

    public Optional<HostReturn> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM host_returns r WHERE r.id = :id").param("id", id)
                .query(HostReturns::map).optional();
    }

    /** The latest return of each host that is not back in service, by host name. */
    public List<HostReturn> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM host_returns r WHERE r.status IN ('out', 'returning')"
                        + " ORDER BY r.host_name")
                .query(HostReturns::map).list();
    }

    private static HostReturn map(ResultSet rs, int n) throws SQLException {
        return new HostReturn(rs.getLong("id"), rs.getString("notification_uuid"), rs.getString("host_uuid"),
                rs.getString("host_name"), rs.getString("status"), SqlTime.read(rs, "back_at"),
                SqlTime.read(rs, "returned_at"), rs.getString("message"), SqlTime.read(rs, "created_at"));
    }
}
