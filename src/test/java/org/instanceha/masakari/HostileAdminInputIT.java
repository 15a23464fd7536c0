package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input an administrator's client can send that once made the API answer 500: now a 4xx fault body. */
class HostileAdminInputIT extends ApiIntegrationTest {

    private static String segment(String name) {
        return """
                {"segment": {"name": "%s", "recovery_method": "auto", "service_type": "COMPUTE"}}""".formatted(name);
    }

    @Test
    void aNameTooLongForTheColumnIsA400NotA500() {
        String emoji = "\uD83D\uDE00";

        assertFault(api.post("/v1/segments", segment(emoji.repeat(128))).send(), 400, "badRequest", "is too long");
        Response fits = api.post("/v1/segments", segment(emoji.repeat(127))).send();

        assertThat(fits.status()).as(fits.toString()).isEqualTo(201);
        assertThat(fits.json().at("/segment/name").asText()).isEqualTo(emoji.repeat(127));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM segments").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNulCharacterInAnyTextIsA400OnEveryDatabase() {
        String uuid = api.post("/v1/segments", segment("seg")).send().json().at("/segment/uuid").asText();

        assertFault(api.put("/v1/segments/" + uuid, "{\"segment\": {\"description\": \"a\\u0000b\"}}").send(),
                400, "badRequest", null);
        assertFault(api.post("/v1/segments", """
                {"segment": {"name": "s2", "recovery_method": "auto", "service_type": "COM\\u0000PUTE"}}""").send(),
                400, "badRequest", null);
        assertFault(api.post("/v1/notifications", """
                {"notification": {"type": "COMPUTE_HOST", "hostname": "compute\\u00001", "generated_time":
                 "2026-12-01T10:00:00", "payload": {"event": "STOPPED"}}}""").send(), 400, "badRequest", null);
        assertFault(api.get("/v1/notifications?source_host_uuid=a%00b").send(), 400, "badRequest", "NUL");
        assertThat(api.get("/v1/segments/" + uuid).send().json().at("/segment/description").isNull()).isTrue();
    }

    @Test
    void aRejectedValueComesBackShortenedInTheFault() {
        Response r = api.post("/v1/segments", segment("x".repeat(900_000))).send();

        assertFault(r, 400, "badRequest", "... (900000 characters)");
        assertThat(r.text().length()).isLessThan(1000);
        Response badFilter = api.get("/v1/segments?enabled=" + "y".repeat(5000)).version("1.2").send();
        assertFault(badFilter, 400, "badRequest", "for filter enabled");
        assertThat(badFilter.text().length()).as(badFilter.toString()).isLessThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "text/plain", "application/json; charset=nonsense", "//"})
    void aPostWithAContentTypeWeCannotReadIsA4xxFault(String contentType) {
        Response r = api.post("/v1/segments", segment("seg")).header("Content-Type", contentType).send();

        assertThat(r.status()).as(contentType + ": " + r).isBetween(400, 499);
        assertThat(r.json().fieldNames().next()).isIn("badRequest", "badMediaType");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM segments").query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/segments/segments", "/v1/segments/notifications", "/v1/notifications/segments",
            "/v1/notifications/notifications", "/v1/segments/segments/hosts"})
    void aPathThatReadsTwoWaysIsAnItemNotFound(String path) {
        assertFault(api.get(path).send(), 404, "itemNotFound", null);
    }

    @Test
    void theProjectIdPathsStillWork() {
        assertThat(api.get("/v1/0123456789abcdef0123456789abcdef/segments").send().status()).isEqualTo(200);
        assertThat(api.get("/v1/admin/notifications").send().status()).isEqualTo(200);
    }
}
