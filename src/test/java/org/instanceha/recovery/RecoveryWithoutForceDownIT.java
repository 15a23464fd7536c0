package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.OwnSettingsContext;
import org.instanceha.nova.Compute;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With {@code instanceha.recovery.force-down=false} the workflow does not force the failed host's
 * service down: it waits on a timer until Nova reports it down, or ends in error after
 * {@code service-down-timeout}.
 */
@OwnSettingsContext
class RecoveryWithoutForceDownIT extends RecoveryScenarioSupport {

    @Autowired
    Compute compute;

    @Test
    void theWorkflowWaitsUntilNovaReportsTheHostDownThenEvacuates() {
        segment("auto", true);

        String notification = hostFails("compute4");
        JsonNode done = awaitEnd(notification);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(vmoves(notification)).hasSize(3)
                .allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("succeeded"));
        var service = compute.computeService("compute4").orElseThrow();
        assertThat(service.forcedDown()).isFalse();
        assertThat(service.up()).isFalse();
        assertThat(service.enabled()).isFalse();
        assertThat(done.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                .contains("Check compute service").doesNotContain("Force down compute service");
        assertThat(done.get("recovery_workflow_details")).anySatisfy(t -> assertThat(t.toString())
                .contains("Nova reports the nova-compute service of compute4 down."));
    }

    @Test
    void aHostNovaStillSeesUpEndsInErrorWithoutEvacuatingAnything() {
        segment("auto", true);

        Response r = report("compute3", "STOPPED", "NORMAL");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String notification = r.json().at("/notification/notification_uuid").asText();
        JsonNode done = awaitEnd(notification);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("error");
        assertThat(done.get("message").asText()).isEqualTo("Nova did not report the nova-compute service of "
                + "compute3 down in time, so its instances could not be evacuated.");
        assertThat(vmoves(notification)).isEmpty();
        assertThat(cloud.evacuationsAccepted()).isZero();
        assertThat(compute.computeService("compute3").orElseThrow().forcedDown()).isFalse();
    }
}
