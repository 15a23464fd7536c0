package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.OwnSettingsContext;
import org.junit.jupiter.api.Test;

/**
 * {@code instanceha.fencing.power-on-after-recovery=true} ({@link OwnSettingsContext}): a host fenced through its
 * BMC is powered on again once its instances are evacuated, and stays on maintenance.
 */
@OwnSettingsContext
class PowerOnAfterRecoveryIT extends RecoveryScenarioSupport {

    @Test
    void aFencedHostIsPoweredOnAgainOnceItsInstancesAreEvacuatedAndStaysOnMaintenance() {
        segmentWithCompute4(redfish("compute4", "test-bmc-password"));

        String notification = compute4Hangs("UNKNOWN");
        JsonNode done = awaitEnd(notification);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(vmoves(notification)).hasSize(3).allSatisfy(m ->
                assertThat(m.get("status").asText()).isEqualTo("succeeded"));
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).as("powered on again").isTrue();
        assertThat(done.toString()).contains("Powered compute4 on through its BMC");
        assertThat(jdbc.sql("SELECT on_maintenance FROM hosts WHERE name = 'compute4' AND deleted = 0")
                .query(Boolean.class).single()).isTrue();
    }
}
