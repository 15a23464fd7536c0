package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.notification.Verdict;
import org.instanceha.simulator.SimulatedBmcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * instance-ha's own host monitor against the simulated cloud: each verdict ends as it should, nothing is
 * reported from a cycle in which the observer was cut off, a mass failure waits for the operators' approval, and a host back
 * inside the window is never reported. The tests run the cycles themselves ({@code interval: 0s}, {@code mode:
 * report}, stale after 2 s, confirmed over 2 cycles).
 */
@org.junit.jupiter.api.Tag("workflow")
class DetectionScenarioIT extends DetectionSupport {

    private long evacuations() {
        return cloud.evacuationsAccepted();
    }

    @Test
    void aHealthyCloudIsNeverReported() throws Exception {
        watched(bmc("compute4", managementAddress()));
        cyclesFor(Duration.ofSeconds(4));
        assertThat(notifications()).isEmpty();
        assertThat(monitor.verdicts()).containsValues(Verdict.HEALTHY).doesNotContainValue(Verdict.FAILED);
    }

    @Test
    void aPowerLossIsReportedAtOnceAsFencedAndRecovered() throws Exception {
        watched(bmc("compute4", managementAddress()));
        monitor.cycle();
        cloud.setPower("compute4", false);
        management.close();

        monitor.cycle();

        assertThat(notifications()).singleElement().asString().startsWith("COMPUTE_HOST")
                .contains("\"host_status\":\"NORMAL\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> evacuations() == 3);
    }

    @Test
    void aHungHostIsReportedUnknownOnceItsHeartbeatIsStaleAndIsFencedBeforeItsInstancesMove() throws Exception {
        watched(bmc("compute4", null));
        cloud.failHost("compute4");

        cyclesUntil(() -> !notifications().isEmpty());

        assertThat(notifications()).singleElement().asString().startsWith("COMPUTE_HOST")
                .contains("\"host_status\":\"UNKNOWN\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> evacuations() == 3);
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("fenced by the workflow").isFalse();
        List<String> seen = jdbc.sql("SELECT message FROM recovery_progress WHERE task_name = 'Host monitor' ORDER BY "
                + "created_at").query(String.class).list();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo("First missed signal of compute4: its last heartbeat in Nova, nothing since");
        assertThat(seen.get(1)).matches("compute4 failed \\(heartbeat [0-9.]+ s old by Nova's clock, management "
                + "address none, BMC on\\): reported [0-9]+ ms after its first missed signal\\.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_progress p JOIN notifications n ON n.notification_uuid = "
                + "p.notification_uuid WHERE p.message LIKE 'First missed%' AND p.created_at < n.created_at")
                .query(Long.class).single()).as("the first miss comes before the report").isEqualTo(1);
    }

    @Test
    void aStoppedNovaComputeOnARunningHostIsAProcessFailureAndNothingMoves() throws Exception {
        watched(bmc("compute4", managementAddress()));
        cloud.failHost("compute4");

        cyclesUntil(() -> !notifications().isEmpty());

        assertThat(notifications()).singleElement().asString().startsWith("PROCESS").contains("nova-compute");
        Thread.sleep(2000);
        assertThat(evacuations()).isZero();
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("no fencing").isTrue();
    }

    @Test
    void aHostBackInsideTheWindowIsNeverReported() throws Exception {
        watched(bmc("compute4", null));
        cloud.failHost("compute4");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            monitor.cycle();
            return monitor.verdicts().get("compute4") == Verdict.FAILED;
        });
        cloud.setPower("compute4", true);

        cyclesFor(Duration.ofSeconds(3));

        assertThat(notifications()).isEmpty();
        assertThat(monitor.verdicts().get("compute4")).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void aCycleInWhichNovaDoesNotAnswerJudgesNoOne() throws Exception {
        watched(bmc("compute4", null));
        cloud.failHost("compute4");
        Thread.sleep(properties.staleAfter().plusSeconds(1).toMillis());
        cloud.failNextRequests(1000, 503);

        cyclesFor(Duration.ofSeconds(2));

        assertThat(monitor.alert()).contains("Nova's API did not answer");
        assertThat(notifications()).isEmpty();
        cloud.failNextRequests(0, 503);
    }

    @Test
    void everyHostDeadAtOnceIsOurOwnNetworkNotTheirs() throws Exception {
        watched(bmc("compute4", null));
        for (String host : List.of("compute1", "compute2", "compute3", "compute4")) {
            cloud.failHost(host);
        }

        cyclesUntil(() -> monitor.alert() != null && monitor.alert().contains("looks dead at once"));

        assertThat(monitor.alert()).contains("looks dead at once");
        assertThat(notifications()).isEmpty();
    }

