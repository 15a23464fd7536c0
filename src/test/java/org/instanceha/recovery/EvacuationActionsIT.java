package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evacuation classes and actions end to end on the simulator: the segment's policy and the instances' metadata
 * decide which instance of a failed host is evacuated, left stopped, skipped, or asked about first; the plan shows
 * the same.
 */
class EvacuationActionsIT extends RecoveryScenarioSupport {

    @AfterEach
    void novaAsTheTestBeds() {
        cloud.setNovaMaxMicroversion(93);
    }

    private Response policy(String segment, String body) {
        return api.put("/v1/segments/" + segment + "/policy", body).send();
    }

    /** The open "Rebuild ...?" tasks of the notification, by instance name, once {@code count} are open. */
    private Map<String, String> rebuildTasks(String notification, int count) {
        Map<String, String> byName = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode tasks = api.get("/engine-rest/task?taskDefinitionKey=AskBeforeRebuild&processInstanceBusinessKey="
                    + notification).send().json();
            assertThat(tasks).hasSize(count);
            tasks.forEach(t -> byName.put(t.get("name").asText().replaceAll("^Rebuild (.*)\\?$", "$1"),
                    t.get("id").asText()));
        });
        return byName;
    }

    private Response answer(String taskId, String decision, String comment) {
        return api.post("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"operatorDecision": {"value": "%s"}, "operatorComment": {"value": %s}}}"""
                .formatted(decision, comment == null ? "null" : "\"" + comment + "\"")).send();
    }

    private Map<String, Object> move(String notification, String instance) {
        return jdbc.sql("""
                SELECT status, evacuation_class, evacuation_action, message, decided_by FROM vmoves
                WHERE notification_uuid = :n AND instance_name = :i ORDER BY attempt DESC""")
                .param("n", notification).param("i", instance).query().listOfRows().get(0);
    }

    @Test
    void eachInstanceIsRecoveredAsItsClassAndThePolicySay() {
        String segment = segment("auto", true);
        Response set = policy(segment, """
                {"policy": {"instance_storage": "local", "service_instance_names": ["amphora-*"],
                            "evacuation_actions": {"service_owned": "skip"}}}""");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        String tpm = cloud.addServer("tpm-1", "compute4", "5", "demo", Map.of()).id();
        String amphora = cloud.addServer("amphora-1", "compute4", "1", "demo", Map.of()).id();
        String local = cloud.addServer("eph-1", "compute4", "4", "demo", Map.of()).id();
        cloud.addServer("vol-1", "compute4", "1", "demo", Map.of()).bootedFromVolume();
        cloud.addServer("forced-1", "compute4", "1", "demo", Map.of("instanceha:action", "evacuate"));

        Map<String, String> planned = new HashMap<>();
        api.get("/v1/segments/" + segment + "/recovery-plan").send().json().at("/recovery_plan/hosts")
                .forEach(h -> h.get("instances").forEach(i -> planned.put(i.get("name").asText(),
                        i.get("evacuation_class").asText() + " " + i.get("action").asText() + " "
                                + i.get("target_host").asText())));
        assertThat(planned).containsEntry("tpm-1", "not_evacuable skip null")
                .containsEntry("amphora-1", "service_owned skip null");
        assertThat(planned.get("eph-1")).startsWith("local_ephemeral ask compute");
        assertThat(planned.get("vol-1")).startsWith("volume_backed evacuate compute");
        assertThat(planned.get("forced-1")).startsWith("local_ephemeral evacuate compute");
        assertThat(planned.get("vm10")).as("booted from an image, on local storage").startsWith("local_ephemeral ask");

        String notification = hostFails("compute4");
        // vm10, vm11, vm12 (from their images, like eph-1) and eph-1 wait for an operator; nothing was done to them.
        Map<String, String> asked = rebuildTasks(notification, 4);
        assertThat(asked).containsOnlyKeys("eph-1", "vm10", "vm11", "vm12");
        assertThat(cloud.serverNamed("eph-1").orElseThrow().host()).isEqualTo("compute4");
        assertThat(cloud.evacuationsAccepted(local)).isZero();
        assertThat(formVariables(asked.get("eph-1")).get("evacuationReason").get("value").asText())
                .contains("local ephemeral disks, rebuilt empty from its image");

        Response noReason = answer(asked.get("eph-1"), "skip", null);
        assertThat(noReason.status()).as("skipping needs a reason").isEqualTo(400);
        assertThat(noReason.text()).contains("Say in the comment why the instance is not rebuilt.");
        assertThat(answer(asked.get("eph-1"), "skip", "its scratch data is needed").status()).isEqualTo(204);
        for (String name : List.of("vm10", "vm11", "vm12")) {
            assertThat(answer(asked.get(name), "rebuild", null).status()).isEqualTo(204);
        }
        JsonNode done = awaitEnd(notification);

        assertThat(done.get("status").asText()).as(describeRecovery(notification)).isEqualTo("finished");
        assertThat(done.get("message").asText()).isEqualTo("5 of 8 instance(s) evacuated, 3 skipped.");
        for (String id : List.of(tpm, amphora, local)) {
            assertThat(cloud.evacuationsAccepted(id)).as("never evacuated").isZero();
        }
        assertThat(serverHost("tpm-1")).isEqualTo("compute4");
        assertThat(move(notification, "tpm-1")).containsEntry("status", "ignored")
                .containsEntry("evacuation_class", "not_evacuable").containsEntry("evacuation_action", "skip")
                .containsEntry("message", "Skipped by the segment's policy: not evacuable by Nova (a vTPM).");
        assertThat(move(notification, "amphora-1")).containsEntry("status", "ignored")
                .containsEntry("evacuation_class", "service_owned");
        Map<String, Object> skipped = move(notification, "eph-1");
        assertThat(skipped).containsEntry("status", "ignored").containsEntry("decided_by", "admin");
        assertThat((String) skipped.get("message")).contains("its scratch data is needed");
        for (String name : List.of("vol-1", "forced-1", "vm10", "vm11", "vm12")) {
            assertThat(move(notification, name)).as(name).containsEntry("status", "succeeded");
            assertThat(serverHost(name)).as(name).isNotEqualTo("compute4");
        }
        assertThat(vmState("vm12")).as("stopped before, stopped again").isEqualTo("stopped");
        assertThat(move(notification, "vol-1")).containsEntry("evacuation_class", "volume_backed");
    }

    @Test
    void anEarlierTierWaitingForAnOperatorDoesNotHoldTheLaterTiersBack() {
        segment("auto", true);
        cloud.addServer("db-1", "compute4", "1", "demo", Map.of("instanceha:priority", "1",
                "instanceha:action", "ask"));

        String notification = hostFails("compute4");
        Map<String, String> asked = rebuildTasks(notification, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String later : List.of("vm10", "vm11", "vm12")) {
                assertThat(move(notification, later)).as(later).containsEntry("status", "succeeded");
            }
        });
        assertThat(serverHost("db-1")).as("untouched while the operator decides").isEqualTo("compute4");
        assertThat(answer(asked.get("db-1"), "rebuild", null).status()).isEqualTo(204);
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(describeRecovery(notification)).isEqualTo("finished");
        assertThat(serverHost("db-1")).isNotEqualTo("compute4");
    }

    @Test
    void anInstanceWhoseActionIsEvacuateStoppedArrivesStopped() {
        cloud.setNovaMaxMicroversion(95);
        segment("auto", true);
        cloud.addServer("cold-1", "compute4", "1", "demo", Map.of("instanceha:action", "evacuate_stopped"));

        String notification = hostFails("compute4");
        JsonNode done = awaitEnd(notification);

        assertThat(done.get("status").asText()).as(describeRecovery(notification)).isEqualTo("finished");
        assertThat(serverHost("cold-1")).isNotEqualTo("compute4");
        assertThat(vmState("cold-1")).as("left stopped on its new host").isEqualTo("stopped");
        assertThat(vmState("vm10")).as("evacuated as it was").isEqualTo("active");
        assertThat(move(notification, "cold-1")).containsEntry("evacuation_action", "evacuate_stopped");
    }

    @Test
    void aNovaWithoutMicroversion295RefusesEvacuateStoppedAndTheOperatorIsToldWhy() {
        segment("auto", true);
        cloud.addServer("cold-1", "compute4", "1", "demo", Map.of("instanceha:action", "evacuate_stopped"));

        String notification = hostFails("compute4");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get(
                "/engine-rest/task?taskDefinitionKey=RecoverByHand&processInstanceBusinessKey=" + notification)
                .send().json()).hasSize(1));
        assertThat((String) move(notification, "cold-1").get("message"))
                .contains("needs Nova's microversion 2.95").contains("maximum is 2.93");
        assertThat(serverHost("cold-1")).isEqualTo("compute4");
        assertThat(serverHost("vm10")).isNotEqualTo("compute4");
    }
}
