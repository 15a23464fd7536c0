package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.recovery.instancefailure.InstanceFailureRecovery;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.recovery.operator.OperatorTasks;
import org.instanceha.simulator.SimulatedServer;
import org.junit.jupiter.api.Test;

/**
 * VM notifications through the v1 API and through engine-rest, against the simulator: what
 * masakari-monitors' instance monitor sends when a guest crashes, and the other cases of Masakari's rules.
 */
class InstanceFailureRecoveryIT extends RecoveryScenarioSupport {

    /**
     * What masakari-monitors' instance monitor posts (instancemonitor/libvirt_handler/callback.py,
     * {@code libvirt_event_callback}: type VM, the host's {@code socket.gethostname()},
     * {@code timeutils.utcnow()} serialised with microseconds and no zone, libvirt's event id as
     * {@code event}, its detail as {@code vir_domain_event}, the domain's uuid as {@code instance_uuid}).
     */
    private Response instanceMonitorReports(String host, String event, String virDomainEvent, String instanceUuid) {
        return api.post("/v1/notifications", """
                {"notification": {"type": "VM", "hostname": "%s", "generated_time": "%s",
                 "payload": {"event": "%s", "instance_uuid": "%s", "vir_domain_event": "%s"}}}"""
                .formatted(host, LocalDateTime.now(ZoneOffset.UTC).withNano(654321000), event, instanceUuid,
                        virDomainEvent)).send();
    }

