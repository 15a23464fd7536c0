package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.simulator.SimulatedBmcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the host monitor's scenario tests share: a watched segment of four simulated hosts, and cycles run by hand. */
abstract class DetectionSupport extends ApiIntegrationTest {

    @Autowired
    HostMonitor monitor;
    @Autowired
    SimulatedBmcs bmcs;
    @Autowired
    DetectionProperties properties;

    ServerSocket management;

    /**
     * One cycle over the emptied database: the monitor forgets the hosts and the alert of the test before, whatever
     * ran before in this JVM.
     */
    @BeforeEach
    void monitorForgetsEarlierTests() {
        monitor.cycle();
        assertThat(monitor.watches()).isEmpty();
        assertThat(monitor.alert()).isNull();
    }

    @AfterEach
    void closeManagementPort() throws Exception {
        if (management != null) {
            management.close();
        }
    }

    /** A TCP port that answers, standing for the host's sshd. */
    String managementAddress() throws Exception {
        management = new ServerSocket(0);
        return "127.0.0.1:" + management.getLocalPort();
    }

    String bmc(String host, String managementAddress) {
        return """
                {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin",
                 "password": "test-bmc-password", "systems_uri": "%s", "verify_tls": false%s}""".formatted(bmcs.port(),
                SimulatedBmcs.systemsUri(host), managementAddress == null ? ""
                        : ", \"management_address\": \"" + managementAddress + "\"");
    }

    /** Segment "watched" with compute1..4: the given control attributes for compute4, a BMC for the others. */
    void watched(String compute4) {
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

    /** How many evacuations the simulated Nova accepted since the cloud was reset. */
    long evacuations() {
        return cloud.evacuationsAccepted();
    }

    /** Runs cycles for this long, one every 300 ms. */
    void cyclesFor(Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            monitor.cycle();
            Thread.sleep(300);
        }
    }

    /**
     * Runs cycles, one every 300 ms, until the condition holds, then two more (a second report of the same failure
     * would come in them); fails after the stale time plus 8 s.
     */
    void cyclesUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + properties.staleAfter().plusSeconds(8).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("the cycles reached what the test waits for in time").isLessThan(end);
            monitor.cycle();
            Thread.sleep(300);
        }
        cyclesFor(Duration.ofMillis(600));
    }

    List<String> notifications() {
        return jdbc.sql("SELECT type || ' ' || payload FROM notifications ORDER BY id").query(String.class).list();
    }
}
