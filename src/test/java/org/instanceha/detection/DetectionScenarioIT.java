package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.simulator.SimulatedBmcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * instance-ha's own host monitor against the simulated cloud: each verdict ends as it should, nothing is
 * reported from a cycle in which the observer was cut off, a mass failure is reported by no one, and a host back
 * inside the window is never reported. The tests run the cycles themselves ({@code interval: 0s}, {@code mode:
 * report}, stale after 2 s, confirmed over 2 cycles).
 */
@org.junit.jupiter.api.Tag("workflow")
class DetectionScenarioIT extends ApiIntegrationTest {

    @Autowired
    HostMonitor monitor;
    @Autowired
    SimulatedBmcs bmcs;
    @Autowired
    DetectionProperties properties;

    private ServerSocket management;

    @AfterEach
    void closeManagementPort() throws Exception {
        if (management != null) {
            management.close();
        }
    }

    /** A TCP port that answers, standing for the host's sshd. */
    private String managementAddress() throws Exception {
        management = new ServerSocket(0);
        return "127.0.0.1:" + management.getLocalPort();
    }

    private String bmc(String host, String managementAddress) {
        return """
                {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin",
                 "password": "test-bmc-password", "systems_uri": "%s", "verify_tls": false%s}""".formatted(bmcs.port(),
                SimulatedBmcs.systemsUri(host), managementAddress == null ? ""
                        : ", \"management_address\": \"" + managementAddress + "\"");
    }

    /** Segment "watched" with compute1..4: the given control attributes for compute4, a BMC for the others. */
    private void watched(String compute4) {
        Response created = api.post("/v1/segments", """
                {"segment": {"name": "watched", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        String segment = created.json().at("/segment/uuid").asText();
        for (String host : List.of("compute1", "compute2", "compute3", "compute4")) {
            novaHasComputeHosts(host);
            var body = new ObjectMapper().createObjectNode();
            body.putObject("host").put("name", host).put("type", "COMPUTE")
                    .put("control_attributes", host.equals("compute4") ? compute4 : bmc(host, null));
            assertThat(api.post("/v1/segments/" + segment + "/hosts", body.toString()).send().status()).isEqualTo(201);
        }
    }

    /** Runs cycles for this long, one every 300 ms. */
    private void cyclesFor(Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            monitor.cycle();
            Thread.sleep(300);
        }
    }

    private List<String> notifications() {
        return jdbc.sql("SELECT type || ' ' || payload FROM notifications ORDER BY id").query(String.class).list();
    }

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

        cyclesFor(properties.staleAfter().plusSeconds(3));

        assertThat(notifications()).singleElement().asString().startsWith("COMPUTE_HOST")
                .contains("\"host_status\":\"UNKNOWN\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> evacuations() == 3);
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("fenced by the workflow").isFalse();
        List<String> seen = jdbc.sql("SELECT message FROM recovery_progress WHERE task_name = 'Host monitor' ORDER BY "
                + "created_at").query(String.class).list();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo("First missed signal of compute4");
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

        cyclesFor(properties.staleAfter().plusSeconds(3));

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

        cyclesFor(properties.staleAfter().plusSeconds(3));

        assertThat(monitor.alert()).contains("looks dead at once");
        assertThat(notifications()).isEmpty();
    }

    @Test
    void aMassFailureOfASegmentIsReportedByNoOne() throws Exception {
        watched(bmc("compute4", null));
        for (String host : List.of("compute2", "compute3", "compute4")) {
            cloud.failHost(host);
        }

        cyclesFor(properties.staleAfter().plusSeconds(3));

        assertThat(monitor.alert()).contains("3 of 4 hosts of segment watched failed at once");
        assertThat(notifications()).isEmpty();
    }

    @Test
    void aHostDownThatNothingCanPowerOffIsNotReportedAndRaisesItsAlertsMetric() throws Exception {
        watched("SSH");
        cloud.failHost("compute4");

        cyclesFor(properties.staleAfter().plusSeconds(3));

        assertThat(monitor.verdicts().get("compute4")).isEqualTo(Verdict.NOT_PROTECTABLE);
        assertThat(notifications()).isEmpty();
        String metrics = api.get("/actuator/prometheus").send().text();
        assertThat(metrics).contains("instanceha_detection_down_unfenceable_hosts 1.0")
                .contains("instanceha_detection_hosts{verdict=\"not protectable\"} 1.0")
                .contains("instanceha_detection_hosts{verdict=\"healthy\"} 3.0")
                .contains("instanceha_detection_observer_alert 0.0");
    }
}
