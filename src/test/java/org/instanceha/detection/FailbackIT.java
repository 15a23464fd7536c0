package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.instanceha.simulator.SimulatedServer;
import org.junit.jupiter.api.Test;

/**
 * With the segment's policy {@code failback: true}, a host back in service takes home the instances its recovery
 * evacuated, by live migration, one at a time (test profile), each a VM move of type {@code live_migration}; those
 * that stopped running, were moved since or are marked {@code instanceha:failback=false} stay where they are, and
 * one Nova refuses is recorded failed and left. Nothing is powered off on the way.
 */
@org.junit.jupiter.api.Tag("workflow")
class FailbackIT extends DetectionSupport {

    @Test
    void theMovedInstancesGoHomeButThoseThatMustStayWhereTheyAre() throws Exception {
        watched(bmc("compute4", null));
        String segment = jdbc.sql("SELECT uuid FROM segments WHERE name = 'watched'").query(String.class).single();
        assertThat(api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {\"failback\": true}}").send()
                .status()).isEqualTo(200);
        cloud.addServer("stays", "compute4", "1", "demo", Map.of("HA_Enabled", "True", "instanceha:failback", "false"));
        cloud.addServer("vm99", "compute4", "1", "demo", Map.of("HA_Enabled", "True"));
        monitor.cycle();
        cloud.setPower("compute4", false);
        cyclesUntil(() -> !notifications().isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> "finished".equals(jdbc.sql(
                "SELECT status FROM notifications").query(String.class).single()));
        // Moved since: its owner live-migrated vm11 elsewhere after the recovery.
        String vm11Now = server("vm11").host();
        String elsewhere = List.of("compute1", "compute2", "compute3").stream().filter(h -> !h.equals(vm11Now))
                .findFirst().orElseThrow();
        cloud.liveMigrate(server("vm11").id(), elsewhere);
        await().atMost(Duration.ofSeconds(10)).until(() -> server("vm11").host().equals(elsewhere));
        cloud.setEvacuationTime(Duration.ofSeconds(2));

        cloud.setPower("compute4", true);
        cyclesUntil(() -> failback("vm10") != null && !"pending".equals(failback("vm10").get("status")));
        // While vm10 moves home (one at a time), the owner pauses vm99: Nova refuses its live migration.
        cloud.putInVmState("vm99", "paused");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM vmoves WHERE type ="
                + " 'live_migration' AND status IN ('pending', 'ongoing')").query(Long.class).single() == 0);
        assertThat(server("vm10").host()).isEqualTo("compute4");
        assertThat(server("vm10").vmState()).isEqualTo("active");
        assertThat(cloud.stopsAccepted(server("vm10").id())).as("never powered off on the way").isZero();
        assertThat(failback("vm10")).containsEntry("status", "succeeded").containsEntry("dest_host", "compute4");
        assertThat(failback("vm10").get("start_time")).isNotNull();
        assertThat(failback("vm10").get("end_time")).isNotNull();
        assertThat(failback("vm12")).containsEntry("status", "ignored");
        assertThat((String) failback("vm12").get("message")).startsWith("not running (vm_state stopped)");
        assertThat(failback("stays")).containsEntry("status", "ignored")
                .containsEntry("message", "its metadata says instanceha:failback=false");
        assertThat(failback("vm11")).containsEntry("status", "ignored")
                .containsEntry("message", "moved since its evacuation (on " + elsewhere + " now)");
        assertThat(failback("vm99")).containsEntry("status", "failed");
        assertThat((String) failback("vm99").get("message"))
                .startsWith("Nova refused its live migration home: ");
        assertThat(server("vm99").host()).isNotEqualTo("compute4");
        assertThat(server("stays").host()).isNotEqualTo("compute4");

        String notification = jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).single();
        var listed = api.get("/v1/notifications/" + notification + "/vmoves").version("1.3").send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.text()).contains("\"type\":\"live_migration\"");
        assertThat(api.get("/actuator/prometheus").send().text())
                .contains("instanceha_failbacks_total{outcome=\"succeeded\"}")
                .contains("instanceha_failbacks_total{outcome=\"failed\"}");
    }

    private SimulatedServer server(String name) {
        return cloud.serverNamed(name).orElseThrow();
    }

    private Map<String, Object> failback(String instance) {
        return jdbc.sql("SELECT status, message, dest_host, start_time, end_time FROM vmoves"
                        + " WHERE type = 'live_migration' AND instance_name = :name")
                .param("name", instance).query().listOfRows().stream().findFirst()
                .map(row -> {
                    Map<String, Object> lower = new java.util.HashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                    return lower;
                }).orElse(null);
    }
}
