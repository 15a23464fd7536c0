package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.fencing.IpmiSim;
import org.instanceha.simulator.SimulatedBmcs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fencing in whole recoveries: a monitor's report through the v1 API, the workflow on the job executor, the
 * host's BMC reached for real (the simulator's Redfish BMCs over HTTPS, OpenIPMI's ipmi_sim), Nova simulated
 * over HTTP. Nothing is evacuated before the BMC or an operator has confirmed the host is off.
 */
class FencingRecoveryIT extends RecoveryScenarioSupport {

    private static final String BMC_PASSWORD = "test-bmc-password";

    private LocalDateTime fencedAt(String notification) {
        return jdbc.sql("SELECT created_at FROM recovery_progress WHERE notification_uuid = ? AND task_name = "
                + "'Fence host' AND state = 'success'").param(notification).query(LocalDateTime.class).single();
    }

    private LocalDateTime firstEvacuationSent(String notification) {
        return jdbc.sql("SELECT MIN(start_time) FROM vmoves WHERE notification_uuid = ?").param(notification)
                .query(LocalDateTime.class).single();
    }

    private void allRecoveredElsewhere(String notification) {
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(vmoves(notification)).hasSize(3).allSatisfy(m ->
                assertThat(m.get("status").asText()).isEqualTo("succeeded"));
        for (String vm : List.of("vm10", "vm11", "vm12")) {
            assertThat(serverHost(vm)).isNotEqualTo("compute4");
        }
    }

    @Test
    void anUnknownReportForAHostWithARedfishBmcIsFencedBeforeTheFirstEvacuation() {
        segmentWithCompute4(redfish("compute4", BMC_PASSWORD));

        String notification = compute4Hangs("UNKNOWN");

        allRecoveredElsewhere(notification);
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("powered off by its BMC").isFalse();
        assertThat(fencedAt(notification)).isBefore(firstEvacuationSent(notification));
        JsonNode done = api.get("/v1/notifications/" + notification).version("1.1").send().json().get("notification");
        assertThat(done.toString()).contains("fenced: its BMC (redfish admin@127.0.0.1:" + bmcs.port()
                + ") answered Off").doesNotContain(BMC_PASSWORD);
    }

