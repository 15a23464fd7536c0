package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.instanceha.OwnSettingsContext;
import org.instanceha.notification.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The host monitor in mode {@code observe} ({@link OwnSettingsContext}): it judges and raises its alerts, and
 * reports nothing, not even an approval of a mass failure.
 */
@OwnSettingsContext
@org.junit.jupiter.api.Tag("workflow")
class ObserveOnlyDetectionIT extends DetectionSupport {

    @Test
    void aPowerLossIsJudgedButNotReported() throws Exception {
        watched(bmc("compute4", managementAddress()));
        monitor.cycle();
        cloud.setPower("compute4", false);
        management.close();

        cyclesUntil(() -> monitor.verdicts().get("compute4") == Verdict.FENCED);
        cyclesFor(Duration.ofSeconds(1));

        assertThat(monitor.mode()).isEqualTo(DetectionProperties.Mode.OBSERVE);
        assertThat(monitor.verdicts().get("compute4")).isEqualTo(Verdict.FENCED);
        assertThat(notifications()).isEmpty();
        assertThat(cloud.evacuationsAccepted()).isZero();
    }

    @Test
    void aMassFailureRaisesItsAlertAndAsksNoOne() throws Exception {
        watched(bmc("compute4", null));
        cloud.failHost("compute2", "compute3", "compute4");

        cyclesUntil(() -> monitor.alert() != null && monitor.alert().contains("observe only"));

        assertThat(monitor.alert()).contains("3 of 4 hosts of segment watched failed at once")
                .endsWith("observe only: no approval is asked for.");
        // The engine of this context by name: in a test JVM of its own, no other context is Camunda's "default".
        assertThat(api.get("/engine-rest/engine/ownSettings/task?processDefinitionKey=mass-failure-approval").send()
                .json()).isEmpty();
        assertThat(notifications()).isEmpty();
    }
}