    private String accepted(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().at("/notification/type").asText()).isEqualTo("VM");
        return r.json().at("/notification/notification_uuid").asText();
    }

    private SimulatedServer server(String name) {
        return cloud.serverNamed(name).orElseThrow();
    }

    private List<Map<String, Object>> attempts(String notification) {
        return jdbc.sql("""
                SELECT attempt, status, states, message, decided_by, decision, operator_task_id FROM instance_restarts
                WHERE notification_uuid = :n ORDER BY attempt""").param("n", notification).query().listOfRows();
    }

    @Test
    void eachAcceptedEventPairRestartsACrashedInstanceOnce() {
        segment("auto", true);
        String id = server("vm7").id();
        String[][] pairs = {{"LIFECYCLE", "STOPPED_FAILED"}, {"QEMU_GUEST_AGENT_ERROR", "STOPPED_FAILED"},
                {"IO_ERROR", "IO_ERROR_REPORT"}};
        for (String[] pair : pairs) {
            int stops = cloud.stopsAccepted(id);
            int starts = cloud.startsAccepted(id);
            cloud.crash("vm7");
            String notification = accepted(instanceMonitorReports("compute3", pair[0], pair[1], id));

            JsonNode done = awaitEnd(notification);
            assertThat(done.get("status").asText()).as(pair[0] + " " + done).isEqualTo("finished");
            assertThat(done.get("message").asText()).startsWith("Instance vm7 was restarted on compute3 and is ACTIVE "
                    + "again");
            assertThat(server("vm7").vmState()).isEqualTo("active");
            assertThat(server("vm7").powerState()).isEqualTo(1);
            assertThat(server("vm7").host()).isEqualTo("compute3");
            assertThat(cloud.stopsAccepted(id) - stops).as("stops").isEqualTo(1);
            assertThat(cloud.startsAccepted(id) - starts).as("starts").isEqualTo(1);
            assertThat(attempts(notification)).singleElement().satisfies(a -> {
                assertThat(a.get("status")).isEqualTo("succeeded");
                assertThat(a.get("states")).isEqualTo("active -> stopped -> active");
            });
            assertThat(done.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                    .containsSubsequence("Register instance failure", "Check the instance", "Stop instance",
                            "Check instance stopped", "Start instance", "Check instance active",
                            "Record instance restarted", "Finish notification");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmoves").query(Long.class).single()).as("nothing is evacuated")
                .isZero();
    }

    @Test
    void anOwnersShutdownAndOtherEventsAreIgnoredWithTheirName() {
        segment("auto", true);
        String id = server("vm7").id();
        for (String[] pair : new String[][] {{"LIFECYCLE", "STOPPED_SHUTDOWN"}, {"LIFECYCLE", "SUSPENDED_IOERROR"},
                {"REBOOT", "UNKNOWN"}}) {
            JsonNode done = awaitEnd(accepted(instanceMonitorReports("compute3", pair[0], pair[1], id)));
            assertThat(done.get("status").asText()).isEqualTo("ignored");
            assertThat(done.get("message").asText()).startsWith("Event " + pair[0] + " (" + pair[1] + ") of instance "
                    + id + " does not call for a recovery");
        }
        assertThat(cloud.stopsAccepted(id)).isZero();
    }

    @Test
    void anInstanceWithoutHaEnabledFinishesWithNothingDone() {
        segment("auto", true);
        String id = server("vm8").id();
        cloud.crash("vm8");
        JsonNode done = awaitEnd(accepted(instanceMonitorReports("compute3", "LIFECYCLE", "STOPPED_FAILED", id)));
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("message").asText()).isEqualTo("Instance vm8 (" + id + ") is not HA-enabled (no "
                + "HA_Enabled=True metadata): nothing was done.");
        assertThat(cloud.stopsAccepted(id)).isZero();
    }

    @Test
    void pausedOrRescuedInstancesAndOnesOnAnotherHostAreLeftAlone() {
        segment("auto", true);
        String id = server("vm7").id();
        // Different event pairs: the same report twice within duplicate-interval would be a duplicate.
        for (String[] stateAndEvent : new String[][] {{"paused", "LIFECYCLE", "STOPPED_FAILED"},
                {"rescued", "IO_ERROR", "IO_ERROR_REPORT"}}) {
            String state = stateAndEvent[0];
            cloud.putInVmState("vm7", state);
            JsonNode done = awaitEnd(accepted(instanceMonitorReports("compute3", stateAndEvent[1], stateAndEvent[2],
                    id)));
            assertThat(done.get("status").asText()).isEqualTo("ignored");
            assertThat(done.get("message").asText()).isEqualTo("Recovery of instance vm7 (" + id + ") is ignored as "
                    + "it is in '" + state + "' state.");
            assertThat(server("vm7").vmState()).isEqualTo(state);
        }
        cloud.putInVmState("vm7", "active");
        JsonNode moved = awaitEnd(accepted(instanceMonitorReports("compute2", "LIFECYCLE", "STOPPED_FAILED", id)));
        assertThat(moved.get("status").asText()).isEqualTo("ignored");
        assertThat(moved.get("message").asText()).contains("is on compute3 now, not on compute2");
        assertThat(cloud.stopsAccepted(id)).isZero();
    }

    @Test
    void aResizedInstanceIsResetToActiveThenRestarted() {
        segment("auto", true);
        String id = server("vm7").id();
        cloud.putInVmState("vm7", "resized");
        JsonNode done = awaitEnd(accepted(instanceMonitorReports("compute3", "LIFECYCLE", "STOPPED_FAILED", id)));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(server("vm7").vmState()).isEqualTo("active");
        assertThat(attempts(done.get("notification_uuid").asText())).singleElement()
                .satisfies(a -> assertThat(a.get("states")).isEqualTo("resized -> active -> stopped -> active"));
        assertThat(done.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                .containsSubsequence("Check the instance", "Reset resized instance to active", "Stop instance");
    }

    @Test
    void anInstanceThatDoesNotStartIsHandedToTheOperatorsWhoseDecisionEndsTheNotification() {
        segment("auto", true);
        String id = server("vm7").id();
        cloud.crash("vm7");
        cloud.refuseToStart("vm7", true);
        String notification = accepted(instanceMonitorReports("compute3", "LIFECYCLE", "STOPPED_FAILED", id));
        JsonNode waiting = awaitEnd(notification);
        assertThat(waiting.get("status").asText()).as("error while an operator has it").isEqualTo("error");
        assertThat(waiting.get("message").asText()).isEqualTo("vm7 did not come back ACTIVE after 1 restart "
                + "attempt(s); handed to the operators (group ha-operators).");
        assertThat(attempts(notification)).singleElement().satisfies(a -> {
            assertThat(a.get("status")).isEqualTo("failed");
            assertThat(a.get("states")).isEqualTo("active -> stopped");
            assertThat((String) a.get("message")).startsWith("vm7 is not active: Nova shows status SHUTOFF, vm_state "
                    + "stopped, task_state none");
            assertThat(a.get("operator_task_id")).isNotNull();
        });
        assertThat(api.get("/v1/notifications?status=error").send().json().at("/notifications/0/notification_uuid")
                .asText()).isEqualTo(notification);

        JsonNode task = api.get("/engine-rest/task?candidateGroup=ha-operators&processInstanceBusinessKey="
                + notification).send().json().get(0);
        assertThat(task.get("name").asText()).isEqualTo("Restart vm7 by hand");
        DeployedForm form = deployedForm(task.get("id").asText());
        assertThat(form.id()).isEqualTo(InstanceFailureRecovery.RESTART_FORM);
        assertThat(form.keys()).containsExactlyInAnyOrder(OperatorTasks.OPERATOR_DECISION,
                OperatorTasks.OPERATOR_COMMENT);
        assertThat(form.choices()).containsExactlyInAnyOrder(OperatorRules.RESTART_CHOICES.stream()
                .map(OperatorRules.Decision::wireName).toArray(String[]::new));
        Map<String, JsonNode> seen = formVariables(task.get("id").asText());
        assertThat(seen.keySet()).as("what the form shows is what the hand-over wrote").containsAll(form.shown());
        assertThat(seen.get("novaState").get("value").asText()).startsWith("status SHUTOFF, vm_state stopped");
        assertThat(seen.get("attempts").get("value").asText()).startsWith("- Attempt 1: failed, active -> stopped");
        Response refused = api.post("/engine-rest/task/" + task.get("id").asText() + "/complete", """
                {"variables": {"operatorDecision": {"value": "retry_on_host"}}}""").send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).endsWith("Choose what to do with the instance (retry, "
                + "recovered_by_hand, give_up); 'retry_on_host' is none of them.");

        cloud.refuseToStart("vm7", false);
        Response retry = api.post("/engine-rest/task/" + task.get("id").asText() + "/complete", """
                {"variables": {"operatorDecision": {"value": "retry"}, "operatorComment": {"value": "host fixed"}}}""")
                .send();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(204);
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(server("vm7").vmState()).isEqualTo("active");
        List<Map<String, Object>> attempts = attempts(notification);
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly("failed", "succeeded");
        assertThat(attempts.get(0).get("decided_by")).isEqualTo("admin");
        assertThat(attempts.get(0).get("decision")).isEqualTo("retry");
        assertThat((String) attempts.get(0).get("message")).contains("admin chose a retry at").endsWith(": host fixed");
        assertThat(attempts.get(0).get("operator_task_id")).isNull();
    }

    @Test
    void anOperatorWhoGivesUpLeavesTheNotificationInError() {
        segment("auto", true);
        String id = server("vm7").id();
        cloud.crash("vm7");
        cloud.refuseToStart("vm7", true);
        String notification = accepted(instanceMonitorReports("compute3", "LIFECYCLE", "STOPPED_FAILED", id));
        awaitEnd(notification);
        String taskId = api.get("/engine-rest/task?processInstanceBusinessKey=" + notification).send().json().get(0)
                .get("id").asText();
        Response noComment = api.post("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"operatorDecision": {"value": "give_up"}}}""").send();
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("message").asText()).endsWith("Say in the comment why the instance is given up.");
        Response givenUp = api.post("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"operatorDecision": {"value": "give_up"}, "operatorComment": {"value": "disk gone"}}}""")
                .send();
        assertThat(givenUp.status()).isEqualTo(204);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engineIsDoneWith(notification)
                && runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification).count() == 0);
        JsonNode done = api.get("/v1/notifications/" + notification).send().json().get("notification");
        assertThat(done.get("status").asText()).isEqualTo("error");
        assertThat(attempts(notification)).singleElement().satisfies(a -> {
            assertThat(a.get("status")).isEqualTo("failed");
            assertThat((String) a.get("message")).startsWith("vm7 given up by admin at").contains(": disk gone (before: ");
            assertThat(a.get("decision")).isEqualTo("give_up");
        });
    }

    @Test
    void aDisabledSegmentIgnoresTheFailure() {
        segment("auto", false);
        String id = server("vm7").id();
        cloud.crash("vm7");
        JsonNode done = awaitEnd(accepted(instanceMonitorReports("compute3", "LIFECYCLE", "STOPPED_FAILED", id)));
        assertThat(done.get("status").asText()).isEqualTo("ignored");
        assertThat(done.get("message").asText()).startsWith("Failover segment seg-auto is disabled");
        assertThat(cloud.stopsAccepted(id)).isZero();
    }

    @Test
    void theSameReportTwiceIsADuplicate() {
        segment("auto", true);
        String id = server("vm7").id();
        String body = """
                {"notification": {"type": "VM", "hostname": "compute3", "generated_time": "%s",
                 "payload": {"event": "LIFECYCLE", "instance_uuid": "%s", "vir_domain_event": "STOPPED_FAILED"}}}"""
                .formatted(LocalDateTime.now(ZoneOffset.UTC), id);
        accepted(api.post("/v1/notifications", body).send());
        Response again = api.post("/v1/notifications", body).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void aRecoveryStartedThroughEngineRestEndsLikeOneReportedThroughV1() {
        segment("auto", true);
        String id = server("vm7").id();
        cloud.crash("vm7");
        String notification = startedThroughEngineRest("instance-failure-recovery", "compute3", "VM",
                "{\"event\": \"LIFECYCLE\", \"instance_uuid\": \"" + id + "\", \"vir_domain_event\": \"STOPPED_FAILED\"}");
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("type").asText()).isEqualTo("VM");
        assertThat(cloud.startsAccepted(id)).isEqualTo(1);
    }
}
