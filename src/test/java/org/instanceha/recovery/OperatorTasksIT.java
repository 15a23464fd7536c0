package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.recovery.evacuation.InstanceEvacuation;
import org.instanceha.recovery.operator.OperatorRules;
import org.instanceha.recovery.operator.OperatorTasks;
import org.instanceha.recovery.operator.OperatorsInTasklist;
import org.instanceha.recovery.stranded.StrandedNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The instances the engine could not recover, through the v1 API, the simulator and Camunda's task REST
 * API as Tasklist uses it: a large instance on the failed host fits nowhere (the others took the room),
 * its automatic retry fails too, and a user task for ha-operators waits for a decision.
 */
class OperatorTasksIT extends RecoveryScenarioSupport {

    @Autowired
    StrandedNotifications sweep;

    @Autowired
    org.instanceha.nova.Compute compute;

    private JsonNode openTask(String notification) {
        Response tasks = api.get("/engine-rest/task?candidateGroup=ha-operators&processInstanceBusinessKey="
                + notification).send();
        assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
        assertThat(tasks.json()).as("open operator tasks").hasSize(1);
        return tasks.json().get(0);
    }

    /** Completes the task as Tasklist does, with the form's variables. */
    private Response complete(String taskId, String decision, String host, String comment) {
        return api.post("/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"operatorDecision": {"value": "%s"}, "chosenHost": {"value": %s},
                 "operatorComment": {"value": %s}}}""".formatted(decision, host == null ? "null" : "\"" + host + "\"",
                comment == null ? "null" : "\"" + comment + "\"")).send();
    }

    /** The attempts on one instance, first first: status, target, destination, message, who decided. */
    private List<Map<String, Object>> attempts(String notification, String instanceName) {
        return jdbc.sql("""
                SELECT status, target_host, dest_host, message, decided_by, operator_task_id FROM vmoves
                WHERE notification_uuid = :n AND instance_name = :i ORDER BY attempt""")
                .param("n", notification).param("i", instanceName).query().listOfRows();
    }

    @Test
    void anInstanceThatFitsNowhereIsRetriedThenHandedToTheOperatorsWhoRetryOnAHostThatNowHasRoom() {
        String notification = bigInstanceFitsNowhere();

        JsonNode waiting = api.get("/v1/notifications/" + notification).version("1.1").send().json()
                .get("notification");
        assertThat(waiting.get("status").asText()).as("error while an operator has it").isEqualTo("error");
        assertThat(attempts(notification, "big")).extracting(a -> a.get("status")).containsExactly("failed", "failed");
        assertThat(attempts(notification, "big").get(1).get("message").toString()).startsWith("Retry: No host has room");
        JsonNode task = openTask(notification);
        assertThat(task.get("name").asText()).isEqualTo("Recover big by hand");
        assertThat(attempts(notification, "big").get(1).get("operator_task_id")).isEqualTo(task.get("id").asText());
        Map<String, JsonNode> form = formVariables(task.get("id").asText());
        assertThat(form.get("instanceName").get("value").asText()).isEqualTo("big");
        assertThat(form.get("sourceHost").get("value").asText()).isEqualTo("compute4");
        assertThat(form.get("attempts").get("value").asText()).contains("Attempt 1", "Attempt 2", "No host has room");
        assertThat(form.get("segmentSummary").get("value").asText()).isEqualTo("seg-auto (recovery method auto)");
        assertThat(form.get("candidateHostsSummary").get("value").asText()).contains("compute5 (")
                .doesNotContain("compute1", "compute2", "compute3");

        addHost(segmentOf(notification), "compute6", false, 0);
        Response completed = complete(task.get("id").asText(), "retry_on_host", "compute6", "new host racked");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        List<Map<String, Object>> attempts = attempts(notification, "big");
        assertThat(attempts).extracting(a -> a.get("status")).containsExactly("failed", "failed", "succeeded");
        assertThat(attempts.get(2)).containsEntry("target_host", "compute6").containsEntry("dest_host", "compute6");
        assertThat(attempts.get(1)).containsEntry("decided_by", "admin").containsEntry("operator_task_id", null);
        assertThat(attempts.get(1).get("message").toString()).contains("admin chose a retry on compute6 at",
                "new host racked");
        assertThat(serverHost("big")).isEqualTo("compute6");
        assertThat(done.get("message").asText()).contains("evacuated");
    }

    @Test
    void tasklistIsReadyOnFirstStartWithTheGroupItsAdministratorAndTheSharedFilter() {
        String notification = bigInstanceFitsNowhere();
        String taskId = openTask(notification).get("id").asText();

        assertThat(api.get("/engine-rest/group?id=ha-operators").send().json()).hasSize(1);
        assertThat(api.get("/engine-rest/group?member=admin").send().json()).extracting(g -> g.get("id").asText())
                .contains("ha-operators");
        JsonNode filters = api.get("/engine-rest/filter?name=" + OperatorsInTasklist.FILTER_NAME.replace(" ", "%20"))
                .send().json();
        assertThat(filters).hasSize(1);
        Response listed = api.post("/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list", "{}").send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json()).extracting(t -> t.get("id").asText()).contains(taskId);
        assertThat(api.get("/engine-rest/authorization?groupIdIn=ha-operators&resourceType=0").send().json())
                .as("the group may open Tasklist").extracting(a -> a.get("resourceId").asText()).contains("tasklist");
    }

    @Test
    void aHostWithoutRoomKeepsTheTaskOpenAndSaysWhy() {
        String notification = bigInstanceFitsNowhere();
        String taskId = openTask(notification).get("id").asText();

        Response refused = complete(taskId, "retry_on_host", "compute2", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("Host 'compute2' cannot take the instance now",
                "Hosts that can: compute5");
        Response noComment = complete(taskId, "give_up", null, " ");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("message").asText()).contains("Say in the comment why");
        Response nonsense = complete(taskId, "reboot_the_world", null, null);
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.json().get("message").asText()).contains("'reboot_the_world' is none of them");

        assertThat(openTask(notification).get("id").asText()).as("still open").isEqualTo(taskId);
        assertThat(attempts(notification, "big")).hasSize(2);
    }

    @Test
    void anInstanceRecoveredByHandEndsTheNotificationFinished() {
        String notification = bigInstanceFitsNowhere();
        String taskId = openTask(notification).get("id").asText();

        assertThat(complete(taskId, "recovered_by_hand", null, "evacuated with openstack server evacuate").status())
                .isEqualTo(204);

        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).isEqualTo("finished");
        Map<String, Object> last = attempts(notification, "big").get(1);
        assertThat(last).containsEntry("status", "succeeded").containsEntry("decided_by", "admin");
        assertThat(last.get("message").toString()).startsWith("Recovered by hand by admin at ")
                .endsWith(": evacuated with openstack server evacuate");
    }

    @Test
    void anInstanceGivenUpStaysWhereItIsUnlockedAndTheNotificationEndsInError() {
        String notification = bigInstanceFitsNowhere();
        String taskId = openTask(notification).get("id").asText();

        assertThat(complete(taskId, "give_up", null, "customer deletes it anyway").status()).isEqualTo(204);

        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).isEqualTo("error");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification).count())
                .as("the workflow ended").isZero();
        Map<String, Object> last = attempts(notification, "big").get(1);
        assertThat(last).containsEntry("status", "failed").containsEntry("decided_by", "admin");
        assertThat(last.get("message").toString()).startsWith("Given up by admin at ")
                .contains("customer deletes it anyway");
        assertThat(serverHost("big")).isEqualTo("compute4");
        assertThat(compute.server(cloud.serverNamed("big").orElseThrow().id()).orElseThrow().locked()).isFalse();
        assertThat(List.of("vm10", "vm11", "vm12")).allSatisfy(vm -> assertThat(serverHost(vm)).isNotEqualTo("compute4"));
    }

    @Test
    void aNotificationWithAnOpenTaskExpiresAfterTheConfiguredTime() {
        String notification = bigInstanceFitsNowhere();
        openTask(notification);
        assertThat(sweep.expireAll()).as("nothing expires before its time").isZero();

        jdbc.sql("UPDATE notifications SET created_at = created_at - INTERVAL '25' HOUR WHERE notification_uuid = :n")
                .param("n", notification).update();
        assertThat(sweep.expireAll()).isEqualTo(1);

        JsonNode expired = api.get("/v1/notifications/" + notification).version("1.1").send().json()
                .get("notification");
        assertThat(expired.get("status").asText()).isEqualTo("failed");
        assertThat(expired.get("message").asText()).startsWith("Expired: not recovered within 24 h");
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + notification).send().json()).isEmpty();
        assertThat(attempts(notification, "big").get(1)).containsEntry("operator_task_id", null);
        assertThat(attempts(notification, "big").get(1).get("message").toString())
                .startsWith("The notification expired before an operator decided.");
        assertThat(sweep.expireAll()).as("once").isZero();
    }

    @Test
    void theFormsFieldsAreExactlyTheVariablesTheWorkflowReads() {
        String notification = bigInstanceFitsNowhere();
        String taskId = openTask(notification).get("id").asText();
        DeployedForm form = deployedForm(taskId);
        assertThat(form.id()).isEqualTo(InstanceEvacuation.OPERATOR_FORM);
        assertThat(form.keys()).containsExactlyInAnyOrderElementsOf(OperatorTasks.OPERATOR_FORM_FIELDS);
        assertThat(form.choices()).containsExactlyInAnyOrder(OperatorRules.EVACUATION_CHOICES.stream()
                .map(OperatorRules.Decision::wireName).toArray(String[]::new));
        assertThat(formVariables(taskId).keySet()).as("what the form shows is what the hand-over wrote")
                .containsAll(form.shown());
        Set<String> shown = form.shown();
        assertThat(shown).contains("instanceName", "instanceUuid", "novaState", "novaFault", "attempts",
                "notificationSummary", "segmentSummary", "candidateHostsSummary");
    }

    private String segmentOf(String notification) {
        return jdbc.sql("SELECT failover_segment_uuid FROM notifications WHERE notification_uuid = :n")
                .param("n", notification).query(String.class).single();
    }
}
