package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.nova.Compute;
import org.instanceha.recovery.evacuation.EvacuateInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole recoveries: a monitor's report through the real v1 controller, the workflow on the job
 * executor, Nova simulated over HTTP. On H2 and, in the second pass, on PostgreSQL.
 */
class HostFailureRecoveryIT extends RecoveryScenarioSupport {

    @Autowired
    Compute compute;
    @Autowired
    EvacuateInstance evacuateInstance;

    @Test
    void autoEvacuatesEveryInstanceOfTheFailedHostAndFencesIt() {
        segment("auto", true);

        String notification = hostFails("compute4");
        JsonNode done = awaitEnd(notification);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(done.get("message").asText()).isEqualTo("3 of 3 instance(s) evacuated.");
        List<JsonNode> moves = vmoves(notification);
        assertThat(moves).hasSize(3).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("succeeded");
            assertThat(m.get("type").asText()).isEqualTo("evacuation");
            assertThat(m.get("source_host").asText()).isEqualTo("compute4");
            assertThat(m.get("dest_host").asText()).isIn("compute1", "compute2", "compute3");
            assertThat(m.get("start_time").isNull()).isFalse();
            assertThat(m.get("end_time").isNull()).isFalse();
            assertThat(cloud.evacuationsAccepted(m.get("instance_uuid").asText())).isEqualTo(1);
        });
        for (String vm : List.of("vm10", "vm11", "vm12")) {
            assertThat(serverHost(vm)).isNotEqualTo("compute4");
        }
        var service = compute.computeService("compute4").orElseThrow();
        assertThat(service.forcedDown()).isTrue();
        assertThat(service.enabled()).isFalse();
        assertThat(jdbc.sql("SELECT on_maintenance FROM hosts WHERE name = 'compute4' AND deleted = 0")
                .query(Boolean.class).single()).isTrue();
        assertThat(done.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                .contains("Register notification", "Force down compute service", "Disable compute service",
                        "Identify protected instances", "Plan targets (auto)", "Evacuate instance",
                        "Record VM move succeeded", "Conclude notification");
    }

    @Test
    void aFinishedRecoveryShowsEveryTaskInAFinalStateWithAMessagePerInstance() {
        segment("auto", true);

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        List<JsonNode> tasks = new java.util.ArrayList<>();
        done.get("recovery_workflow_details").forEach(tasks::add);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(9).allSatisfy(t -> {
            assertThat(t.get("state").asText()).as(t.toString()).isIn("SUCCESS", "SKIPPED", "ERROR");
            assertThat(t.get("progress").asDouble()).as(t.toString()).isEqualTo(1.0);
        });
        assertThat(tasks).extracting(t -> t.get("state").asText()).containsOnly("SUCCESS");
        JsonNode evacuate = tasks.stream().filter(t -> t.get("name").asText().equals("Evacuate instance")).findFirst()
                .orElseThrow();
        List<String> messages = new java.util.ArrayList<>();
        evacuate.get("progress_details").forEach(d -> messages.add(d.get("message").asText()));
        assertThat(messages).hasSize(3).allSatisfy(m -> assertThat(m).startsWith("Nova accepted the evacuation of"));
        assertThat(String.join(" ", messages)).contains("vm10", "vm11", "vm12");
        assertThat(tasks).extracting(t -> t.get("name").asText()).doesNotHaveDuplicates()
                .doesNotContain("Recover each instance");
    }

    @Test
    void aStoppedInstanceEndsStoppedAndAnInstanceInErrorEndsInError() {
        String segment = segment("auto", true);
        cloud.addComputeHost("big1", 64, 65536);
        addHost(segment, "big1", false, 0);

        JsonNode fromCompute4 = awaitEnd(hostFails("compute4"));
        JsonNode fromCompute3 = awaitEnd(hostFails("compute3"));

        assertThat(fromCompute4.get("status").asText()).isEqualTo("finished");
        assertThat(fromCompute3.get("status").asText()).as(fromCompute3.toString()).isEqualTo("finished");
        assertThat(serverHost("vm12")).isNotEqualTo("compute4");
        assertThat(vmState("vm12")).isEqualTo("stopped");
        assertThat(serverHost("vm9")).isNotEqualTo("compute3");
        assertThat(vmState("vm9")).isEqualTo("error");
        assertThat(vmState("vm10")).isEqualTo("active");
        assertThat(cloud.serverNamed("vm9").orElseThrow()).satisfies(s -> assertThat(
                compute.server(s.id()).orElseThrow().locked()).isFalse());
    }

    @Test
    void reservedHostTakesTheSpareHostIntoUse() {
        segment("reserved_host", true);

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(List.of("vm10", "vm11", "vm12")).allSatisfy(vm -> assertThat(serverHost(vm)).isEqualTo("compute5"));
        assertThat(compute.computeService("compute5").orElseThrow().enabled()).isTrue();
        assertThat(jdbc.sql("SELECT reserved FROM hosts WHERE name = 'compute5' AND deleted = 0")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void autoPriorityPrefersTheHostOfHighestPriority() {
        String segment = segment("auto_priority", true);
        jdbc.sql("UPDATE hosts SET priority = 10 WHERE name = 'compute1'").update();

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(List.of("vm10", "vm11", "vm12")).allSatisfy(vm -> assertThat(serverHost(vm)).isEqualTo("compute1"));
        assertThat(segment).isNotBlank();
    }

    @Test
    void rhPriorityFillsTheReservedHostThenFallsBackToAuto() {
        segment("rh_priority", true);
        for (int i = 1; i <= 3; i++) {
            cloud.addServer("big" + i, "compute4", "3", "demo", Map.of("HA_Enabled", "True"));
        }

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        List<String> destinations = vmoves(done.get("notification_uuid").asText()).stream()
                .map(m -> m.get("dest_host").asText()).toList();
        assertThat(destinations).hasSize(6).contains("compute5");
        assertThat(destinations.stream().filter(d -> !d.equals("compute5"))).isNotEmpty();
    }

    @Test
    void autoSpreadsWhatFitsAndFailsTheRestWithAClearMessage() {
        segment("auto", true);
        for (int i = 1; i <= 12; i++) {
            cloud.addServer("medium" + i, "compute4", "3", "demo", Map.of());
        }

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("error");
        String uuid = done.get("notification_uuid").asText();
        List<JsonNode> moves = vmoves(uuid);
        List<JsonNode> succeeded = moves.stream().filter(m -> m.get("status").asText().equals("succeeded")).toList();
        List<JsonNode> failed = moves.stream().filter(m -> m.get("status").asText().equals("failed")).toList();
        long instances = moves.stream().map(m -> m.get("instance_uuid").asText()).distinct().count();
        assertThat(instances).isEqualTo(15);
        assertThat(failed).as("each instance that fits nowhere: the first attempt and its retry")
                .hasSize(2 * (15 - succeeded.size()))
                .allSatisfy(m -> assertThat(m.get("message").asText()).containsAnyOf("No host has room for",
                        "Retry: No host has room for"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmoves WHERE notification_uuid = :n AND operator_task_id IS NOT NULL")
                .param("n", uuid).query(Long.class).single()).as("each waits for an operator")
                .isEqualTo(15L - succeeded.size());
        assertThat(succeeded.stream().map(m -> m.get("dest_host").asText()).distinct()).hasSizeGreaterThan(1);
        assertThat(done.get("message").asText()).contains("handed to the operators (group ha-operators)");
        for (var host : compute.hypervisors().stream().filter(h -> !h.host().equals("compute4")).toList()) {
            assertThat(host.vcpusUsed()).as(host.host()).isLessThanOrEqualTo(host.vcpus());
            assertThat(host.memoryMbUsed()).as(host.host()).isLessThanOrEqualTo(host.memoryMb());
        }
    }

    @Test
    void evacuationsNovaEndsInErrorAreRecordedAsFailedWithNovasFault() {
        segment("auto", true);
        cloud.setEvacuationFailureRate(1.0);

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("error");
        assertThat(vmoves(done.get("notification_uuid").asText())).as("3 instances, each retried once")
                .hasSize(6).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("failed");
            assertThat(m.get("message").asText()).startsWith("Nova could not evacuate")
                    .contains("Simulated evacuation failure");
            assertThat(m.get("dest_host").isNull()).isTrue();
        });
        assertThat(List.of("vm10", "vm11", "vm12")).allSatisfy(vm -> {
            assertThat(serverHost(vm)).isEqualTo("compute4");
            assertThat(compute.server(cloud.serverNamed(vm).orElseThrow().id()).orElseThrow().locked()).isFalse();
        });
        assertThat(done.get("recovery_workflow_details")).hasSizeGreaterThanOrEqualTo(8).allSatisfy(t ->
                assertThat(t.get("state").asText()).as(t.toString()).isIn("SUCCESS", "SKIPPED", "ERROR"));
        assertThat(done.get("recovery_workflow_details")).filteredOn(t -> t.get("name").asText()
                .equals("Record VM move failed")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("state").asText()).isEqualTo("ERROR"));
    }

    @Test
    void aHostWithoutInstancesFinishesAtOnce() {
        String segment = segment("auto", true);
        novaHasComputeHosts("empty1");
        addHost(segment, "empty1", false, 0);

        JsonNode done = awaitEnd(hostFails("empty1"));

        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(vmoves(done.get("notification_uuid").asText())).isEmpty();
    }

    @Test
    void aDisabledSegmentIgnoresTheFailureWithAMessage() {
        segment("auto", false);

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).isEqualTo("ignored");
        assertThat(done.get("message").asText()).contains("is disabled");
        assertThat(serverHost("vm10")).isEqualTo("compute4");
        assertThat(cloud.evacuationsAccepted()).isZero();
    }

    @Test
    void anUnconfirmedFencingIsIgnored() {
        segment("auto", true);
        cloud.failHost("compute4");

        Response r = report("compute4", "STOPPED", "UNKNOWN");
        JsonNode done = awaitEnd(r.json().at("/notification/notification_uuid").asText());

        assertThat(done.get("status").asText()).isEqualTo("ignored");
        assertThat(done.get("message").asText()).contains("host_status UNKNOWN");
        assertThat(cloud.evacuationsAccepted()).isZero();
        assertThat(compute.computeService("compute4").orElseThrow().forcedDown()).isFalse();
    }

    @Test
    void aStartedHostFinishesWithoutDoingAnything() {
        segment("auto", true);

        Response r = report("compute4", "STARTED", "NORMAL");
        JsonNode done = awaitEnd(r.json().at("/notification/notification_uuid").asText());

        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("message").asText()).isEqualTo("Host compute4 reported STARTED: nothing to do.");
        assertThat(cloud.evacuationsAccepted()).isZero();
    }

    @Test
    void aBurstOfNovaServerErrorsIsRetriedAndTheRecoveryStillFinishes() {
        segment("auto", true);
        cloud.failHost("compute4");
        cloud.failNextRequests(3, 503);

        Response r = report("compute4", "STOPPED", "NORMAL");
        JsonNode done = awaitEnd(r.json().at("/notification/notification_uuid").asText());

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(vmoves(done.get("notification_uuid").asText())).hasSize(3)
                .allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("succeeded"));
    }

    @Test
    void aNovaOutageLongerThanTheRetriesBecomesAnIncidentAndARetryFinishesTheRecovery() {
        segment("auto", true);
        cloud.failHost("compute4");
        cloud.failNextRequests(Integer.MAX_VALUE, 503);

        Response r = report("compute4", "STOPPED", "NORMAL");
        String notification = r.json().at("/notification/notification_uuid").asText();
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification)
                .singleResult().getId();
        var incident = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                runtimeService.createIncidentQuery().processInstanceId(instance).singleResult(),
                java.util.Objects::nonNull);

        assertThat(incident.getActivityId()).isEqualTo("ForceDownComputeService");
        assertThat(incident.getIncidentMessage()).contains("503");
        assertThat(api.get("/v1/notifications/" + notification).send().json().at("/notification/status").asText())
                .isEqualTo("running");

        // Nova is back; the operator retries the failed job, as Cockpit's "Retry" does.
        cloud.failNextRequests(0, 503);
        Response retried = api.put("/engine-rest/job/" + incident.getConfiguration() + "/retries",
                "{\"retries\": 1}").send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(204);

        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(vmoves(notification)).hasSize(3)
                .allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("succeeded"));
    }

    @Test
    void evacuatingTwiceNeverAsksNovaTwice() {
        segment("auto", true);
        cloud.setEvacuationTime(Duration.ofSeconds(4));
        String notification = hostFails("compute4");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                cloud.evacuationsAccepted() == 3);
        List<String> moves = vmoves(notification).stream().map(m -> m.get("id").asText()).toList();
        List<String> vmoveUuids = jdbc.sql("SELECT uuid FROM vmoves WHERE notification_uuid = :n")
                .param("n", notification).query(String.class).list();

        for (String move : vmoveUuids) {
            evacuateInstance.evacuate(move, TaskProgress.NONE);
        }
        JsonNode done = awaitEnd(notification);
        for (String move : vmoveUuids) {
            evacuateInstance.evacuate(move, TaskProgress.NONE);
        }

        assertThat(moves).hasSize(3);
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(cloud.evacuationsAccepted()).isEqualTo(3);
    }

    @Test
    void aRecoveryStartedThroughEngineRestEndsLikeOneReportedThroughV1() {
        segment("auto", true);
        cloud.failHost("compute4");

        String notification = startedThroughEngineRest("host-failure-recovery", "compute4", "COMPUTE_HOST",
                "{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\"}");
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(vmoves(notification)).hasSize(3)
                .allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("succeeded"));
    }

    @Test
    void anEngineRestStartForAnUnknownHostIsRejectedWithAReason() {
        segment("auto", true);

        Response started = api.post("/engine-rest/process-definition/key/host-failure-recovery/start", """
                {"variables": {
                  "hostname": {"value": "compute99", "type": "String"},
                  "type": {"value": "COMPUTE_HOST", "type": "String"},
                  "generatedTime": {"value": "2026-11-25T10:00:00", "type": "String"},
                  "payload": {"value": "{\\"event\\": \\"STOPPED\\", \\"host_status\\": \\"NORMAL\\"}", "type": "String"}}}""")
                .send();
        String instance = started.json().get("id").asText();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/engine-rest/history/process-instance/" + instance).send().json().path("state").asText()
                        .equals("COMPLETED"));
        Response reason = api.get("/engine-rest/history/variable-instance?processInstanceId=" + instance
                + "&variableName=rejectionReason").send();
        assertThat(reason.json().get(0).get("value").asText()).isEqualTo("Host with name compute99 could not be found.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications").query(Long.class).single()).isZero();
    }
}
