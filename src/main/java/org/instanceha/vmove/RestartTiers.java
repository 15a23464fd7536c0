package org.instanceha.vmove;

import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The restart priority of each instance of a host failure ({@code restart_tiers}: 1 first, 5 last, 3 by
 * default; recorded only when the host's instances have more than the default), and how far the earlier tiers
 * of an instance are: an instance waits while a VM move of an earlier
 * tier is pending or evacuating and neither settled in Nova nor waiting for an operator.
 */
@Repository
public class RestartTiers {

    /** The priority of an instance that asks for none. */
    public static final int DEFAULT_PRIORITY = 3;

    private final JdbcClient jdbc;

    public RestartTiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the instance's priority; identifying the instances again keeps the first. */
    public void record(String notificationUuid, String instanceUuid, int priority) {
        try {
            jdbc.sql("INSERT INTO restart_tiers (notification_uuid, instance_uuid, priority) VALUES (:n, :i, :p)")
                    .param("n", notificationUuid).param("i", instanceUuid).param("p", priority).update();
        } catch (DuplicateKeyException e) {
            // identified before: keep it
        }
    }

    /** The instance's priority in this notification; the default for one recorded before tiers existed. */
    public int priorityOf(String notificationUuid, String instanceUuid) {
        return jdbc.sql("SELECT priority FROM restart_tiers WHERE notification_uuid = :n AND instance_uuid = :i")
                .param("n", notificationUuid).param("i", instanceUuid).query(Integer.class).optional()
                .orElse(DEFAULT_PRIORITY);
    }

    /**
     * The priority of each instance of the notification, by instance uuid; empty when all had the default (no
     * tier was recorded then).
     */
    public Map<String, Integer> prioritiesOf(String notificationUuid) {
        Map<String, Integer> priorities = new java.util.HashMap<>();
        jdbc.sql("SELECT instance_uuid, priority FROM restart_tiers WHERE notification_uuid = :n")
                .param("n", notificationUuid).query((rs, i) -> priorities.put(rs.getString(1), rs.getInt(2))).list();
        return priorities;
    }

    /**
     * The tiers before {@code priority}: how many of them hold instances, and how many of their VM moves have
     * not settled (pending, or evacuating with no settled evacuation; one an operator's task waits for, "Recover ...
     * by hand" or "Rebuild ...?", does not hold the later tiers back).
     */
    public EarlierTiers earlierThan(String notificationUuid, int priority) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT t.priority),
                       COUNT(CASE WHEN (v.status = 'pending' OR v.status = 'ongoing' AND v.evacuation_settled_at IS NULL)
                                  AND v.operator_task_id IS NULL THEN 1 END)
                FROM restart_tiers t LEFT JOIN vmoves v ON v.notification_uuid = t.notification_uuid
                    AND v.instance_uuid = t.instance_uuid AND v.deleted = 0
                WHERE t.notification_uuid = :n AND t.priority < :p""")
                .param("n", notificationUuid).param("p", priority)
                .query((rs, i) -> new EarlierTiers(rs.getInt(1), rs.getInt(2))).single();
    }

    /** How many earlier tiers hold instances, and how many of their VM moves have not settled. */
    public record EarlierTiers(int tiers, int unsettled) {
    }
}
