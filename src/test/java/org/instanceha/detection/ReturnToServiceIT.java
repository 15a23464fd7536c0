package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.recovery.WorkflowNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A host recovered after a power loss comes back by itself once the host monitor sees it healthy again: the
 * segment's policy ({@code auto}, {@code ask}, {@code never}) and each gate of "Return host to service" against
 * the simulated cloud, whose nova-compute deletes its old copies of evacuated servers as it starts (as Nova's
 * does). Test profile: 2 healthy cycles, gates looked at every 200 ms, a heartbeat older than 2 s is a new failure.
 */
@org.junit.jupiter.api.Tag("workflow")
class ReturnToServiceIT extends DetectionSupport {

    @Autowired
    Compute compute;
    @Autowired
    TaskService tasks;

    @Test
    void aRecoveredHostReturnsToServiceByItselfAndIsWatchedAndRecoveredAgain() throws Exception {
        String segment = recoveredCompute4();
        double returnedBefore = metric("instanceha_host_returns_total{outcome=\"returned\"}");
        double timedBefore = metric("instanceha_host_return_seconds_count");

        cloud.setPower("compute4", true);
        cyclesUntil(() -> "returned".equals(returnStatus()));

        await().atMost(Duration.ofSeconds(10)).until(() -> !onMaintenance());
        ComputeServiceInfo service = compute.computeService("compute4").orElseThrow();
        assertThat(service.forcedDown()).isFalse();
        assertThat(service.enabled()).isTrue();
        assertThat(progress()).contains("No evacuation off compute4 is in progress in Nova.",
                "nova-compute on compute4 deleted its copies of the instances evacuated off it.",
                "No other recovery runs in segment watched.",
                "compute4 is back in service: off maintenance, watched by the host monitor again.");
        assertThat(jdbc.sql("SELECT back_at < returned_at FROM host_returns").query(Boolean.class).single()).isTrue();
        assertThat(metric("instanceha_host_returns_total{outcome=\"returned\"}")).isEqualTo(returnedBefore + 1);
        assertThat(metric("instanceha_host_return_seconds_count")).isEqualTo(timedBefore + 1);

        // Back in service, it is watched again: a new instance on it is recovered when it fails again, however soon
        // after its first failure (not a duplicate of that report).
        cloud.addServer("newcomer", "compute4", "1", "demo", Map.of("HA_Enabled", "True"));
        monitor.cycle();
        cloud.setPower("compute4", false);
        cyclesUntil(() -> notifications().size() == 2);
        String newcomer = cloud.serverNamed("newcomer").orElseThrow().id();
        await().atMost(Duration.ofSeconds(60)).until(() -> cloud.evacuationsAccepted(newcomer) == 1);
        assertThat(segment).isNotBlank();
    }

    @Test
    void neverLeavesTheHostOutAsMasakariDoesAndAskWaitsForAnOperatorWhoseKeepOutNeedsAComment() throws Exception {
        String segment = recoveredCompute4();
        policy(segment, "{\"policy\": {\"return_to_service\": \"never\"}}");

        cloud.setPower("compute4", true);
        cyclesFor(Duration.ofMillis(1200));

        assertThat(returnStatus()).isEqualTo("out");
        assertThat(jdbc.sql("SELECT message FROM host_returns").query(String.class).single())
                .contains("says return_to_service never");
        assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(WorkflowNames.RETURN_HOST_TO_SERVICE).count()).isZero();
        assertThat(onMaintenance()).isTrue();
        assertThat(compute.computeService("compute4").orElseThrow().forcedDown()).isTrue();

        // The operators change the policy to ask: the healthy host is put to them.
        policy(segment, "{\"policy\": {\"return_to_service\": \"ask\"}}");
        cyclesUntil(() -> openTask() != null);

