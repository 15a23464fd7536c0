package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.Test;

/**
 * The host monitor's mass failures against the simulated cloud: every host dead at once is our own network; a
 * segment failing in mass waits for the operators' approval, and is reported only once approved, or never when
 * rejected. The tests run the cycles themselves, as in {@link DetectionScenarioIT}.
 */
@org.junit.jupiter.api.Tag("workflow")
class MassFailureScenarioIT extends DetectionSupport {

    @Test
    void everyHostDeadAtOnceIsOurOwnNetworkNotTheirs() throws Exception {
        watched(bmc("compute4", null));
        cloud.failHost("compute1", "compute2", "compute3", "compute4");

        cyclesUntil(() -> monitor.alert() != null && monitor.alert().contains("looks dead at once"));

        assertThat(monitor.alert()).contains("looks dead at once");
        assertThat(notifications()).isEmpty();
    }

    /** compute2..4 of the four hang at once: a mass failure, one task for the operators, nothing reported. */
    private String massFailureWaitingForApproval() throws Exception {
        watched(bmc("compute4", null));
        // At one instant: hosts that stopped a moment apart may be judged late in different cycles.
        cloud.failHost("compute2", "compute3", "compute4");
        cyclesUntil(() -> monitor.alert() != null && monitor.alert().contains("waits for an operator"));

        assertThat(monitor.alert()).contains("3 of 4 hosts of segment watched failed at once")
                .contains("\"Approve recovery of 3 hosts\" waits for an operator");
        JsonNode tasks = api.get("/engine-rest/task?processDefinitionKey=mass-failure-approval").send().json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("Approve recovery of 3 hosts");
        String task = tasks.get(0).get("id").asText();
        String table = api.get("/engine-rest/task/" + task + "/form-variables").send().json()
                .at("/failedHostsTable/value").asText();
        assertThat(table).contains("| compute2 | failed |", "| compute3 | failed |", "| compute4 | failed |")
                .contains("management address none, BMC on").doesNotContain("compute1");
        cyclesFor(Duration.ofSeconds(2));
        assertThat(api.get("/engine-rest/task?processDefinitionKey=mass-failure-approval").send().json())
                .as("one approval, not one per cycle").hasSize(1);
        assertThat(notifications()).as("nothing reported before it is approved").isEmpty();
        return task;
    }

    private Response decide(String task, String decision, String comment) {
        return api.post("/engine-rest/task/" + task + "/complete", """
                {"variables": {"operatorDecision": {"value": "%s"}%s}}""".formatted(decision, comment == null ? ""
                : ", \"operatorComment\": {\"value\": \"" + comment + "\"}")).send();
    }

    @Test
    void aMassFailureWaitsForTheOperatorsApprovalAndApprovingRecoversEveryHost() throws Exception {
        String task = massFailureWaitingForApproval();

        Response approved = decide(task, "approve", null);

        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications().size() == 3);
        assertThat(notifications()).allSatisfy(n -> assertThat(n).startsWith("COMPUTE_HOST")
                .contains("\"host_status\":\"UNKNOWN\""));
        assertThat(jdbc.sql("SELECT message FROM recovery_progress WHERE task_name = 'Host monitor' AND message LIKE "
                + "'%reported%'").query(String.class).list()).hasSize(3)
                .allSatisfy(m -> assertThat(m).endsWith("Approved by admin."));
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("compute2", "compute3", "compute4").stream()
                .noneMatch(h -> cloud.findHost(h).orElseThrow().poweredOn()));
    }

    @Test
    void aRejectedMassFailureIsNeverReported() throws Exception {
        String task = massFailureWaitingForApproval();

        Response withoutReason = decide(task, "reject", null);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("message").asText())
                .endsWith("Say in the comment why none of the hosts is recovered.");
        assertThat(decide(task, "reject", "switch sw-3 rebooted, the hosts run").status()).isEqualTo(204);

        cyclesFor(Duration.ofSeconds(2));
        assertThat(notifications()).isEmpty();
        assertThat(api.get("/engine-rest/task?processDefinitionKey=mass-failure-approval").send().json()).isEmpty();
        assertThat(List.of("compute2", "compute3", "compute4")).allSatisfy(h ->
                assertThat(cloud.findHost(h).orElseThrow().poweredOn()).as(h + " not fenced").isTrue());
    }
}
