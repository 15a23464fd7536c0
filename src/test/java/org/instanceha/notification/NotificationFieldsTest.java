package org.instanceha.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** How a report's fields are read, whether they come through the v1 API or as workflow variables. */
class NotificationFieldsTest {

    @Test
    void typesTimesAndPayloadsAreReadAsMonitorsSendThem() {
        assertThat(NotificationFields.type("VM")).isEqualTo(NotificationType.VM);
        assertThat(NotificationFields.generatedTime("2026-11-25T19:01:28.764443"))
                .isEqualTo(LocalDateTime.of(2026, 11, 25, 19, 1, 28, 764443000));
        assertThat(NotificationFields.generatedTime("2026-11-25 20:01:28+01:00"))
                .as("kept in UTC").isEqualTo(LocalDateTime.of(2026, 11, 25, 19, 1, 28));
        assertThat(NotificationFields.payload("{\"event\": \"STOPPED\"}").get("event").asText()).isEqualTo("STOPPED");
    }

    @Test
    void badFieldsAreRefusedWithMasakarisMessages() {
        assertThatThrownBy(() -> NotificationFields.type("DISK")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'DISK' is not one of ['COMPUTE_HOST', 'VM', 'PROCESS']");
        assertThatThrownBy(() -> NotificationFields.type(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NotificationFields.generatedTime("yesterday"))
                .hasMessageContaining("'yesterday' is not a 'date-time'");
        assertThatThrownBy(() -> NotificationFields.payload("[1, 2]")).hasMessageContaining("is not of type 'object'");
        assertThatThrownBy(() -> NotificationFields.payload("{event")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aComputeHostPayloadIsReadOnceIntoItsFields() {
        Notification stored = new Notification(1, "n-1", LocalDateTime.now(), "h-1", NotificationType.COMPUTE_HOST,
                "{\"cluster_status\":\"OFFLINE\",\"event\":\"STOPPED\",\"host_status\":\"NORMAL\"}",
                NotificationStatus.NEW, "s-1", null, LocalDateTime.now(), null, null, false);

        ComputeHostPayload payload = ComputeHostPayload.of(stored);

        assertThat(payload).isEqualTo(new ComputeHostPayload("STOPPED", "NORMAL", "OFFLINE"));
        assertThat(payload.stopped()).isTrue();
        assertThat(ComputeHostPayload.of(new Notification(2, "n-2", LocalDateTime.now(), "h-1",
                NotificationType.COMPUTE_HOST, "{\"event\":\"STARTED\"}", NotificationStatus.NEW, "s-1", null,
                LocalDateTime.now(), null, null, false)).hostStatus()).isNull();
    }
}
