package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recovery plan ("if this host died now") against what a recovery of that host then does: for each
 * recovery method, the same instances go to the same targets, and the same ones fit nowhere.
 */
class RecoveryPlanIT extends RecoveryScenarioSupport {

    @ParameterizedTest
    @ValueSource(strings = {"auto", "auto_priority", "reserved_host", "rh_priority"})
    void thePlanIsWhatTheRecoveryThenDoes(String method) {
        String segment = segment(method, true);
        cloud.addServer("filler1", "compute1", "3", "demo", Map.of());
        cloud.addServer("filler2", "compute2", "3", "demo", Map.of());
        cloud.addServer("filler3", "compute3", "3", "demo", Map.of());
        cloud.addServer("big", "compute4", "3", "demo", Map.of("HA_Enabled", "True"));

        Response plan = api.get("/v1/segments/" + segment + "/recovery-plan").send();
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        JsonNode body = plan.json().get("recovery_plan");
        assertThat(body.get("recovery_method").asText()).isEqualTo(method);
        assertThat(body.at("/headroom/biggest_host").asText()).as("vm4, vm5, vm6 and filler2: 9216 MB")
                .isEqualTo("compute2");
        assertThat(body.at("/headroom/percent").isNumber()).isTrue();
        assertThat(body.get("hosts")).extracting(h -> h.get("name").asText())
                .containsExactlyInAnyOrder("compute1", "compute2", "compute3", "compute4", "compute5");
        JsonNode compute4 = null;
        for (JsonNode host : body.get("hosts")) {
            if (host.get("name").asText().equals("compute4")) {
                compute4 = host;
            }
        }
        Map<String, String> planned = new TreeMap<>();
        compute4.get("instances").forEach(i -> planned.put(i.get("name").asText(),
                i.get("target_host").isNull() ? "nowhere: " + i.get("reason").asText() : i.get("target_host").asText()));
        assertThat(planned).containsOnlyKeys("vm10", "vm11", "vm12", "big");
        assertThat(compute4.get("survivable").asBoolean()).isEqualTo(!planned.values().toString().contains("nowhere"));

        String notification = hostFails("compute4");
        awaitEnd(notification);
        Map<String, String> done = new TreeMap<>();
        jdbc.sql("SELECT instance_name, target_host, message FROM vmoves WHERE notification_uuid = :n AND attempt = 1")
                .param("n", notification).query().listOfRows().forEach(r -> done.put((String) r.get("instance_name"),
                        r.get("target_host") == null ? "nowhere: " + r.get("message") : (String) r.get("target_host")));
        assertThat(done).as(method).isEqualTo(planned);
    }
}
