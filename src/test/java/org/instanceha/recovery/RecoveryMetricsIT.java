package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.instanceha.HttpApi.Response;
import org.instanceha.recovery.planning.SegmentProtectionMetrics;
import org.junit.jupiter.api.Test;

/**
 * After a recovery, {@code /actuator/prometheus} (admin only) shows what it did: its duration, its
 * first evacuation, each evacuation, the VM moves by status, the Nova calls by operation, and the
 * engine's gauges. Other tests share the application, so the figures are compared before and after.
 */
class RecoveryMetricsIT extends RecoveryScenarioSupport {

    @org.springframework.beans.factory.annotation.Autowired
    SegmentProtectionMetrics protection;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.notification.NotificationRepository notifications;

    private String statusOf(String notification) {
        return api.get("/v1/notifications/" + notification).send().json().at("/notification/status").asText();
    }

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
        ch.qos.logback.classic.Logger novaCalls = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.instanceha.nova.ComputeMetrics.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        novaCalls.addAppender(logged);
        novaCalls.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            awaitEnd(hostFails("compute4"));
        } finally {
            novaCalls.setLevel(null);
            novaCalls.detachAppender(logged);
        }
        String after = scrape();
        assertThat(logged.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filter(m -> m.matches("Nova evacuate: ok in \\d+ ms")))
                .as("DEBUG lines of the Nova calls: %s", logged.list).hasSize(3);

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
        // Two calls fail: a read or a service update is tried READ_RETRIES + 1 times within one call before it
        // counts as failed.
        cloud.failNextRequests(6, 503); // NovaRequests.READ_RETRIES is 2: three tries per call

        awaitEnd(hostFails("compute4"));
        String after = scrape();

        String errors = "instanceha_nova_request_seconds_count";
        assertThat(value(after, errors, "outcome=\"error\"", "status=\"503\"")
                - value(before, errors, "outcome=\"error\"", "status=\"503\"")).isEqualTo(2.0);
    }

    @Test
    void eachSegmentsProtectionIsAGaugeWithTheFiguresOfItsRecoveryPlan() {
        String segment = segment("auto", true);
        // compute1 and compute3 are left 1024 MB free, compute2 3072 MB: compute4's new 4096 MB instance fits
        // nowhere, and compute4 (now the biggest, 7168 MB) is a loss the segment would not survive.
        cloud.addServer("filler1", "compute1", "3", "demo", java.util.Map.of());
        cloud.addServer("filler3", "compute3", "3", "demo", java.util.Map.of());
        cloud.addServer("huge", "compute4", "3", "demo", java.util.Map.of("HA_Enabled", "True"));
        protection.refresh();
        String after = scrape();

        com.fasterxml.jackson.databind.JsonNode plan = api.get("/v1/segments/" + segment + "/recovery-plan").send()
                .json().get("recovery_plan");
        String label = "segment_uuid=\"" + segment + "\"";
        assertThat(value(after, "instanceha_segment_headroom_percent", label)).as(plan.toString())
                .isEqualTo(plan.at("/headroom/percent").asDouble()).isNegative();
        assertThat(value(after, "instanceha_segment_survives_biggest_host", label)).isZero();
        assertThat(plan.at("/headroom/survives_biggest_host").asBoolean()).isFalse();
        long protectedInstances = 0;
        long unprotected = 0;
        long notSurvivable = 0;
        for (com.fasterxml.jackson.databind.JsonNode host : plan.get("hosts")) {
            protectedInstances += host.get("instances").size();
            unprotected += host.get("unprotected_instances").asLong();
            notSurvivable += host.get("survivable").asBoolean() ? 0 : 1;
        }
        assertThat(value(after, "instanceha_segment_protected_instances", label)).isEqualTo(protectedInstances)
                .isPositive();
        assertThat(value(after, "instanceha_segment_unprotected_instances", label)).isEqualTo(unprotected);
        assertThat(value(after, "instanceha_segment_hosts_not_survivable", label)).isEqualTo(notSurvivable)
                .as("compute1..4: each has an instance of 4096 MB, and no other host that much free").isEqualTo(4.0);
        assertThat(after).contains("segment=\"seg-auto\"");
        assertThat(value(after, "instanceha_segment_tolerated_host_failures", label)).as("huge fits nowhere")
                .isEqualTo(plan.get("tolerated_host_failures").asDouble()).isZero();
        assertThat(value(after, "instanceha_segment_failures_to_tolerate", label)).as("the policy's default")
                .isEqualTo(1.0);

        assertThat(api.delete("/v1/segments/" + segment).send().status()).isEqualTo(204);
        protection.refresh();
        assertThat(scrape()).as("a deleted segment has no samples").doesNotContain(label);
    }

    @Test
    void theAgesOfTheOldestOperatorTaskAndRecoveryUnderWayAreGauges() {
        String waiting = bigInstanceFitsNowhere();
        java.util.Date created = taskService.createTaskQuery().processInstanceBusinessKey(waiting).singleResult()
                .getCreateTime();
        cloud.setEvacuationTime(java.time.Duration.ofSeconds(30));
        String running = hostFails("compute2");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> cloud
                .evacuationsAccepted() > 0 && "running".equals(statusOf(running)));
        long before = System.currentTimeMillis();
        String scrape = scrape();
        long after = System.currentTimeMillis();

        double taskAge = value(scrape, "instanceha_operator_tasks_oldest_age_seconds");
        assertThat(taskAge).isBetween((before - created.getTime()) / 1000.0 - 1, (after - created.getTime()) / 1000.0 + 1);
        java.time.LocalDateTime received = notifications.require(running).createdAt();
        double since = java.time.Duration.between(received, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
                .toMillis() / 1000.0;
        assertThat(value(scrape, "instanceha_recovery_oldest_running_age_seconds")).as("at least as old as ours")
                .isGreaterThanOrEqualTo(since - 1).isPositive();
    }

    @Test
    void everyMetricTheAlertRulesAndTheGrafanaDashboardUseIsServed() throws Exception {
        segment("auto", true);
        awaitEnd(hostFails("compute4"));
        protection.refresh();
        String scrape = scrape();

        assertThat(org.instanceha.DeployFilesTest.metricNamesUsed()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    void theFiguresAreForAdministratorsOnly() {
        assertThat(api.get("/actuator/prometheus").anonymous().send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").as(org.instanceha.TestUsers.OPERATOR,
                org.instanceha.TestUsers.OPERATOR_PASSWORD).send().status()).isEqualTo(403);
    }
}
