package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.recovery.stranded.StrandedNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications whose workflow is gone while they still say new or running: cancelled through
 * Camunda's REST API as Cockpit does, ended without recording it, or never started. The periodic check
 * is off in tests (they store such notifications on purpose), so these call it.
 */
class StrandedNotificationsIT extends RecoveryScenarioSupport {

    @Autowired
    StrandedNotifications stranded;

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Test
    void aRecoveryCancelledInCockpitEndsInErrorAndItsUnfinishedMovesFail() {
        segment("auto", true);
        cloud.setEvacuationTime(Duration.ofSeconds(60));
        String notification = hostFails("compute4");
        await().atMost(Duration.ofSeconds(30)).until(() -> vmoves(notification).stream()
                .anyMatch(m -> m.get("status").asText().equals("ongoing")));

        assertThat(stranded.settleAll()).as("a live workflow is left alone").isZero();
        assertThat(status(notification)).isEqualTo("running");

        Response instances = api.get("/engine-rest/process-instance?businessKey=" + notification).send();
        String instance = instances.json().get(0).get("id").asText();
        // The workflow's timers fire every 200 ms: a cancel can meet one (409/500, as in Cockpit); ask again.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.delete("/engine-rest/process-instance/" + instance
                + "?skipCustomListeners=true&skipIoMappings=true").send().status() == 204);

        assertThat(stranded.settleAll()).isEqualTo(1);
        JsonNode settled = api.get("/v1/notifications/" + notification).version("1.1").send().json()
                .get("notification");
        assertThat(settled.get("status").asText()).isEqualTo("error");
        assertThat(settled.get("message").asText()).startsWith("The recovery workflow was cancelled")
                .endsWith("0 of 3 instance(s) evacuated, 3 not finished.");
        assertThat(settled.get("recovery_workflow_details")).extracting(t -> t.get("name").asText())
                .contains(StrandedNotifications.TASK);
        assertThat(vmoves(notification)).hasSize(3).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("failed");
            assertThat(m.get("message").asText()).isEqualTo("The recovery was cancelled before this evacuation "
                    + "ended; check the instance in Nova.");
        });
        assertThat(stranded.settleAll()).as("settled once").isZero();
    }

    @Test
    void aNotificationLeftRunningAfterItsWorkflowEndedSaysWhatItsMovesShow() {
        segment("auto", true);
        String notification = hostFails("compute4");
        assertThat(awaitEnd(notification).get("status").asText()).isEqualTo("finished");
        jdbc.sql("UPDATE notifications SET status = 'running', message = NULL WHERE notification_uuid = :n")
                .param("n", notification).update();

        assertThat(stranded.settleAll()).isEqualTo(1);

        JsonNode settled = api.get("/v1/notifications/" + notification).send().json().get("notification");
        assertThat(settled.get("status").asText()).isEqualTo("finished");
        assertThat(settled.get("message").asText()).isEqualTo("The recovery workflow ended. 3 of 3 instance(s) evacuated.");
        assertThat(vmoves(notification)).hasSize(3)
                .allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("succeeded"));
    }

    @Test
    void aNewNotificationLeftWithoutAWorkflowIsStartedOnceAfterStartAfter() throws Exception {
        String segment = segment("auto", true);
        cloud.failHost("compute4");
        String host = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute4' AND deleted = 0").query(String.class)
                .single();
        String notification = storeNotification(segment, host, "new");
        jdbc.sql("UPDATE notifications SET payload = :p WHERE notification_uuid = :n")
                .param("p", "{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\", \"cluster_status\": \"OFFLINE\"}")
                .param("n", notification).update();
        assertThat(stranded.startNeglected()).as("stored a moment ago: not yet").isZero();
        assertThat(stranded.settleAll()).as("nor settled as stranded").isZero();

        jdbc.sql("UPDATE notifications SET created_at = created_at - INTERVAL '2' MINUTE WHERE notification_uuid = :n")
                .param("n", notification).update();
        // Two nodes sweeping at once start it once.
        assertThat(org.instanceha.AtOnce.countWinners(2, List.of(() -> stranded.startNeglected() > 0,
                () -> stranded.startNeglected() > 0))).isEqualTo(1);

        assertThat(awaitEnd(notification).get("status").asText()).isEqualTo("finished");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(notification)
                .rootProcessInstances().count() + history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(notification).rootProcessInstances().count())
                .as("one workflow").isEqualTo(1);
        assertThat(stranded.startNeglected()).isZero();
    }

    @Test
    void aRunningNotificationWithoutAnyWorkflowEndsInError() {
        String segment = segment("auto", true);
        String host = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute1' AND deleted = 0").query(String.class)
                .single();
        storeNotification(segment, host, "running");
        String notification = jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).single();

        assertThat(stranded.settleAll()).isEqualTo(1);

        JsonNode settled = api.get("/v1/notifications/" + notification).send().json().get("notification");
        assertThat(settled.get("status").asText()).isEqualTo("error");
        assertThat(settled.get("message").asText()).startsWith("No recovery workflow exists for this notification");
    }

    private String status(String notification) {
        return api.get("/v1/notifications/" + notification).send().json().at("/notification/status").asText();
    }
}
