package org.instanceha.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The host monitor on two engine nodes of one PostgreSQL (as {@link NodeCrashIT} starts them), with the
 * defaults of a real cloud: a lease of 15 s, a cycle every 5 s. The judging node is paused with SIGSTOP (a frozen
 * VM, a stalled JVM: to the others it is dead) and, at once, host "failing" loses its power (its simulated Redfish
 * BMC switches it off; nobody reports anything). The other node must take the lease over and report the failure
 * once, within the lease time plus the detection window (a power loss needs no confirming cycles: one cycle, and
 * the BMC reads of the node that starts judging). Then a second host loses its power and, at once, the paused
 * node resumes (SIGCONT) with its cycle and its verdicts where they were: it must report nothing, since the
 * database says its lease is gone, and the node that holds it reports the second host once.
 */
@Tag("crash")
class MonitorTakeoverIT {

    private static final String BMC_PASSWORD = "takeover-bmc-password";
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Duration CYCLE = Duration.ofSeconds(5);

    @Test
    void whenTheJudgingNodeIsPausedTheOtherReportsOnceAndTheResumedNodeNothing() throws Exception {
        try (Harness harness = new Harness(3)) {
            harness.freshSchema();
            int bmcPort = Harness.freePort();
            // Each host's management address (its "sshd"): failing on base + 0, targetN on base + N. A BMC's "Off"
            // is a power loss only when the host's own signals agree: its management address goes silent.
            int managementBase = Harness.freePorts(4);
            harness.startCloud("takeover-cloud", "--instanceha.simulator.bmc-port=" + bmcPort,
                    "--instanceha.simulator.management-base-port=" + managementBase,
                    "--instanceha.simulator.bmc-password=" + BMC_PASSWORD,
                    "--instanceha.simulator.bmc-tls-dir=" + Harness.LOGS.resolve("takeover-bmc").toAbsolutePath());
            Map<String, String> db = harness.nodeEnvironment(harness.dbUrl);
            int portA = Harness.freePort();
            int portB = Harness.freePort();
            Process a = harness.start("takeover-node-a", db, harness.nodeArguments("--server.port=" + portA));
            Harness.awaitReady(portA, a); // the first node creates the schema
            Process b = harness.start("takeover-node-b", db, harness.nodeArguments("--server.port=" + portB));
            Harness.awaitReady(portB, b);
            HttpApi nodeA = new HttpApi(portA);
            HttpApi nodeB = new HttpApi(portB);
            harness.registerHosts(nodeA, host -> """
                    {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "%s",
                     "systems_uri": "/redfish/v1/Systems/%s", "verify_tls": false,
                     "management_address": "127.0.0.1:%d"}""".formatted(bmcPort, BMC_PASSWORD, host,
                    managementBase + (host.equals("failing") ? 0 : Integer.parseInt(host.replaceAll("\\D", "")))));

            HttpApi judge = await("one node judging all four hosts").atMost(LEASE.plus(CYCLE.multipliedBy(3)))
                    .pollInterval(Duration.ofMillis(500)).until(() -> judging(nodeA) ? nodeA : judging(nodeB) ? nodeB
                            : null, n -> n != null);
            HttpApi survivor = judge == nodeA ? nodeB : nodeA;
            assertThat(judging(survivor)).as("exactly one node judges").isFalse();
            Process paused = judge == nodeA ? a : b;
            signal("STOP", paused);
            Instant cut = Instant.now();
            forceOff(bmcPort, "failing");

            JsonNode reported = await("the surviving node reports failing").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> notifications(survivor), n -> n.size() > 0);
            Duration took = Duration.between(cut, Instant.now());
            System.out.printf("TAKEOVER: the judging node was paused and failing lost its power; the other node "
                    + "reported it %.1f s later (lease %d s, cycle %d s)%n", took.toMillis() / 1000.0,
                    LEASE.toSeconds(), CYCLE.toSeconds());
            assertThat(took).as("within the lease time plus the detection window")
                    .isLessThan(LEASE.plus(CYCLE.multipliedBy(2)));
            assertThat(reported.get(0).get("type").asText()).isEqualTo("COMPUTE_HOST");
            assertThat(reported.get(0).get("payload").toString()).as("a power loss: fenced already")
                    .contains("\"host_status\":\"NORMAL\"");

            Thread.sleep(CYCLE.multipliedBy(2).toMillis());
            assertThat(notifications(survivor)).as("reported once").hasSize(1);
            JsonNode done = Harness.awaitEnd(survivor, reported.get(0).get("notification_uuid").asText(),
                    Duration.ofMinutes(2));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");

            forceOff(bmcPort, "target3");
            signal("CONT", paused);
            await("the node that holds the lease reports target3").atMost(CYCLE.multipliedBy(4))
                    .pollInterval(Duration.ofMillis(250)).until(() -> notifications(survivor).size() == 2);
            Thread.sleep(CYCLE.multipliedBy(2).toMillis());
            System.out.println("TAKEOVER notifications: " + notifications(survivor));
            assertThat(notifications(survivor)).as("each failure reported once").hasSize(2);
            String resumedLog = java.nio.file.Files.readString(Harness.LOGS.resolve(
                    (judge == nodeA ? "takeover-node-a" : "takeover-node-b") + ".log"));
            assertThat(resumedLog).as("the resumed node reported nothing").doesNotContain("Host monitor reported");
            assertThat(judging(judge)).as("the resumed node does not judge").isFalse();
            paused.destroyForcibly().waitFor();
        }
    }

    /** Sends a signal to a node's JVM: STOP pauses it as a frozen machine would, CONT resumes it. */
    private static void signal(String name, Process node) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(node.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + name).isZero();
    }

    /** Whether the node holds the monitor's lease: it alone has verdicts, and sees all four hosts healthy. */
    private static boolean judging(HttpApi node) {
        String metrics = node.get("/actuator/prometheus").send().text();
        return metrics.contains("instanceha_detection_hosts{verdict=\"healthy\"} 4.0");
    }

    private static JsonNode notifications(HttpApi node) {
        return node.get("/v1/notifications").send().json().get("notifications");
    }

    /** What a person at the BMC's web page does: power the host off, telling no one. */
    private static void forceOff(int bmcPort, String host) throws Exception {
        SSLContext anyCertificate = SSLContext.getInstance("TLS");
        anyCertificate.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) { }

            public void checkServerTrusted(X509Certificate[] chain, String type) { }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        HttpClient client = HttpClient.newBuilder().sslContext(anyCertificate).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + bmcPort
                        + "/redfish/v1/Systems/" + host + "/Actions/ComputerSystem.Reset"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + BMC_PASSWORD)
                        .getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ResetType\": \"ForceOff\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 204);
    }
}
