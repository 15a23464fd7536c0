package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.nova.Compute;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code instanceha.recovery.force-down=false} the workflow does not fence through Nova: it waits,
 * on a timer, until Nova itself reports the service down (the simulator does after 2 s), or gives up.
 */
@TestPropertySource(properties = {"instanceha.recovery.force-down=false",
        "instanceha.recovery.service-down-timeout=4s"})
class RecoveryWithoutForceDownIT extends RecoveryScenarioSupport {

    @Autowired
    Compute compute;

    @Test
    void theWorkflowWaitsUntilNovaReportsTheHostDownThenEvacuates() {
        segment("auto", true);

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(compute.computeService("compute4").orElseThrow().forcedDown()).isFalse();
        assertThat(List.of("vm10", "vm11", "vm12")).allSatisfy(vm -> assertThat(serverHost(vm)).isNotEqualTo("compute4"));
        assertThat(done.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                .contains("Check compute service").doesNotContain("Force down compute service");
    }

    @Test
    void aHostNovaStillSeesUpEndsInErrorWithoutEvacuating() {
        segment("auto", true);
        cloud.setServiceDownTime(java.time.Duration.ofHours(1));

        JsonNode done = awaitEnd(hostFails("compute4"));

        assertThat(done.get("status").asText()).isEqualTo("error");
        assertThat(done.get("message").asText()).contains("did not report the nova-compute service of compute4 down");
        assertThat(cloud.evacuationsAccepted()).isZero();
    }
}
