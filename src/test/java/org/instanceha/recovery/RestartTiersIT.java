package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Restart priorities (server metadata {@code instanceha:priority}, 1 first to 5 last, 3 by default): a host
 * failure evacuates tier by tier, each tier's evacuations starting only once every instance of the tiers before
 * has settled in Nova.
 */
class RestartTiersIT extends RecoveryScenarioSupport {

    private record Move(String name, int priority, Timestamp start, Timestamp settled) {
    }

    @Test
    void aHostFailureEvacuatesTierByTierAndSaysSo() {
        String segment = segment("auto", true);
        cloud.addServer("db-1", "compute4", "1", "demo", Map.of("instanceha:priority", "1"));
        cloud.addServer("db-2", "compute4", "1", "demo", Map.of("instanceha:priority", "1"));
        cloud.addServer("app-1", "compute4", "1", "demo", Map.of("instanceha:priority", "2"));
        cloud.addServer("batch-1", "compute4", "1", "demo", Map.of("instanceha:priority", "5"));
        cloud.addServer("odd-1", "compute4", "1", "demo", Map.of("instanceha:priority", "first!"));

        JsonNode plan = api.get("/v1/segments/" + segment + "/recovery-plan").send().json().get("recovery_plan");
        List<String> order = new java.util.ArrayList<>();
        plan.get("hosts").forEach(h -> {
            if (h.get("name").asText().equals("compute4")) {
                h.get("instances").forEach(i -> order.add(i.get("restart_priority").asInt() + " " + i.get("name").asText()));
            }
        });
        assertThat(order).as("the plan lists the evacuations tier by tier").hasSize(8).contains("3 odd-1")
                .endsWith("5 batch-1");
        assertThat(order.subList(0, 3)).containsExactlyInAnyOrder("1 db-1", "1 db-2", "2 app-1");
        assertThat(order.indexOf("2 app-1")).isEqualTo(2);

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        String notification = done.get("notification_uuid").asText();
        List<Move> moves = jdbc.sql("""
                SELECT v.instance_name, t.priority, v.start_time, v.evacuation_settled_at FROM vmoves v
                JOIN restart_tiers t ON t.notification_uuid = v.notification_uuid AND t.instance_uuid = v.instance_uuid
                WHERE v.notification_uuid = :n AND v.status = 'succeeded'""").param("n", notification)
                .query((rs, i) -> new Move(rs.getString(1), rs.getInt(2), rs.getTimestamp(3), rs.getTimestamp(4)))
                .list();
        assertThat(moves).hasSize(8).extracting(Move::name).contains("db-1", "db-2", "app-1", "batch-1", "odd-1",
                "vm10", "vm11", "vm12");
        assertThat(moves).filteredOn(m -> m.name().equals("odd-1")).singleElement().extracting(Move::priority)
                .as("not 1 to 5: the default").isEqualTo(3);
        for (Move earlier : moves) {
            for (Move later : moves) {
                if (earlier.priority() < later.priority()) {
                    assertThat(later.start()).as("%s (priority %d) started after %s (priority %d) settled",
                                    later.name(), later.priority(), earlier.name(), earlier.priority())
                            .isAfterOrEqualTo(earlier.settled());
                }
            }
        }
        String identified = jdbc.sql("""
                SELECT message FROM recovery_progress WHERE notification_uuid = :n AND task_name =
                'Identify protected instances' ORDER BY id DESC""").param("n", notification).query(String.class)
                .list().get(0);
        assertThat(identified).contains("Restart tiers, first to last: priority 1 (2), priority 2 (1), priority 3 (4),"
                + " priority 5 (1).").contains("odd-1: instanceha:priority 'first!' is not 1 to 5; 3 used");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_progress WHERE notification_uuid = :n AND task_name = "
                + "'Check tier''s turn'").param("n", notification).query(Long.class).single())
                .as("the waits are recorded").isPositive();
    }
}
