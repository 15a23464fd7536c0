package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.simulator.SimulatedNovaTraffic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a recovery costs Nova's API, whose few workers every caller shares (the test bed's has one): evacuations in
 * flight are watched with one listing per poll for all of them, not one read per server per poll, and the failed
 * host's service is updated without a read before each update.
 */
class NovaRequestBudgetIT extends RecoveryScenarioSupport {

    @Autowired
    SimulatedNovaTraffic traffic;
    @Autowired
    RecoveryProperties recovery;
    @Autowired
    org.instanceha.nova.OpenStackProperties openStack;

    @Test
    void evacuationsInFlightCostOneListingPerPollAndTheServiceTwoUpdates() {
        segment("auto", true);
        for (int i = 0; i < 5; i++) {
            cloud.addServer("extra-" + i, "compute4", "1", "demo", Map.of("HA_Enabled", "True"));
        }
        cloud.setEvacuationTime(Duration.ofSeconds(2));
        traffic.reset();
        long started = System.nanoTime();

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(done.get("message").asText()).isEqualTo("8 of 8 instance(s) evacuated.");
        Map<String, Integer> requests = traffic.requests();
        long polls = Duration.ofNanos(System.nanoTime() - started).dividedBy(recovery.evacuationPollInterval()) + 2;
        int pages = (cloud.servers(null, null, null, null, null).size() + openStack.pageSize() - 1)
                / openStack.pageSize();
        assertThat(requests.getOrDefault("GET /v2.1/servers/{id}", 0))
                .as("reads of single servers (one per server per poll before: about %d): %s", 8 * polls, requests)
                .isLessThan(8);
        assertThat(requests.getOrDefault("GET /v2.1/servers/detail", 0))
                .as("pages of listings: at most two listings of %d pages per poll, the host's and the monitor's: %s",
                        pages, requests)
                .isLessThanOrEqualTo((int) (2 * polls * pages + 2 * pages));
        assertThat(requests.get("PUT /v2.1/os-services/{id}")).as("force down, disable: %s", requests).isEqualTo(2);
        assertThat(requests.get("POST /v2.1/servers/{id}/action")).as("lock, evacuate, unlock: %s", requests)
                .isEqualTo(3 * 8);
    }
}
