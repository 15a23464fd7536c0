package org.instanceha.vmove;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The room on target hosts that planned evacuations hold before Nova counts it. A VM move planned onto a
 * host claims its vCPUs and RAM there while it is {@code pending} or {@code ongoing} and Nova has not
 * taken it on, and for a grace after Nova accepted it (Nova's own count of the host catches up when the
 * destination's resource tracker claims it, a moment after the API's 202). Planners take the claims off
 * Nova's free room, one at a time across engine nodes ({@link #lockPlanning}).
 */
@Repository
public class CapacityClaims {

    /** What the planned moves hold on one host. */
    public record Claim(int vcpus, long ramMb) {
    }

    private final JdbcClient jdbc;

    public CapacityClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks planning until the caller's transaction ends: a planner reads Nova's free room and the claims,
     * plans, and records its own claims before the next one reads them.
     */
    public void lockPlanning() {
        jdbc.sql("SELECT name FROM recovery_locks WHERE name = 'capacity' FOR UPDATE").query(String.class).single();
    }

    /** The claims on each host, of moves not yet accepted by Nova or accepted after {@code acceptedSince}. */
    public Map<String, Claim> byHost(LocalDateTime acceptedSince) {
        Map<String, Claim> claims = new HashMap<>();
        jdbc.sql("""
                SELECT target_host, SUM(instance_vcpus) AS vcpus, SUM(instance_ram_mb) AS ram_mb FROM vmoves
                WHERE status IN ('pending', 'ongoing') AND target_host IS NOT NULL
                  AND (accepted_at IS NULL OR accepted_at > :since)
                GROUP BY target_host""")
                .param("since", Timestamp.valueOf(acceptedSince))
                .query((rs, row) -> claims.put(rs.getString("target_host"),
                        new Claim(rs.getInt("vcpus"), rs.getLong("ram_mb"))))
                .list();
        return claims;
    }

    /** Nova accepted the move's evacuation: its claim ends after the grace. */
    public void accepted(String vmoveUuid, LocalDateTime now) {
        jdbc.sql("UPDATE vmoves SET accepted_at = :now WHERE uuid = :uuid AND accepted_at IS NULL")
                .param("now", Timestamp.valueOf(now)).param("uuid", vmoveUuid).update();
    }
}
