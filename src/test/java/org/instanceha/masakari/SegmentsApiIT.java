package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.Test;

class SegmentsApiIT extends ApiIntegrationTest {

    private Response create(String name, String method) {
        return api.post("/v1/segments", """
                {"segment": {"name": "%s", "recovery_method": "%s", "service_type": "COMPUTE", "description": "d"}}"""
                .formatted(name, method)).send();
    }

    private String createdUuid(String name, String method) {
        Response r = create(name, method);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/segment/uuid").asText();
    }


    @Test
    void createdSegmentHasExactlyMasakarisFieldsInItsOrder() {
        Response r = create("seg1", "auto");

        assertThat(r.status()).isEqualTo(201);
        JsonNode segment = r.json().get("segment");
        JsonNode sample = MasakariSamples.responseBody("masakari-segment-create").get("segment");
        assertThat(MasakariSamples.fieldNames(r.json())).containsExactly("segment");
        assertThat(MasakariSamples.fieldNames(segment)).containsExactlyElementsOf(MasakariSamples.fieldNames(sample));
        assertThat(segment.get("id").isIntegralNumber()).isTrue();
        assertThat(segment.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(segment.get("name").asText()).isEqualTo("seg1");
        assertThat(segment.get("enabled").asBoolean()).isTrue();
        assertThat(segment.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(segment.get("updated_at").isNull()).isTrue();
        assertThat(segment.get("deleted_at").isNull()).isTrue();
        assertThat(segment.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void showListUpdateAndDeleteWorkWithAndWithoutProjectIdInThePath() {
        String uuid = createdUuid("seg1", "auto");

        assertThat(api.get("/v1/segments/" + uuid).send().json().at("/segment/name").asText()).isEqualTo("seg1");
        assertThat(api.get("/v1/3f1c0b5e/segments/" + uuid).send().json().at("/segment/uuid").asText())
                .isEqualTo(uuid);
        assertThat(api.get("/v1/3f1c0b5e/segments").send().json().get("segments")).hasSize(1);

        Response updated = api.put("/v1/3f1c0b5e/segments/" + uuid,
                "{\"segment\": {\"name\": \"seg1-renamed\", \"recovery_method\": \"reserved_host\", \"description\": null}}")
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/segment/name").asText()).isEqualTo("seg1-renamed");
        assertThat(updated.json().at("/segment/recovery_method").asText()).isEqualTo("reserved_host");
        assertThat(updated.json().at("/segment/description").isNull()).isTrue();
        assertThat(updated.json().at("/segment/service_type").asText()).isEqualTo("COMPUTE");
        assertThat(updated.json().at("/segment/updated_at").isNull()).isFalse();

        Response deleted = api.delete("/v1/segments/" + uuid).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertFault(api.get("/v1/segments/" + uuid).send(), 404, "itemNotFound",
                "No failover segment with id " + uuid + ".");
        assertFault(api.delete("/v1/segments/" + uuid).send(), 404, "itemNotFound", null);
        assertThat(api.get("/v1/segments").send().json().get("segments")).isEmpty();
    }

    @Test
    void deletingASegmentDeletesItsHostsAndFreesTheirNames() {
        String uuid = createdUuid("seg1", "auto");
        String host = api.post("/v1/segments/" + uuid + "/hosts",
                "{\"host\": {\"name\": \"compute1\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}")
                .send().json().at("/host/uuid").asText();

        assertThat(api.delete("/v1/segments/" + uuid).send().status()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT deleted <> 0 FROM hosts WHERE uuid = :u").param("u", host)
                .query(Boolean.class).single()).isTrue();
        String other = createdUuid("seg2", "auto");
        Response again = api.post("/v1/segments/" + other + "/hosts",
                "{\"host\": {\"name\": \"compute1\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}").send();
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void segmentNamesAreUniqueAmongLiveSegments() {
        String uuid = createdUuid("seg1", "auto");

        assertFault(create("seg1", "auto"), 409, "conflictingRequest",
                "Failover segment with name seg1 already exists.");
        createdUuid("seg2", "auto");
        Response rename = api.put("/v1/segments/" + uuid, "{\"segment\": {\"name\": \"seg2\"}}").send();
        assertFault(rename, 409, "conflictingRequest", "Failover segment with name seg2 already exists.");

        api.delete("/v1/segments/" + uuid).send();
        assertThat(create("seg1", "auto").status()).isEqualTo(201);
    }

    @Test
    void invalidBodiesAreRejectedWithBadRequest() {
        String[][] cases = {
                {"{\"segment\": {\"recovery_method\": \"auto\", \"service_type\": \"COMPUTE\"}}",
                        "'name' is a required property"},
                {"{\"segment\": {\"name\": \"s\", \"service_type\": \"COMPUTE\"}}",
                        "'recovery_method' is a required property"},
                {"{\"segment\": {\"name\": \"s\", \"recovery_method\": \"auto\"}}",
                        "'service_type' is a required property"},
                {"{\"segment\": {\"name\": \"s\", \"recovery_method\": \"fast\", \"service_type\": \"COMPUTE\"}}",
                        "'fast' is not one of ['auto', 'reserved_host', 'auto_priority', 'rh_priority']"},
                {"{\"segment\": {\"name\": \"s\", \"recovery_method\": \"auto\", \"service_type\": \"COMPUTE\", \"x\": 1}}",
                        "Additional properties are not allowed ('x' was unexpected)"},
                {"{\"segment\": {\"name\": \"" + "n".repeat(256) + "\", \"recovery_method\": \"auto\", \"service_type\": \"C\"}}",
                        "is too long"},
                {"{\"segment\": {\"name\": \"\", \"recovery_method\": \"auto\", \"service_type\": \"C\"}}",
                        "is too short"},
                {"{\"segment\": {\"name\": \" lead\", \"recovery_method\": \"auto\", \"service_type\": \"C\"}}",
                        "Can not start or end with whitespace"},
                {"{\"segment\": {\"name\": 7, \"recovery_method\": \"auto\", \"service_type\": \"C\"}}",
                        "7 is not of type 'string'"},
                {"{\"segment\": {\"name\": \"s\", \"recovery_method\": \"auto\", \"service_type\": \"C\", \"description\": \""
                        + "d".repeat(256) + "\"}}", "is too long"},
                {"{\"segment\": {\"name\": \"s\", \"recovery_method\": \"auto\", \"service_type\": \"C\", \"enabled\": false}}",
                        "Additional properties are not allowed ('enabled' was unexpected)"},
                {"{\"name\": \"s\"}", "Additional properties are not allowed ('name' was unexpected)"},
                {"{}", "'segment' is a required property"},
                {"{\"segment\": []}", "is not of type 'object'"},
                {"[]", "must be a JSON object"},
        };
        for (String[] c : cases) {
            assertFault(api.post("/v1/segments", c[0]).send(), 400, "badRequest", c[1]);
        }
        assertThat(api.get("/v1/segments").send().json().get("segments")).isEmpty();
    }

    @Test
    void anUpdateMustChangeSomethingValid() {
        String uuid = createdUuid("seg1", "auto");

        assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {}}").send(), 400, "badRequest",
                "at least one of");
        assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {\"recovery_method\": \"x\"}}").send(), 400,
                "badRequest", "'x' is not one of");
        assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {\"id\": 5}}").send(), 400, "badRequest",
                "('id' was unexpected)");
        assertFault(api.put("/v1/segments/00000000-0000-0000-0000-000000000000", "{\"segment\": {\"name\": \"x\"}}")
                .send(), 404, "itemNotFound", null);
    }

    @Test
    void enabledIsAcceptedFromMicroversion12AndAlwaysShown() {
        Response r = api.post("/v1/segments", """
                {"segment": {"name": "s", "recovery_method": "auto", "service_type": "COMPUTE", "enabled": "no"}}""")
                .version("1.2").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/segment/enabled").asBoolean()).isFalse();

        String uuid = r.json().at("/segment/uuid").asText();
        Response enabled = api.put("/v1/segments/" + uuid, "{\"segment\": {\"enabled\": true}}").version("1.2").send();
        assertThat(enabled.json().at("/segment/enabled").asBoolean()).isTrue();
        assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {\"enabled\": \"maybe\"}}").version("1.2").send(),
                400, "badRequest", "Invalid input for field/attribute enabled");
        assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {\"enabled\": false}}").version("1.1").send(),
                400, "badRequest", "('enabled' was unexpected)");
    }

    @Test
    void listFiltersByRecoveryMethodServiceTypeAndEnabled() {
        createdUuid("a", "auto");
        createdUuid("b", "reserved_host");
        api.post("/v1/segments", """
                {"segment": {"name": "c", "recovery_method": "auto", "service_type": "OTHER", "enabled": false}}""")
                .version("1.2").send();

        assertThat(names(api.get("/v1/segments?recovery_method=auto").send())).containsExactlyInAnyOrder("a", "c");
        assertThat(names(api.get("/v1/segments?service_type=OTHER").send())).containsExactly("c");
        assertThat(names(api.get("/v1/segments?enabled=false").version("1.2").send())).containsExactly("c");
        assertThat(names(api.get("/v1/segments?enabled=True").version("1.2").send())).containsExactlyInAnyOrder("a",
                "b");
        assertThat(names(api.get("/v1/segments?recovery_method=auto&service_type=COMPUTE").send()))
                .containsExactly("a");
        assertFault(api.get("/v1/segments?enabled=perhaps").version("1.2").send(), 400, "badRequest", "enabled");
        assertFault(api.get("/v1/segments?recovery_method=fast").send(), 400, "badRequest", "recovery_method");
    }

    @Test
    void listIsNewestFirstByDefaultAndSortsByWhitelistedKeys() {
        createdUuid("b", "reserved_host");
        createdUuid("c", "auto");
        createdUuid("a", "rh_priority");

        assertThat(names(api.get("/v1/segments").send())).containsExactly("a", "c", "b");
        assertThat(names(api.get("/v1/segments?sort_key=name&sort_dir=asc").send())).containsExactly("a", "b", "c");
        assertThat(names(api.get("/v1/segments?sort_key=name").send())).containsExactly("c", "b", "a");
        assertThat(names(api.get("/v1/segments?sort_key=recovery_method&sort_dir=asc&sort_key=name&sort_dir=desc")
                .send())).containsExactly("c", "b", "a");
        assertFault(api.get("/v1/segments?sort_key=password").send(), 400, "badRequest",
                "Sort key supplied was not valid.");
        assertFault(api.get("/v1/segments?sort_key=name&sort_dir=sideways").send(), 400, "badRequest",
                "Unknown sort direction, must be 'desc' or 'asc'");
        assertFault(api.get("/v1/segments?sort_key=name&sort_dir=asc&sort_dir=desc").send(), 400, "badRequest",
                "Sort direction size exceeds sort key size");
    }

    @Test
    void pagesWithLimitAndMarkerVisitEverySegmentOnce() {
        for (int i = 0; i < 7; i++) {
            createdUuid("s" + i, "auto");
        }
        for (String sort : List.of("", "&sort_key=name&sort_dir=asc", "&sort_key=recovery_method&sort_key=name",
                "&sort_key=updated_at&sort_dir=asc")) {
            List<String> seen = new ArrayList<>();
            String marker = "";
            while (true) {
                JsonNode page = api.get("/v1/segments?limit=3" + marker + sort).send().json().get("segments");
                assertThat(page.size()).isLessThanOrEqualTo(3);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(s -> seen.add(s.get("name").asText()));
                marker = "&marker=" + page.get(page.size() - 1).get("id").asLong();
            }
            assertThat(seen).as("sort %s", sort).hasSize(7).doesNotHaveDuplicates();
            assertThat(seen).isEqualTo(names(api.get("/v1/segments?limit=1000" + sort).send()));
        }
    }

    @Test
    void badPagingParametersAreRejected() {
        createdUuid("a", "auto");
        assertFault(api.get("/v1/segments?limit=ten").send(), 400, "badRequest", "limit param must be an integer");
        assertFault(api.get("/v1/segments?limit=-1").send(), 400, "badRequest", "limit param must be positive");
        assertFault(api.get("/v1/segments?marker=999999").send(), 400, "badRequest",
                "Marker 999999 could not be found.");
        assertFault(api.get("/v1/segments?marker=abc").send(), 400, "badRequest", "Marker abc could not be found.");
        assertThat(names(api.get("/v1/segments?limit=5000").send())).containsExactly("a");
        assertThat(names(api.get("/v1/segments?limit=0").send())).containsExactly("a");
    }

    @Test
    void segmentCannotChangeWhileOneOfItsNotificationsIsBeingHandled() {
        for (String status : List.of("new", "running", "error")) {
            String uuid = createdUuid("busy-" + status, "auto");
            storeNotification(uuid, "h", status);

            String message = "Failover segment " + uuid + " can't be updated as it is in-use to process notifications.";
            assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {\"description\": \"x\"}}").send(), 409,
                    "conflictingRequest", message);
            assertFault(api.delete("/v1/segments/" + uuid).send(), 409, "conflictingRequest", message);
        }
        for (String status : List.of("finished", "failed", "ignored")) {
            String uuid = createdUuid("done-" + status, "auto");
            storeNotification(uuid, "h", status);
            assertThat(api.put("/v1/segments/" + uuid, "{\"segment\": {\"description\": \"x\"}}").send().status())
                    .isEqualTo(200);
            assertThat(api.delete("/v1/segments/" + uuid).send().status()).isEqualTo(204);
        }
    }

    @Test
    void protocolErrorsAreMasakariFaults() {
        assertFault(api.method("PATCH", "/v1/segments", "{}").send(), 405, "badMethod", null);
        assertFault(api.post("/v1/segments", "{\"segment\": ").send(), 400, "badRequest", "valid JSON");
        assertFault(api.post("/v1/segments", "name=x").header("Content-Type", "text/plain").send(), 415,
                "badMediaType", null);
        assertFault(api.get("/v1/no-such-thing/at/all").send(), 404, "itemNotFound", null);
    }

    private static List<String> names(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("segments").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }
}
