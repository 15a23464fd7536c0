package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A 50-instance host failure while the simulated Nova answers 10 % of its requests with 500 or 503 and
 * lets 2 % hang past the read timeout: every instance ends recovered, waiting for an operator, or in a
 * Cockpit incident, never silently dropped, and none is evacuated twice. Prints the tally.
 */
class NovaFaultsIT extends RecoveryScenarioSupport {

    private static final int INSTANCES = 50;

    @Test
    void aRecoveryThroughAnUnreliableNovaLosesNoInstance() {
        String segment = segment("auto", true);
        for (int i = 1; i <= 3; i++) {
            cloud.addComputeHost("big" + i, 64, 65536);
            addHost(segment, "big" + i, false, 0);
        }
        cloud.addComputeHost("failing", 64, 65536);
        addHost(segment, "failing", false, 0);
        for (int i = 1; i <= INSTANCES; i++) {
            cloud.addServer("flaky" + i, "failing", "1", "demo", Map.of("HA_Enabled", "True"));
        }
        cloud.setEvacuationTime(Duration.ofSeconds(1));
        String notification = hostFails("failing");
        cloud.setRequestFaultRates(0.10, 0.02);
        long started = System.nanoTime();
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> engineIsDoneWith(notification) || hasIncidents(notification) && quiet(notification));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println(stalled(notification));
            throw e;
        } finally {
            cloud.setRequestFaultRates(0, 0);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, String> outcome = new TreeMap<>();
        for (JsonNode move : latestMoves(notification)) {
            String instance = move.get("instance_uuid").asText();
            String how = "succeeded".equals(move.get("status").asText()) ? "recovered"
                    : operatorTaskOf(notification, instance) != null ? "with an operator"
                    : "in an incident";
            outcome.put(instance, how);
            assertThat(cloud.evacuationsAccepted(instance)).as("evacuations of " + move.get("instance_name"))
                    .isLessThanOrEqualTo(jdbc.sql("SELECT COUNT(*) FROM vmoves WHERE notification_uuid = :n AND "
                            + "instance_uuid = :i").param("n", notification).param("i", instance).query(Long.class)
                            .single().intValue());
        }
        assertThat(outcome).as("every instance of the failed host has a VM move").hasSize(INSTANCES);
        long incidents = outcome.values().stream().filter("in an incident"::equals).count();
        assertThat(incidents).as("instances neither recovered nor with an operator are each in a Cockpit incident")
                .isLessThanOrEqualTo(jobs(notification, q -> q.noRetriesLeft()));
        System.out.printf("%nNOVA FAULTS 10%% 5xx, 2%% timeouts, %d instances: %d recovered, %d with an operator, "
                        + "%d in an incident, after %.1f s; %d evacuations accepted for %d instances%n%n", INSTANCES,
                outcome.values().stream().filter("recovered"::equals).count(),
                outcome.values().stream().filter("with an operator"::equals).count(), incidents, seconds,
                cloud.evacuationsAccepted(), INSTANCES);
    }

    /**
     * How many jobs of the notification's workflow the filter keeps (none once it ended): of the host's process
     * instance and of the instance evacuations it called, which share its business key.
     */
    private long jobs(String notification,
                      java.util.function.UnaryOperator<org.camunda.bpm.engine.runtime.JobQuery> filter) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification).list().stream()
                .mapToLong(p -> filter.apply(managementService.createJobQuery().processInstanceId(p.getId())).count())
                .sum();
    }

    private boolean hasIncidents(String notification) {
        return jobs(notification, q -> q.noRetriesLeft()) > 0;
    }

    /** Every job left is one without retries (an incident): nothing more happens on its own. */
    private boolean quiet(String notification) {
        return jobs(notification, q -> q.withRetriesLeft()) == 0;
    }

    private List<JsonNode> latestMoves(String notification) {
        Map<String, JsonNode> latest = new TreeMap<>();
        for (JsonNode move : vmoves(notification)) {
            latest.merge(move.get("instance_uuid").asText(), move, (a, b) -> a.get("id").asLong() > b.get("id")
                    .asLong() ? a : b);
        }
        return List.copyOf(latest.values());
    }

    private String operatorTaskOf(String notification, String instance) {
        return jdbc.sql("""
                SELECT operator_task_id FROM vmoves WHERE notification_uuid = :n AND instance_uuid = :i
                AND operator_task_id IS NOT NULL""").param("n", notification).param("i", instance)
                .query(String.class).optional().orElse(null);
    }

    /** What a recovery that stopped moving was waiting for: its jobs, its moves, the job executor's threads. */
    private String stalled(String notification) {
        StringBuilder out = new StringBuilder("\nSTALLED " + notification + "\n");
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification).list().forEach(p ->
                managementService.createJobQuery().processInstanceId(p.getId()).list().forEach(j -> out.append(
                        "  job ").append(j.getId()).append(" due ").append(j.getDuedate()).append(" retries ")
                        .append(j.getRetries()).append(" at ").append(runtimeService.getActiveActivityIds(
                                p.getId())).append(j.getExceptionMessage() == null ? ""
                                : " failed: " + j.getExceptionMessage()).append('\n')));
        jdbc.sql("SELECT status, COUNT(*) AS n FROM vmoves WHERE notification_uuid = :n GROUP BY status")
                .param("n", notification).query().listOfRows().forEach(r -> out.append("  moves ").append(r)
                        .append('\n'));
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("TaskExecutor") || thread.getName().contains("evacuation-watch")) {
                out.append("  thread ").append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    out.append("      at ").append(stack[i]).append('\n');
                }
            }
        });
        return out.toString();
    }
}
