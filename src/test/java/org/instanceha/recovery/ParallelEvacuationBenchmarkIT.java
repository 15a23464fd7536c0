package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 50-instance host failure on the simulator with 2 s per evacuation. Prints how long the recovery
 * took against the 100 s that one-at-a-time evacuations would need, and how many ran at once. Asserts that
 * every instance moved exactly once, and that the evacuations really ran in parallel within their bound:
 * more than one in flight at some moment, never more than {@code max-parallel-evacuations} (the figures are
 * for docs/performance.md, not for a timing assertion).
 */
@Tag("benchmark")
class ParallelEvacuationBenchmarkIT extends RecoveryScenarioSupport {

    private static final int INSTANCES = 50;
    private static final Duration EVACUATION = Duration.ofSeconds(2);

    @Autowired
    RecoveryProperties properties;

    @Test
    void fiftyInstancesAreEvacuatedInParallelBatches() {
        String segment = segment("auto", true);
        for (int i = 1; i <= 3; i++) {
            cloud.addComputeHost("big" + i, 64, 65536);
            addHost(segment, "big" + i, false, 0);
        }
        cloud.addComputeHost("failing", 64, 65536);
        addHost(segment, "failing", false, 0);
        for (int i = 1; i <= INSTANCES; i++) {
            cloud.addServer("bench" + i, "failing", "1", "demo", Map.of("HA_Enabled", "True"));
        }
        cloud.setEvacuationTime(EVACUATION);

        long started = System.nanoTime();
        String notification = hostFails("failing");
        JsonNode done = awaitEnd(notification, Duration.ofSeconds(120));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        List<JsonNode> moves = vmoves(notification);
        assertThat(moves).hasSize(INSTANCES).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("succeeded");
            assertThat(cloud.evacuationsAccepted(m.get("instance_uuid").asText())).isEqualTo(1);
        });
        assertThat(cloud.peakEvacuationsInFlight()).as("evacuations in flight at once in the simulated Nova")
                .isGreaterThan(1).isLessThanOrEqualTo(properties.maxParallelEvacuations());
        System.out.printf("%nBENCHMARK host failure, %d instances, %.0f s per evacuation, max-parallel-evacuations %d:"
                        + " recovered in %.1f s (one at a time: %.0f s); at most %d evacuations in flight at once%n%n",
                INSTANCES, EVACUATION.toMillis() / 1000.0, properties.maxParallelEvacuations(), seconds,
                INSTANCES * EVACUATION.toMillis() / 1000.0, cloud.peakEvacuationsInFlight());
    }
}