        Task task = openTask();
        assertThat(task.getName()).isEqualTo("Return compute4 to service?");
        assertThat(task.getProcessInstanceId()).isNotNull();
        var refused = api.post("/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"operatorDecision": {"value": "keep_out"}}}""").send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
                .endsWith("Say in the comment why the host stays out of service.");
        var kept = api.post("/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"operatorDecision": {"value": "keep_out"},
                               "operatorComment": {"value": "DIMM errors in the SEL"}}}""").send();
        assertThat(kept.status()).as(kept.toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> "kept_out".equals(returnStatus()));
        cyclesFor(Duration.ofSeconds(1));
        assertThat(onMaintenance()).isTrue();
        assertThat(compute.computeService("compute4").orElseThrow().forcedDown()).isTrue();
        assertThat(jdbc.sql("SELECT message FROM host_returns").query(String.class).single())
                .isEqualTo("admin keeps compute4 out of service: DIMM errors in the SEL");
        assertThat(openTask()).as("asked once").isNull();
    }

    @Test
    void anEvacuationOffTheHostStillInProgressKeepsItOutUntilNovaComputeSettlesIt() throws Exception {
        recoveredCompute4();
        cloud.setPower("compute4", true);
        // Evacuated after nova-compute started on compute4 (forced down, Nova accepts it), and still rebuilding.
        String straggler = cloud.addServer("straggler", "compute4", "1", "demo", Map.of()).id();
        cloud.setEvacuationTime(Duration.ofHours(1));
        cloud.evacuate(straggler, "compute2", false);

        cyclesUntil(() -> progress().stream().anyMatch(m -> m.startsWith("1 evacuation(s) off compute4 still in "
                + "progress in Nova (instance " + straggler + " to compute2 pre-migrating)")));
        cyclesFor(Duration.ofSeconds(1));
        assertThat(returnStatus()).isEqualTo("returning");
        assertThat(onMaintenance()).isTrue();
        assertThat(compute.computeService("compute4").orElseThrow().forcedDown()).isTrue();

        // nova-compute restarts on compute4: it deletes its copy and sets the record completed, as Nova's does.
        cloud.stopNovaCompute("compute4");
        cloud.startNovaCompute("compute4");
        cyclesUntil(() -> "returned".equals(returnStatus()));
    }

    @Test
    void anOldCopyLeftOnTheHostKeepsItOutUntilNovaComputeRestartsAndDeletesIt() throws Exception {
        recoveredCompute4();
        cloud.setPower("compute4", true);
        String straggler = cloud.addServer("straggler", "compute4", "1", "demo", Map.of()).id();
        cloud.setEvacuationTime(Duration.ofMillis(100));
        cloud.evacuate(straggler, "compute2", false);

        cyclesUntil(() -> progress().stream().anyMatch(m -> m.contains("still have their old copy there (instance "
                + straggler + " to compute2 done, evacuation 'done', not 'completed'): restart nova-compute on "
                + "compute4")));
        assertThat(returnStatus()).isEqualTo("returning");
        assertThat(onMaintenance()).isTrue();

        cloud.stopNovaCompute("compute4");
        cloud.startNovaCompute("compute4");
        cyclesUntil(() -> "returned".equals(returnStatus()));
        assertThat(onMaintenance()).isFalse();
    }

    @Test
    void anotherRecoveryRunningInTheSegmentKeepsTheHostOutUntilItEnds() throws Exception {
        recoveredCompute4();
        cloud.setEvacuationTime(Duration.ofHours(1));
        cloud.setPower("compute3", false);
        cyclesUntil(() -> notifications().size() == 2);

        cloud.setPower("compute4", true);
        cyclesUntil(() -> progress().contains("Segment watched is recovering compute3: compute4 returns once that"
                + " has ended."));
        cyclesFor(Duration.ofSeconds(1));
        assertThat(returnStatus()).isEqualTo("returning");
        assertThat(onMaintenance()).isTrue();
        assertThat(compute.computeService("compute4").orElseThrow().forcedDown()).isTrue();
    }

    /**
     * compute4 of segment "watched" (a BMC, no management address) loses its power, is reported once its heartbeat
     * is stale, and is recovered; returns the segment's uuid.
     */
    private String recoveredCompute4() throws Exception {
        watched(bmc("compute4", null));
        monitor.cycle();
        cloud.setPower("compute4", false);
        cyclesUntil(() -> !notifications().isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> "finished".equals(jdbc.sql(
                "SELECT status FROM notifications").query(String.class).single()));
        assertThat(onMaintenance()).isTrue();
        assertThat(returnStatus()).isEqualTo("out");
        cyclesFor(Duration.ofMillis(600));
        assertThat(returnStatus()).as("powered off: not healthy").isEqualTo("out");
        return jdbc.sql("SELECT uuid FROM segments WHERE name = 'watched'").query(String.class).single();
    }

    /** A sample's value on /actuator/prometheus (this context's meters, whatever tests ran in it before); 0 if none. */
    private double metric(String sample) {
        return api.get("/actuator/prometheus").send().text().lines().filter(l -> l.startsWith(sample + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(sample.length() + 1))).findFirst().orElse(0);
    }

    private void policy(String segment, String body) {
        assertThat(api.put("/v1/segments/" + segment + "/policy", body).send().status()).isEqualTo(200);
    }

    private String returnStatus() {
        return jdbc.sql("SELECT status FROM host_returns WHERE host_name = 'compute4' ORDER BY id DESC")
                .query(String.class).list().get(0);
    }

    private boolean onMaintenance() {
        return jdbc.sql("SELECT on_maintenance FROM hosts WHERE name = 'compute4' AND deleted = 0")
                .query(Boolean.class).single();
    }

    private List<String> progress() {
        return jdbc.sql("SELECT message FROM recovery_progress ORDER BY created_at").query(String.class).list();
    }

    private Task openTask() {
        return tasks.createTaskQuery().processDefinitionKey(WorkflowNames.RETURN_HOST_TO_SERVICE).singleResult();
    }
}
