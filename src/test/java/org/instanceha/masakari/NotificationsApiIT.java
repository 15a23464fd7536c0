package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notification API's rules; whole recoveries are HostFailureRecoveryIT's. */
class NotificationsApiIT extends ApiIntegrationTest {

    private String segment;
    private String hostUuid;

    @BeforeEach
    void segmentWithAHost() {
        // A disabled segment: notifications are taken in and end "ignored" without touching Nova.
        segment = api.post("/v1/segments", """
                {"segment": {"name": "seg1", "recovery_method": "auto", "service_type": "COMPUTE", "enabled": false}}""")
                .version("1.2").send().json().at("/segment/uuid").asText();
        hostUuid = api.post("/v1/segments/" + segment + "/hosts",
                "{\"host\": {\"name\": \"compute3\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}")
                .send().json().at("/host/uuid").asText();
    }

    private static String body(String type, String host, String time, String payload) {
        return """
                {"notification": {"type": "%s", "hostname": "%s", "generated_time": "%s", "payload": %s}}"""
                .formatted(type, host, time, payload);
    }

    private static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).toString();
    }

    private Response post(String body) {
        return api.post("/v1/notifications", body).send();
    }


    @Test
    void aReportIsAcceptedWithMasakarisFieldsAndStatusNew() {
        Response r = post(body("COMPUTE_HOST", "compute3", "2026-11-25T18:07:29",
                "{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\", \"cluster_status\": \"OFFLINE\"}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonNode n = r.json().get("notification");
        JsonNode sample = MasakariSamples.responseBody("masakari-notification-create-compute-host").get("notification");
        List<String> expected = new ArrayList<>(MasakariSamples.fieldNames(sample));
        expected.addAll(List.of("failover_segment_uuid", "message"));
        assertThat(MasakariSamples.fieldNames(n)).containsExactlyElementsOf(expected);
        assertThat(n.get("status").asText()).isEqualTo("new");
        assertThat(n.get("generated_time").asText()).isEqualTo("2026-11-25T18:07:29.000000");
        assertThat(n.get("source_host_uuid").asText()).isEqualTo(hostUuid);
        assertThat(n.get("failover_segment_uuid").asText()).isEqualTo(segment);
        assertThat(n.get("payload")).isEqualTo(sample.get("payload"));
    }

    @Test
    void invalidReportsAreRejected() {
        String stopped = "{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\"}";
        assertFault(post(body("COMPUTE_HOST", "compute9", now(), stopped)), 400, "badRequest",
                "Host with name compute9 could not be found.");
        assertFault(post(body("DISK", "compute3", now(), stopped)), 400, "badRequest", "'DISK' is not one of");
        assertFault(post(body("COMPUTE_HOST", "compute3", "yesterday", stopped)), 400, "badRequest",
                "is not a 'date-time'");
        assertFault(post(body("COMPUTE_HOST", "compute3", now(), "{\"event\": \"EXPLODED\"}")), 400, "badRequest",
                "'EXPLODED' is not one of ['STARTED', 'STOPPED']");
        assertFault(post(body("COMPUTE_HOST", "compute3", now(), "{\"host_status\": \"NORMAL\"}")), 400,
                "badRequest", "'event' is a required property");
        assertFault(post(body("COMPUTE_HOST", "compute3", now(), "{\"event\": \"STOPPED\", \"disk\": \"full\"}")), 400,
                "badRequest", "('disk' was unexpected)");
        assertFault(post(body("COMPUTE_HOST", "compute3", now(), "{\"event\": \"STOPPED\", \"host_status\": \"MAYBE\"}")),
                400, "badRequest", "'MAYBE' is not one of");
        assertFault(post(body("COMPUTE_HOST", "compute3", now(), "[]")), 400, "badRequest", "is not of type 'object'");
        assertFault(post(body("VM", "compute3", now(), "{\"instance_uuid\": \"not-a-uuid\", "
                + "\"vir_domain_event\": \"STOPPED_FAILED\", \"event\": \"LIFECYCLE\"}")), 400, "badRequest",
                "is not a 'uuid'");
        assertFault(post(body("PROCESS", "compute3", now(), "{\"process_name\": \"nova-compute\"}")), 400,
                "badRequest", "'event' is a required property");
        assertFault(post("{\"notification\": {\"type\": \"COMPUTE_HOST\", \"hostname\": \"compute3\", "
                + "\"payload\": {\"event\": \"STOPPED\"}}}"), 400, "badRequest", "'generated_time' is a required property");
        assertFault(post("{\"notification\": {\"type\": \"COMPUTE_HOST\", \"hostname\": \"compute3\", \"generated_time\": \""
                + now() + "\", \"payload\": {\"event\": \"STOPPED\"}, \"extra\": 1}}"), 400, "badRequest",
                "('extra' was unexpected)");
        assertThat(api.get("/v1/notifications").send().json().get("notifications")).isEmpty();
    }

    @Test
    void aDuplicateWithinTheIntervalIsAConflict() {
        String started = "{\"event\": \"STARTED\", \"host_status\": \"NORMAL\"}";
        LocalDateTime first = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(10);
        assertThat(post(body("COMPUTE_HOST", "compute3", first.toString(), started)).status()).isEqualTo(202);

        assertFault(post(body("COMPUTE_HOST", "compute3", first.plusSeconds(100).toString(),
                "{\"host_status\": \"NORMAL\", \"event\": \"STARTED\"}")), 409, "conflictingRequest", "duplicate");
        assertFault(post(body("COMPUTE_HOST", "compute3", first.minusSeconds(179).toString(), started)), 409,
                "conflictingRequest", "duplicate");
        assertThat(post(body("COMPUTE_HOST", "compute3", first.plusSeconds(200).toString(), started)).status())
                .as("outside the 180 s interval").isEqualTo(202);
        assertThat(post(body("COMPUTE_HOST", "compute3", first.plusSeconds(201).toString(),
                "{\"event\": \"STARTED\", \"host_status\": \"UNKNOWN\"}")).status()).as("another payload")
                .isEqualTo(202);
    }

    @Test
    void aHostOnMaintenanceIsAConflict() {
        jdbc.sql("UPDATE hosts SET on_maintenance = TRUE").update();

        assertFault(post(body("COMPUTE_HOST", "compute3", now(), "{\"event\": \"STOPPED\"}")), 409,
                "conflictingRequest", "is ignored as the host is already under maintenance");
    }

    @Test
    void listFiltersSortsAndPages() {
        LocalDateTime base = LocalDateTime.now(ZoneOffset.UTC).minusHours(1);
        for (int i = 0; i < 5; i++) {
            assertThat(post(body("COMPUTE_HOST", "compute3", base.plusMinutes(5L * i).toString(),
                    "{\"event\": \"STARTED\"}")).status()).isEqualTo(202);
            jdbc.sql("UPDATE hosts SET on_maintenance = FALSE").update();
        }
        awaitNoneNew();

        assertThat(api.get("/v1/notifications").send().json().get("notifications")).hasSize(5);
        assertThat(api.get("/v1/notifications?status=finished").send().json().get("notifications")).hasSize(5);
        assertThat(api.get("/v1/notifications?status=running").send().json().get("notifications")).isEmpty();
        assertThat(api.get("/v1/notifications?type=VM").send().json().get("notifications")).isEmpty();
        assertThat(api.get("/v1/notifications?source_host_uuid=" + hostUuid).send().json().get("notifications"))
                .hasSize(5);
        assertThat(api.get("/v1/notifications?generated-since=" + base.plusMinutes(12)).send().json()
                .get("notifications")).hasSize(2);
        JsonNode page1 = api.get("/v1/notifications?sort_key=generated_time&sort_dir=asc&limit=3").send().json()
                .get("notifications");
        JsonNode page2 = api.get("/v1/notifications?sort_key=generated_time&sort_dir=asc&limit=3&marker="
                + page1.get(2).get("id").asLong()).send().json().get("notifications");
        assertThat(page1).hasSize(3);
        assertThat(page2).hasSize(2);
        assertThat(page2.get(0).get("generated_time").asText()).isGreaterThan(page1.get(2).get("generated_time")
                .asText());
        assertFault(api.get("/v1/notifications?status=exploded").send(), 400, "badRequest", "status");
        assertFault(api.get("/v1/notifications?sort_key=payload").send(), 400, "badRequest",
                "Sort key supplied was not valid.");
        assertFault(api.get("/v1/notifications?generated-since=soon").send(), 400, "badRequest", "date-time");
    }

    @Test
    void showAddsWorkflowDetailsFromMicroversion11AndVmMovesFrom13() {
        String uuid = post(body("COMPUTE_HOST", "compute3", now(), "{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\"}"))
                .json().at("/notification/notification_uuid").asText();
        awaitNoneNew();

        assertThat(api.get("/v1/notifications/" + uuid).send().json().at("/notification/recovery_workflow_details")
                .isMissingNode()).isTrue();
        JsonNode details = api.get("/v1/notifications/" + uuid).version("1.1").send().json()
                .at("/notification/recovery_workflow_details");
        assertThat(details).isNotEmpty();
        assertThat(details.get(0).get("name").asText()).isEqualTo("Register notification");
        assertThat(details.get(0).get("progress_details").get(0).has("timestamp")).isTrue();
        assertFault(api.get("/v1/notifications/" + uuid + "/vmoves").version("1.2").send(), 404, "itemNotFound", "");
        assertThat(api.get("/v1/notifications/" + uuid + "/vmoves").version("1.3").send().json().get("vmoves"))
                .isEmpty();
        assertFault(api.get("/v1/notifications/" + uuid + "/vmoves/nope").version("1.3").send(), 404, "itemNotFound",
                "No vm move with id nope.");
        assertFault(api.get("/v1/notifications/00000000-0000-0000-0000-000000000000").send(), 404, "itemNotFound",
                "No notification with id");
    }

    @Test
    void vmMovesAreOnlyForComputeHostNotifications() {
        jdbc.sql("""
                INSERT INTO notifications (notification_uuid, generated_time, source_host_uuid, type, payload, status,
                                           failover_segment_uuid, created_at)
                VALUES ('11111111-1111-1111-1111-111111111111', CURRENT_TIMESTAMP, :host, 'VM', '{}', 'finished',
                        :segment, CURRENT_TIMESTAMP)""").param("host", hostUuid).param("segment", segment).update();

        assertFault(api.get("/v1/notifications/11111111-1111-1111-1111-111111111111/vmoves").version("1.3").send(),
                400, "badRequest", "only COMPUTE_HOST notifications have VM moves");
    }

    private void awaitNoneNew() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM notifications WHERE status IN ('new', 'running')")
                        .query(Long.class).single() == 0);
    }
}
