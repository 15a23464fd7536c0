package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.instanceha.notification.Verdict;
import org.instanceha.simulator.SimulatedBmcs;
import org.junit.jupiter.api.Test;

/**
 * The host monitor and the hosts' BMCs against the simulated cloud: a BMC that says Off while its host lives is a
 * contradiction, never a power loss; one host's broken BMC settings leave that host unjudged and never stop the
 * judging of the others; a broken BMC is known before it is needed; a host down that nothing can power off is not
 * reported. The tests run the cycles themselves, as in {@link DetectionScenarioIT}.
 */
@org.junit.jupiter.api.Tag("workflow")
class BmcSignalsScenarioIT extends DetectionSupport {

    @Test
    void aBmcThatSaysOffWhileItsHostLivesIsAContradictionAndNothingIsReported() throws Exception {
        watched(bmc("compute4", managementAddress()));
        cloud.findHost("compute4").orElseThrow().bmcClaims(false);

        cyclesFor(Duration.ofSeconds(3));

        assertThat(monitor.verdicts().get("compute4")).isEqualTo(Verdict.BMC_DISAGREES);
        assertThat(notifications()).isEmpty();
        assertThat(evacuations()).isZero();
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("not fenced").isTrue();
        assertThat(monitor.alert()).as("one host's BMC is no reason to stop judging the others").isNull();
        assertThat(api.get("/actuator/prometheus").send().text())
                .contains("instanceha_detection_hosts{verdict=\"BMC and host disagree\"} 1.0");

        cloud.findHost("compute4").orElseThrow().bmcClaims(null);
        monitor.cycle();

        assertThat(monitor.verdicts().get("compute4")).as("the next BMC read decides anew").isEqualTo(Verdict.HEALTHY);
        assertThat(notifications()).isEmpty();
    }

    @Test
    void oneHostsBrokenBmcNeverStopsTheJudgingOfTheOthers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        watched(bmc("compute4", managementAddress()));
        java.nio.file.Path notPem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        String good = bmc("compute3", null);
        List<String> broken = List.of(
                good.replace("\"host\": \"127.0.0.1\"", "\"host\": \"no-such-bmc.invalid\""),
                good.replace(SimulatedBmcs.systemsUri("compute3"), "/redfish/v1/Systems/compute 3"),
                good.replace("\"verify_tls\": false", "\"ca_certificate\": \"" + notPem + "\""),
                good.replace("\"verify_tls\": false", "\"ca_certificate\": \"/dev/zero\""),
                good.replace("test-bmc-password", "sealed:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                good.replace("\"verify_tls\": false", "\"verify_tls\": false, \"management_address\": \"no-port\""));
        for (String attributes : broken) {
            // Stored as it is, past the API's checks: what an older version or a changed secrets key leaves behind.
            jdbc.sql("UPDATE hosts SET control_attributes = :a WHERE name = 'compute3'").param("a", attributes)
                    .update();
            java.time.Instant before = java.time.Instant.now();

            monitor.cycle();

            assertThat(monitor.alert()).as(attributes).isNull();
            assertThat(monitor.watches()).as(attributes).filteredOn(w -> !w.host().equals("compute3"))
                    .allSatisfy(w -> {
                        assertThat(w.verdict()).isEqualTo(Verdict.HEALTHY);
                        assertThat(w.seenAt()).isAfterOrEqualTo(before);
                    });
            HostWatch compute3 = monitor.watches().stream().filter(w -> w.host().equals("compute3")).findFirst()
                    .orElseThrow();
            assertThat(compute3.verdict()).as(attributes).isIn(Verdict.CANNOT_JUDGE, Verdict.HEALTHY);
            if (compute3.verdict() == Verdict.HEALTHY) {
                assertThat(compute3.lastBmc()).as("an unreachable BMC: judged, its BMC silent")
                        .isEqualTo(Signals.Power.NO_ANSWER);
            } else {
                assertThat(compute3.cannotJudgeReason()).as(attributes).isNotBlank()
                        .doesNotContain("test-bmc-password");
                assertThat(api.get("/actuator/prometheus").send().text())
                        .contains("instanceha_detection_host_cannot_judge{host=\"compute3\"} 1.0");
            }
        }
        assertThat(monitor.watches().stream().filter(w -> w.verdict() == Verdict.CANNOT_JUDGE).count())
                .as("most kinds of broken settings leave their host unjudged").isPositive();

        cloud.setPower("compute4", false);
        management.close();
        monitor.cycle();

        assertThat(notifications()).as("the other hosts are reported within one cycle").singleElement().asString()
                .startsWith("COMPUTE_HOST").contains("\"host_status\":\"NORMAL\"");
        assertThat(monitor.verdicts().get("compute3")).isEqualTo(Verdict.CANNOT_JUDGE);
        await().atMost(Duration.ofSeconds(60)).until(() -> evacuations() == 3);
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
