package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.instanceha.OwnSettingsContext;
import org.junit.jupiter.api.Test;

/** With {@code stranded-check-interval} set, the check runs on its own: nobody calls it here. */
@OwnSettingsContext
class StrandedCheckScheduleIT extends RecoveryScenarioSupport {

    @Test
    void aNotificationWithoutWorkflowIsSettledWithinTheInterval() {
        String segment = segment("auto", true);
        String host = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute2' AND deleted = 0").query(String.class)
                .single();
        storeNotification(segment, host, "running");
        String notification = jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).single();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> !api.get(
                "/v1/notifications/" + notification).send().json().at("/notification/status").asText().equals("running"));

        var settled = api.get("/v1/notifications/" + notification).send().json().get("notification");
        assertThat(settled.get("status").asText()).isEqualTo("error");
        assertThat(settled.get("message").asText()).startsWith("No recovery workflow exists for this notification");
    }
}