    @Test
    void aNormalReportForAHostWithABmcStillMakesSureItIsOff() {
        segmentWithCompute4(redfish("compute4", BMC_PASSWORD));

        String notification = compute4Hangs("NORMAL");

        allRecoveredElsewhere(notification);
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).isFalse();
        assertThat(fencedAt(notification)).isBefore(firstEvacuationSent(notification));
    }

    @Test
    void anUnknownReportForAHostWithAnIpmiBmcIsFencedThroughIpmiSim() throws Exception {
        try (IpmiSim sim = new IpmiSim(BMC_PASSWORD)) {
            segmentWithCompute4("""
                    {"protocol": "ipmi", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "%s"}"""
                    .formatted(sim.port(), BMC_PASSWORD));

            String notification = compute4Hangs("UNKNOWN");

            allRecoveredElsewhere(notification);
            assertThat(sim.poweredOn()).as("ipmi_sim's chassis").isFalse();
            LocalDateTime firstEvacuation = firstEvacuationSent(notification);
            double switchedOff = sim.lastPowerChange();
            assertThat(switchedOff).isPositive();
            assertThat(Timestamp.valueOf(firstEvacuation).getTime() / 1000.0).isGreaterThan(switchedOff);
        }
    }

    @Test
    void anUnknownReportForAHostWithoutABmcIsIgnoredAndSaysABmcWouldHaveHelped() {
        segmentWithCompute4("SSH");

        JsonNode done = awaitEnd(compute4Hangs("UNKNOWN"));

        assertThat(done.get("status").asText()).isEqualTo("ignored");
        assertThat(done.toString()).contains("With a BMC in the host's control_attributes");
        assertThat(cloud.evacuationsAccepted()).isZero();
    }

    /** compute4's BMC does not answer: after the attempts, the operators' task, and nothing evacuated. */
    private String waitingForAnOperator(String controlAttributes, String evidence) {
        segmentWithCompute4(controlAttributes);
        String notification = compute4Hangs("UNKNOWN");
        JsonNode task = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(
                "/engine-rest/task?processInstanceBusinessKey=" + notification).send().json(), t -> t.size() == 1).get(0);
        assertThat(task.get("name").asText()).isEqualTo("Confirm compute4 is powered off");
        DeployedForm form = deployedForm(task.get("id").asText());
        assertThat(form.id()).isEqualTo("confirm-host-powered-off");
        assertThat(form.choices()).containsExactlyInAnyOrder("confirmed_off", "retry_fencing", "give_up");
        var seen = formVariables(task.get("id").asText());
        assertThat(seen.keySet()).as("what the form shows was written").containsAll(form.shown());
        assertThat(seen.get("fencingEvidence").get("value").asText()).contains(evidence);
        assertThat(seen.get("novaServiceSummary").get("value").asText()).contains("last heartbeat");
        assertThat(seen.get("instancesWaiting").get("value").asText()).startsWith("3 instance(s)").contains("vm10");
        assertThat(seen.toString()).doesNotContain(BMC_PASSWORD);
        assertThat(cloud.evacuationsAccepted()).as("nothing evacuated before fencing is confirmed").isZero();
        return task.get("id").asText();
    }

    private static String silentRedfish() throws java.io.IOException {
        try (ServerSocket closed = new ServerSocket(0)) {
            return """
                    {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "%s",
                     "verify_tls": false}""".formatted(closed.getLocalPort(), BMC_PASSWORD);
        }
    }

    @Test
    void aBmcThatDoesNotAnswerGetsTheOperatorsTaskAndConfirmedOffRecovers() throws Exception {
        String task = waitingForAnOperator(silentRedfish(), "no answer");
        String notification = jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).single();

        Response noComment = api.post("/engine-rest/task/" + task + "/complete", """
                {"variables": {"operatorDecision": {"value": "confirmed_off"}}}""").send();
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("message").asText())
                .endsWith("Say in the comment how you made sure the host is powered off.");
        Response confirmed = api.post("/engine-rest/task/" + task + "/complete", """
                {"variables": {"operatorDecision": {"value": "confirmed_off"},
                 "operatorComment": {"value": "pulled the power cords"}}}""").send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

        allRecoveredElsewhere(notification);
        assertThat(jdbc.sql("SELECT message FROM recovery_progress WHERE task_name = 'Operator''s fencing decision'")
                .query(String.class).single()).endsWith("confirmed compute4 is powered off: pulled the power cords");
    }

    @Test
    void aBmcWhoseStoredSettingsCannotBeUsedGetsTheOperatorsTaskAtOnceAndNoIncident() {
        segmentWithCompute4(redfish("compute4", BMC_PASSWORD));
        // Stored past the API's checks (an older version's value): a systems_uri that is no URI path.
        jdbc.sql("UPDATE hosts SET control_attributes = :a WHERE name = 'compute4' AND deleted = 0").param("a", """
                {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "%s",
                 "systems_uri": "/redfish/v1/Systems/compute 4", "verify_tls": false}"""
                .formatted(bmcs.port(), BMC_PASSWORD)).update();

        String notification = compute4Hangs("UNKNOWN");

        JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(
                "/engine-rest/task?processInstanceBusinessKey=" + notification).send().json(), t -> t.size() == 1).get(0);
        assertThat(task.get("name").asText()).isEqualTo("Confirm compute4 is powered off");
        var seen = formVariables(task.get("id").asText());
        assertThat(seen.get("fencingEvidence").get("value").asText()).contains("cannot be used")
                .doesNotContain(BMC_PASSWORD);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_progress WHERE message LIKE '%attempt 2%'")
                .query(Long.class).single()).as("no second attempt: settings that cannot be used never do better")
                .isZero();
        assertThat(api.get("/engine-rest/incident").send().json()).as("no Cockpit incident").isEmpty();
        assertThat(cloud.evacuationsAccepted()).isZero();
    }

    @Test
    void wrongCredentialsSaySoInTheTaskAndGivingUpEndsInErrorWithNothingEvacuated() {
        String task = waitingForAnOperator(redfish("compute4", "Wrong-Bmc-Pa55"), "wrong credentials");
        String notification = jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).single();
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).isTrue();

        Response givenUp = api.post("/engine-rest/task/" + task + "/complete", """
                {"variables": {"operatorDecision": {"value": "give_up"},
                 "operatorComment": {"value": "BMC replaced, nobody on site"}}}""").send();
        assertThat(givenUp.status()).as(givenUp.toString()).isEqualTo(204);

        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).isEqualTo("error");
        assertThat(done.toString()).contains("gave up the recovery of compute4: BMC replaced, nobody on site")
                .doesNotContain("Wrong-Bmc-Pa55");
        assertThat(cloud.evacuationsAccepted()).isZero();
        assertThat(jdbc.sql("SELECT on_maintenance FROM hosts WHERE name = 'compute4' AND deleted = 0")
                .query(Boolean.class).single()).isTrue();
    }

    /**
     * The BMC's password through every door a fencing recovery opens: the v1 API (hosts, the notification and its
     * workflow details, VM moves), Camunda's history of every variable (what Cockpit shows), the incident's task
     * in engine-rest, and every log line of the run. The database holds it sealed only.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theBmcPasswordNeverShowsThroughAnyDoor(org.springframework.boot.test.system.CapturedOutput log) {
        segmentWithCompute4(redfish("compute4", BMC_PASSWORD));
        String notification = compute4Hangs("UNKNOWN");
        allRecoveredElsewhere(notification);
        String segment = jdbc.sql("SELECT uuid FROM segments").query(String.class).single();
        String host = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute4'").query(String.class).single();

        StringBuilder everything = new StringBuilder();
        for (String path : List.of("/v1/segments/" + segment + "/hosts", "/v1/segments/" + segment + "/hosts/" + host,
                "/v1/notifications/" + notification, "/v1/notifications/" + notification + "/vmoves",
                "/engine-rest/history/variable-instance?maxResults=1000",
                "/engine-rest/history/detail?maxResults=5000")) {
            Response r = api.get(path).version("1.3").send();
            assertThat(r.status()).as(path).isEqualTo(200);
            everything.append(r.text());
        }
        assertThat(everything).as("what the API and engine-rest show").contains("answered Off")
                .doesNotContain(BMC_PASSWORD);
        // What Cockpit shows, read from the engine itself (engine-rest shows a Keystone caller only what its
        // authorizations allow): every variable of every process instance, and every change of one.
        StringBuilder variables = new StringBuilder();
        historyService.createHistoricVariableInstanceQuery().list()
                .forEach(v -> variables.append(v.getName()).append('=').append(v.getValue()).append('\n'));
        historyService.createHistoricDetailQuery().list().forEach(d -> variables.append(d).append('\n'));
        assertThat(variables).as("the workflow variables").contains("fencingEvidence=").contains("power state: Off")
                .doesNotContain(BMC_PASSWORD);
        assertThat(log.getAll()).as("the log").contains("BMC Bmc[redfish admin@127.0.0.1")
                .doesNotContain(BMC_PASSWORD);
        assertThat(jdbc.sql("SELECT control_attributes FROM hosts WHERE uuid = ?").param(host).query(String.class)
                .single()).contains("sealed:v2:").doesNotContain(BMC_PASSWORD);
    }
}
