package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.nova.Compute;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PROCESS notifications through the v1 API and through engine-rest, against the simulator: what
 * masakari-monitors' process monitor sends when nova-compute dies, and the other cases of Masakari's rules.
 */
class ProcessFailureRecoveryIT extends RecoveryScenarioSupport {

    @Autowired
    Compute compute;

    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    /**
     * What masakari-monitors' process monitor posts (processmonitor/process_handler/handle_process.py,
     * {@code _make_event}: the host's {@code socket.gethostname()}, {@code timeutils.utcnow()} serialised
     * with microseconds and no zone, the last part of the process's path).
     */
    private Response processMonitorReports(String host, String event, String processName) {
        return api.post("/v1/notifications", """
                {"notification": {"type": "PROCESS", "hostname": "%s", "generated_time": "%s",
                 "payload": {"event": "%s", "process_name": "%s"}}}"""
                .formatted(host, LocalDateTime.now(ZoneOffset.UTC).withNano(123456000), event, processName)).send();
    }

    private String accepted(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().at("/notification/type").asText()).isEqualTo("PROCESS");
        return r.json().at("/notification/notification_uuid").asText();
    }

    private boolean onMaintenance(String host) {
        return jdbc.sql("SELECT on_maintenance FROM hosts WHERE name = :h AND deleted = 0").param("h", host)
                .query(Boolean.class).single();
    }

    @Test
    void aStoppedNovaComputeDisablesItsServiceAndPutsTheHostOnMaintenance() {
        segment("auto", true);
        String notification = accepted(processMonitorReports("compute2", "STOPPED", "nova-compute"));

        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(done.get("message").asText()).startsWith("Nova reports the nova-compute service of compute2 "
                + "disabled");
        var service = compute.computeService("compute2").orElseThrow();
        assertThat(service.enabled()).isFalse();
        assertThat(service.disabledReason()).isEqualTo("instance-ha: nova-compute stopped on compute2, notification "
                + notification);
        assertThat(onMaintenance("compute2")).isTrue();
        assertThat(done.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                .containsSubsequence("Register process failure", "Put host on maintenance", "Disable compute service",
                        "Check compute service disabled", "Finish notification");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmoves").query(Long.class).single()).as("nothing is evacuated")
                .isZero();
        assertThat(processMonitorReports("compute2", "STOPPED", "nova-compute").status())
                .as("a host on maintenance reports nothing more").isEqualTo(409);
    }

    @Test
    void aStartedProcessFinishesWithNothingDone() {
        segment("auto", true);
        JsonNode done = awaitEnd(accepted(processMonitorReports("compute2", "STARTED", "nova-compute")));
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("message").asText()).isEqualTo("Process nova-compute on compute2 reported STARTED: "
                + "nothing to do.");
        assertThat(onMaintenance("compute2")).isFalse();
        assertThat(compute.computeService("compute2").orElseThrow().enabled()).isTrue();
    }

    @Test
    void anotherStoppedProcessOnlyPutsTheHostOnMaintenance() {
        segment("auto", true);
        JsonNode done = awaitEnd(accepted(processMonitorReports("compute2", "STOPPED", "libvirtd")));
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("message").asText()).contains("nothing else is needed for a process other than "
                + "nova-compute");
        assertThat(onMaintenance("compute2")).isTrue();
        assertThat(compute.computeService("compute2").orElseThrow().enabled()).isTrue();
    }

    @Test
    void aDisabledSegmentIgnoresTheStop() {
        segment("auto", false);
        JsonNode done = awaitEnd(accepted(processMonitorReports("compute2", "STOPPED", "nova-compute")));
        assertThat(done.get("status").asText()).isEqualTo("ignored");
        assertThat(done.get("message").asText()).startsWith("Failover segment seg-auto is disabled");
        assertThat(onMaintenance("compute2")).isFalse();
        assertThat(compute.computeService("compute2").orElseThrow().enabled()).isTrue();
    }

    @Test
    void aRecoveryStartedThroughEngineRestEndsLikeOneReportedThroughV1() {
        segment("auto", true);
        String notification = startedThroughEngineRest("process-failure-recovery", "compute3", "PROCESS",
                "{\"event\": \"STOPPED\", \"process_name\": \"nova-compute\"}");
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("type").asText()).isEqualTo("PROCESS");
        assertThat(compute.computeService("compute3").orElseThrow().enabled()).isFalse();
        assertThat(onMaintenance("compute3")).isTrue();
    }

    @Test
    void anEngineRestStartOfTheWrongTypeIsRejectedWithAReason() {
        segment("auto", true);
        Response started = api.post("/engine-rest/process-definition/key/process-failure-recovery/start", """
                {"variables": {
                  "hostname": {"value": "compute3", "type": "String"},
                  "type": {"value": "COMPUTE_HOST", "type": "String"},
                  "generatedTime": {"value": "%s", "type": "String"},
                  "payload": {"value": "{\\"event\\": \\"STOPPED\\", \\"host_status\\": \\"NORMAL\\"}",
                              "type": "String"}}}""".formatted(LocalDateTime.now(ZoneOffset.UTC))).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> historyService
                .createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(WorkflowNames.REJECTION_REASON).singleResult().getValue())
                .isEqualTo("The workflow 'process-failure-recovery' recovers PROCESS notifications, not COMPUTE_HOST.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications").query(Long.class).single()).isZero();
    }
}
