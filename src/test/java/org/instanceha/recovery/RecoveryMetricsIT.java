package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.Test;

/**
 * After a recovery, {@code /actuator/prometheus} (admin only) shows what it did: its duration, its
 * first evacuation, each evacuation, the VM moves by status, the Nova calls by operation, and the
 * engine's gauges. Other tests share the application, so the figures are compared before and after.
 */
class RecoveryMetricsIT extends RecoveryScenarioSupport {

    private String scrape() {
        Response r = api.get("/actuator/prometheus").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text();
    }

    /** The sum of the samples of {@code name} whose labels include every {@code label="value"} given. */
    private static double value(String scrape, String name, String... labels) {
        return scrape.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aRecoveryShowsInThePrometheusFigures() {
        segment("auto", true);
        String before = scrape();

        awaitEnd(hostFails("compute4"));
        String after = scrape();

        String recovery = "instanceha_recovery_duration_seconds_count";
        String[] labels = {"type=\"COMPUTE_HOST\"", "recovery_method=\"auto\"", "status=\"finished\""};
        assertThat(value(after, recovery, labels) - value(before, recovery, labels)).isEqualTo(1.0);
        assertThat(value(after, "instanceha_recovery_duration_seconds_bucket", labels)).isPositive();
        assertThat(value(after, "instanceha_recovery_first_evacuation_seconds_count", "recovery_method=\"auto\"")
                - value(before, "instanceha_recovery_first_evacuation_seconds_count", "recovery_method=\"auto\""))
                .isEqualTo(1.0);
        assertThat(value(after, "instanceha_evacuation_duration_seconds_count")
                - value(before, "instanceha_evacuation_duration_seconds_count")).isEqualTo(3.0);
        assertThat(value(after, "instanceha_vmoves_total", "status=\"succeeded\"")
                - value(before, "instanceha_vmoves_total", "status=\"succeeded\"")).isEqualTo(3.0);
        String evacuate = "instanceha_nova_request_seconds_count";
        assertThat(value(after, evacuate, "operation=\"evacuate\"", "outcome=\"ok\"")
                - value(before, evacuate, "operation=\"evacuate\"", "outcome=\"ok\"")).isEqualTo(3.0);
        for (String gauge : new String[] {"instanceha_jobs_backlog", "instanceha_jobs_failed",
                "instanceha_incidents_open", "instanceha_operator_tasks_open"}) {
            assertThat(after).as(gauge).containsPattern("(?m)^" + gauge + " \\d");
        }
    }

    @Test
    void novaErrorsAreCountedByOperationAndStatus() {
        segment("auto", true);
        String before = scrape();
        // Two calls fail: a read is tried READ_RETRIES + 1 times within one call before it counts as failed.
        cloud.failNextRequests(6, 503); // NovaRequests.READ_RETRIES is 2: three tries per call

        awaitEnd(hostFails("compute4"));
        String after = scrape();

        String errors = "instanceha_nova_request_seconds_count";
        assertThat(value(after, errors, "outcome=\"error\"", "status=\"503\"")
                - value(before, errors, "outcome=\"error\"", "status=\"503\"")).isEqualTo(2.0);
    }

    @Test
    void theFiguresAreForAdministratorsOnly() {
        assertThat(api.get("/actuator/prometheus").anonymous().send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").as(org.instanceha.TestUsers.OPERATOR,
                org.instanceha.TestUsers.OPERATOR_PASSWORD).send().status()).isEqualTo(403);
    }
}
