package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.Test;

/**
 * The recovery plan's failure tolerance ({@code tolerated_host_failures}, {@code worst_case}) by the segment's policy,
 * on the simulated cloud (compute1..4 with 8 GB each, compute5 reserved), and what losing its worst case then does.
 */
class FailureToleranceIT extends RecoveryScenarioSupport {

    private JsonNode plan(String segment) {
        Response r = api.get("/v1/segments/" + segment + "/recovery-plan").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("recovery_plan");
    }

    private void policy(String segment, String fields) {
        Response r = api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {" + fields + "}}").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void thePlanNamesThePairItCannotAbsorbAndLosingThatPairLeavesItsInstancesBehind() {
        String segment = segment("auto", true);
        JsonNode before = plan(segment);
        assertThat(before.get("failures_to_tolerate").asInt()).as("the default policy").isEqualTo(1);
        assertThat(before.get("failure_domain").asText()).isEqualTo("host");
        assertThat(before.get("tolerated_host_failures").asInt()).as("any two of compute1..4 fit on the other two: "
                + before).isEqualTo(2);
        assertThat(before.get("tolerance_checked_up_to").asInt()).isEqualTo(2);
        assertThat(before.get("meets_failures_to_tolerate").asBoolean()).isTrue();
        assertThat(before.get("worst_case").isNull()).isTrue();

        // compute3 now runs 7168 MB: losing it with compute1 or compute2 needs more than the two left have free.
        cloud.addServer("big", "compute3", "3", "demo", Map.of("HA_Enabled", "True"));
        policy(segment, "\"failures_to_tolerate\": 2");
        JsonNode plan = plan(segment);

        assertThat(plan.get("tolerated_host_failures").asInt()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.get("tolerance_checked_up_to").asInt()).isEqualTo(3);
        assertThat(plan.get("meets_failures_to_tolerate").asBoolean()).isFalse();
        assertThat(plan.get("survivable_hosts").asInt()).as("each host alone is survivable").isEqualTo(5);
        JsonNode worst = plan.get("worst_case");
        assertThat(worst.get("failures").asInt()).isEqualTo(2);
        List<String> lost = new ArrayList<>();
        worst.get("failed_hosts").forEach(h -> lost.add(h.asText()));
        assertThat(lost).hasSize(2).contains("compute3");
        assertThat(worst.get("instances_not_placed").asInt()).isPositive().isEqualTo(worst.get("instances").size());
        worst.get("instances").forEach(i -> assertThat(lost).as(i.toString()).contains(i.get("host").asText()));

        String first = hostFails(lost.get(0));
        String second = hostFails(lost.get(1));
        awaitEnd(first);
        awaitEnd(second);
        long leftBehind = jdbc.sql("""
                        SELECT COUNT(*) FROM vmoves WHERE notification_uuid IN (:first, :second) AND attempt = 1
                        AND target_host IS NULL""")
                .param("first", first).param("second", second).query(Long.class).single();
        assertThat(leftBehind).as("the plan said losing " + lost + " at once leaves instances without a host")
                .isPositive();
    }

    @Test
    void racksAndZonesFailWithAllTheirHosts() {
        String segment = segment("auto", true);

        policy(segment, "\"failure_domain\": \"aggregate\"");
        JsonNode racks = plan(segment);
        assertThat(racks.get("failure_domain").asText()).isEqualTo("aggregate");
        assertThat(racks.get("tolerated_host_failures").asInt()).as("ha-agg (compute1, compute2) alone fits on "
                + "compute3 and compute4: " + racks).isEqualTo(1);
        JsonNode worst = racks.get("worst_case");
        assertThat(worst.get("failures").asInt()).isEqualTo(2);
        assertThat(worst.get("failed_domains").get(0).asText()).isEqualTo("ha-agg");
        assertThat(worst.get("failed_hosts")).extracting(JsonNode::asText).contains("compute1", "compute2");

        policy(segment, "\"failure_domain\": \"availability_zone\"");
        JsonNode zones = plan(segment);
        assertThat(zones.get("tolerated_host_failures").asInt()).as("one zone: losing it loses every host")
                .isZero();
        assertThat(zones.at("/worst_case/failed_domains/0").asText()).isEqualTo("(default zone)");
        assertThat(zones.at("/worst_case/instances_not_placed").asInt()).as("every instance compute1..4 run")
                .isEqualTo(12);
    }
}
