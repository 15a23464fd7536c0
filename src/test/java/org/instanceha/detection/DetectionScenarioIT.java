package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.instanceha.notification.Verdict;
import org.junit.jupiter.api.Test;

/**
 * instance-ha's own host monitor against the simulated cloud: each verdict ends as it should, nothing is
 * reported from a cycle in which the observer was cut off, a mass failure waits for the operators' approval, and a host back
 * inside the window is never reported. The tests run the cycles themselves ({@code interval: 0s}, {@code mode:
 * report}, stale after 2 s, confirmed over 2 cycles).
 */
@org.junit.jupiter.api.Tag("workflow")
class DetectionScenarioIT extends DetectionSupport {

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
    void aHungHostWhoseBmcAnswersIsReportedOnceItsHeartbeatIsLateNotWaitingForStale() throws Exception {
        watched(bmc("compute4", managementAddress()));
        monitor.cycle();
        cloud.failHost("compute4");
        management.close();

        HostWatch watch = monitor.watches().stream().filter(w -> w.host().equals("compute4")).findFirst().orElseThrow();
        while (watch.verdict() != Verdict.FAILED) {
            assertThat(watch.signals().heartbeatAge()).as("failed before the heartbeat is stale (older than it)")
                    .isLessThanOrEqualTo(properties.staleAfter());
            Thread.sleep(100);
            monitor.cycle();
        }

        assertThat(watch.signals().heartbeatAge()).as(Signals.inWords(watch.signals()) + ": late (2.5 reports of "
                + "500 ms), not stale (older than 2 s)").isLessThanOrEqualTo(properties.staleAfter());
        assertThat(watch.signals().management()).isEqualTo(Signals.Management.SILENT);
        cyclesUntil(() -> !notifications().isEmpty());
        assertThat(notifications()).singleElement().asString().contains("\"host_status\":\"UNKNOWN\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> evacuations() == 3);
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("fenced by the workflow").isFalse();
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
}