    /** compute2..4 of the four hang at once: a mass failure, one task for the operators, nothing reported. */
    private String massFailureWaitingForApproval() throws Exception {
        watched(bmc("compute4", null));
        for (String host : List.of("compute2", "compute3", "compute4")) {
            cloud.failHost(host);
        }
        cyclesUntil(() -> monitor.alert() != null && monitor.alert().contains("waits for an operator"));

        assertThat(monitor.alert()).contains("3 of 4 hosts of segment watched failed at once")
                .contains("\"Approve recovery of 3 hosts\" waits for an operator");
        JsonNode tasks = api.get("/engine-rest/task?processDefinitionKey=mass-failure-approval").send().json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("Approve recovery of 3 hosts");
        String task = tasks.get(0).get("id").asText();
        String table = api.get("/engine-rest/task/" + task + "/form-variables").send().json()
                .at("/failedHostsTable/value").asText();
        assertThat(table).contains("| compute2 | failed |", "| compute3 | failed |", "| compute4 | failed |")
                .contains("management address none, BMC on").doesNotContain("compute1");
        cyclesFor(Duration.ofSeconds(2));
        assertThat(api.get("/engine-rest/task?processDefinitionKey=mass-failure-approval").send().json())
                .as("one approval, not one per cycle").hasSize(1);
        assertThat(notifications()).as("nothing reported before it is approved").isEmpty();
        return task;
    }

    private Response decide(String task, String decision, String comment) {
        return api.post("/engine-rest/task/" + task + "/complete", """
                {"variables": {"operatorDecision": {"value": "%s"}%s}}""".formatted(decision, comment == null ? ""
                : ", \"operatorComment\": {\"value\": \"" + comment + "\"}")).send();
    }

    @Test
    void aMassFailureWaitsForTheOperatorsApprovalAndApprovingRecoversEveryHost() throws Exception {
        String task = massFailureWaitingForApproval();

        Response approved = decide(task, "approve", null);

        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications().size() == 3);
        assertThat(notifications()).allSatisfy(n -> assertThat(n).startsWith("COMPUTE_HOST")
                .contains("\"host_status\":\"UNKNOWN\""));
        assertThat(jdbc.sql("SELECT message FROM recovery_progress WHERE task_name = 'Host monitor' AND message LIKE "
                + "'%reported%'").query(String.class).list()).hasSize(3)
                .allSatisfy(m -> assertThat(m).endsWith("Approved by admin."));
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("compute2", "compute3", "compute4").stream()
                .noneMatch(h -> cloud.findHost(h).orElseThrow().poweredOn()));
    }

    @Test
    void aRejectedMassFailureIsNeverReported() throws Exception {
        String task = massFailureWaitingForApproval();

        Response withoutReason = decide(task, "reject", null);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("message").asText())
                .endsWith("Say in the comment why none of the hosts is recovered.");
        assertThat(decide(task, "reject", "switch sw-3 rebooted, the hosts run").status()).isEqualTo(204);

        cyclesFor(Duration.ofSeconds(2));
        assertThat(notifications()).isEmpty();
        assertThat(api.get("/engine-rest/task?processDefinitionKey=mass-failure-approval").send().json()).isEmpty();
        assertThat(List.of("compute2", "compute3", "compute4")).allSatisfy(h ->
                assertThat(cloud.findHost(h).orElseThrow().poweredOn()).as(h + " not fenced").isTrue());
    }

    @Test
    void aBrokenBmcOfAHealthyHostIsKnownBeforeItIsNeeded() throws Exception {
        int closed;
        try (ServerSocket port = new ServerSocket(0)) {
            closed = port.getLocalPort();
        }
        watched("""
                {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "x",
                 "verify_tls": false}""".formatted(closed));

        monitor.cycle();

        HostWatch compute4 = monitor.watches().stream().filter(w -> w.host().equals("compute4")).findFirst().orElseThrow();
        assertThat(compute4.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(compute4.lastBmc()).isEqualTo(Signals.Power.NO_ANSWER);
        assertThat(monitor.watches()).filteredOn(w -> !w.host().equals("compute4"))
                .allSatisfy(w -> assertThat(w.lastBmc()).isEqualTo(Signals.Power.ON));
        assertThat(api.get("/actuator/prometheus").send().text())
                .contains("instanceha_detection_bmc_silent_hosts 1.0");
        assertThat(notifications()).isEmpty();
    }

    @Test
    void aHostDownThatNothingCanPowerOffIsNotReportedAndRaisesItsAlertsMetric() throws Exception {
        watched("SSH");
        cloud.failHost("compute4");

        cyclesUntil(() -> monitor.verdicts().get("compute4") == Verdict.NOT_PROTECTABLE);
        cyclesFor(Duration.ofSeconds(1));

        assertThat(monitor.verdicts().get("compute4")).isEqualTo(Verdict.NOT_PROTECTABLE);
        assertThat(notifications()).isEmpty();
        String metrics = api.get("/actuator/prometheus").send().text();
        assertThat(metrics).contains("instanceha_detection_down_unfenceable_hosts 1.0")
                .contains("instanceha_detection_hosts{verdict=\"not protectable\"} 1.0")
                .contains("instanceha_detection_hosts{verdict=\"healthy\"} 3.0")
                .contains("instanceha_detection_observer_alert 0.0");
    }
}
