package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers of the recovery scenarios: a segment of simulator hosts, a monitor's report, waiting for the end.
 * Untagged: the scenarios that are about who may see a recovery run in the keystone pass too.
 */
abstract class RecoveryApiSupport extends ApiIntegrationTest {

    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    @Autowired
    org.instanceha.simulator.SimulatedBmcs bmcs;

    String redfish(String host, String password) {
        return """
                {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "%s",
                 "systems_uri": "%s", "ca_certificate": "%s"}""".formatted(bmcs.port(), password,
                org.instanceha.simulator.SimulatedBmcs.systemsUri(host), bmcs.certificate().toAbsolutePath());
    }

    /** Segment "auto" with compute1..3 without BMC and compute4 with these control attributes. */
    void segmentWithCompute4(String controlAttributes) {
        Response created = api.post("/v1/segments", """
                {"segment": {"name": "seg", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String segment = created.json().at("/segment/uuid").asText();
        for (String host : List.of("compute1", "compute2", "compute3")) {
            addHost(segment, host, false, 0);
        }
        novaHasComputeHosts("compute4");
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.putObject("host").put("name", "compute4").put("type", "COMPUTE")
                .put("control_attributes", controlAttributes);
        Response host = api.post("/v1/segments/" + segment + "/hosts", body.toString()).send();
        assertThat(host.status()).as(host.toString()).isEqualTo(201);
    }

    /** compute4 hangs (no heartbeat, its power stays on) and its monitor reports it with this host_status. */
    String compute4Hangs(String hostStatus) {
        cloud.failHost("compute4");
        Response r = report("compute4", "STOPPED", hostStatus);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().at("/notification/notification_uuid").asText();
    }

    static final List<String> FINAL = org.instanceha.notification.NotificationStatus.finalWireNames();

    /** A segment with the given method and hosts compute1..4, plus compute5 as a reserved host. */
    String segment(String method, boolean enabled) {
        Response created = api.post("/v1/segments", """
                {"segment": {"name": "seg-%s", "recovery_method": "%s", "service_type": "COMPUTE", "enabled": %s}}"""
                .formatted(method, method, enabled)).version("1.2").send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uuid = created.json().at("/segment/uuid").asText();
        for (String host : List.of("compute1", "compute2", "compute3", "compute4")) {
            addHost(uuid, host, false, 0);
        }
        addHost(uuid, "compute5", true, 0);
        return uuid;
    }

    void addHost(String segment, String name, boolean reserved, int priority) {
        novaHasComputeHosts(name);
        Response r = api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": "SSH", "reserved": %s, "priority": %d}}"""
                .formatted(name, reserved, priority)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** What a masakari host monitor sends when a host dies (or comes back). */
    Response report(String host, String event, String hostStatus) {
        String status = hostStatus == null ? "" : ", \"host_status\": \"" + hostStatus + "\"";
        return api.post("/v1/notifications", """
                {"notification": {"type": "COMPUTE_HOST", "hostname": "%s", "generated_time": "%s",
                 "payload": {"event": "%s"%s, "cluster_status": "OFFLINE"}}}"""
                .formatted(host, LocalDateTime.now(ZoneOffset.UTC), event, status)).send();
    }

    /**
     * compute4 fails with "big" (2 vCPU, 4096 MB) on it, and no healthy non-reserved host has 4096 MB
     * free: big fits nowhere, its automatic retry neither, and it waits for an operator. Returns the
     * notification once the engine has done all it can.
     */
    String bigInstanceFitsNowhere() {
        segment("auto", true);
        cloud.addServer("filler1", "compute1", "2", "demo", java.util.Map.of());
        cloud.addServer("filler3", "compute3", "2", "demo", java.util.Map.of());
        cloud.addServer("big", "compute4", "3", "demo", java.util.Map.of("HA_Enabled", "True"));
        String notification = hostFails("compute4");
        awaitEnd(notification);
        return notification;
    }

    /** The host dies in the simulator and its monitor reports it; returns the notification uuid. */
    String hostFails(String host) {
        cloud.failHost(host);
        Response r = report(host, "STOPPED", "NORMAL");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().at("/notification/status").asText()).isEqualTo("new");
        return r.json().at("/notification/notification_uuid").asText();
    }

    JsonNode awaitEnd(String notification, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> FINAL.contains(
                    api.get("/v1/notifications/" + notification).send().json().at("/notification/status").asText())
                    && engineIsDoneWith(notification));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("notification " + notification + " did not end within " + atMost + ": "
                    + describeRecovery(notification), e);
        }
        return api.get("/v1/notifications/" + notification).version("1.1").send().json().get("notification");
    }

    /**
     * The engine has done all it can for the notification: its workflow ended, or waits for operators
     * only (no job left). A notification is error as soon as one instance waits for an operator, while
     * others may still be evacuating.
     */
    boolean engineIsDoneWith(String notification) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification).list().stream()
                .allMatch(p -> managementService.createJobQuery().processInstanceId(p.getId()).count() == 0);
    }

    JsonNode awaitEnd(String notification) {
        return awaitEnd(notification, Duration.ofSeconds(60));
    }

    /** What the engine knows of a recovery that did not end: its notification, open activities, jobs, incidents. */
    String describeRecovery(String notification) {
        StringBuilder text = new StringBuilder("\n  notification: ").append(
                api.get("/v1/notifications/" + notification).version("1.1").send().json());
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification).list().forEach(p -> {
            text.append("\n  process instance ").append(p.getId()).append(" at ")
                    .append(runtimeService.getActiveActivityIds(p.getId()));
            managementService.createJobQuery().processInstanceId(p.getId()).list().forEach(j -> text
                    .append("\n  job ").append(j.getId()).append(" retries ").append(j.getRetries()).append(": ")
                    .append(j.getExceptionMessage()));
            runtimeService.createIncidentQuery().processInstanceId(p.getId()).list().forEach(i -> text
                    .append("\n  incident ").append(i.getActivityId()).append(": ").append(i.getIncidentMessage()));
        });
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(notification).list()
                .forEach(h -> text.append("\n  history: ").append(h.getId()).append(" state ").append(h.getState())
                        .append(" end ").append(h.getEndActivityId()));
        return text.toString();
    }

    List<JsonNode> vmoves(String notification) {
        Response r = api.get("/v1/notifications/" + notification + "/vmoves").version("1.3").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> moves = new ArrayList<>();
        r.json().get("vmoves").forEach(moves::add);
        return moves;
    }

    String serverHost(String name) {
        return cloud.serverNamed(name).orElseThrow().host();
    }

    String vmState(String name) {
        return cloud.serverNamed(name).orElseThrow().vmState();
    }

    /** A Camunda Form as Tasklist gets it: its field keys, the choices of its radios, the variables its text shows. */
    record DeployedForm(String id, java.util.Set<String> keys, java.util.Set<String> choices,
                        java.util.Set<String> shown) {
    }

    DeployedForm deployedForm(String taskId) {
        Response deployed = api.get("/engine-rest/task/" + taskId + "/deployed-form").send();
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        java.util.Set<String> keys = new java.util.TreeSet<>();
        java.util.Set<String> shown = new java.util.TreeSet<>();
        java.util.Set<String> choices = new java.util.TreeSet<>();
        deployed.json().get("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.get("key").asText());
            }
            if (c.has("values")) {
                c.get("values").forEach(v -> choices.add(v.get("value").asText()));
            }
            if (c.has("text")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}")
                        .matcher(c.get("text").asText());
                while (m.find()) {
                    shown.add(m.group(1));
                }
            }
        });
        return new DeployedForm(deployed.json().get("id").asText(), keys, choices, shown);
    }

    /** The variables a task's form sees. */
    java.util.Map<String, JsonNode> formVariables(String taskId) {
        Response r = api.get("/engine-rest/task/" + taskId + "/form-variables").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        java.util.Map<String, JsonNode> variables = new java.util.TreeMap<>();
        r.json().fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        return variables;
    }

    /**
     * Starts a workflow through engine-rest with the variables a REST caller gives (no notification yet);
     * returns the notification its first task registered.
     */
    String startedThroughEngineRest(String processKey, String hostname, String type, String payloadJson) {
        com.fasterxml.jackson.databind.node.ObjectNode variables = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        java.util.Map.of("hostname", hostname, "type", type, "payload", payloadJson, "generatedTime",
                        LocalDateTime.now(ZoneOffset.UTC).toString())
                .forEach((name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
        Response started = api.post("/engine-rest/process-definition/key/" + processKey + "/start",
                "{\"variables\": " + variables + "}").send();
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
