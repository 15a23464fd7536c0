package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 generated malformed and hostile requests, as the administrator, against every v1 route (and our
 * segment policy):
 * broken JSON, wrong types, deep and huge bodies, emoji, right-to-left and zero-width characters,
 * NUL, SQL and script injection in names, filters, sort keys and markers, bad microversions,
 * unknown routes and methods, bad content types. None may answer 5xx; every 4xx is a Masakari fault
 * body; a rejected request leaves the database as it was. The seed is printed;
 * {@code -Dinstanceha.fuzz.seed=N} replays a run, {@code -Dinstanceha.fuzz.requests=N} changes its size.
 */
@Tag("fuzz")
class HostileRequestsFuzzIT extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FAULTS = List.of("badRequest", "unauthorized", "forbidden", "itemNotFound",
            "badMethod", "conflictingRequest", "overLimit", "badMediaType", "masakariFault");
    private static final String[] HOSTILE = {"", " ", "' OR '1'='1", "1; DROP TABLE segments; --", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "\u202Eevil\u202C", "zero\u200Bwidth", "nul\u0000byte", "\uD83D\uDE00",
            "\uD83D\uDE00".repeat(200), "x".repeat(300), "../../etc/passwd", "%00", "%2e%2e%2f", "${jndi:ldap://x}",
            "#{7*7}", "\\", "\"", "'", "null", "true", "-1", "0", "99999999999999999999", "1e308", "NaN",
            "id", "created_at desc", "name;", "segments", "notifications", "hosts", "vmoves", "ﾠ", "\uFFFF", "\uDBFF", "\r\nX-Injected: 1", "auto", "COMPUTE_HOST"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/xml", "*/*",
            "application/*", "multipart/form-data", "application/json; charset=latin1", "garbage", ""};

    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(
            (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private Random random;
    private String segment;
    private String host;

    @Test
    void noHostileRequestGetsA5xxOrChangesTheDatabase() throws Exception {
        long seed = Long.getLong("instanceha.fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("instanceha.fuzz.requests", 10_000);
        System.out.println("FUZZ seed " + seed + ", " + requests + " requests");
        random = new Random(seed);
        segment = api.post("/v1/segments", """
                {"segment": {"name": "fuzz", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send()
                .json().at("/segment/uuid").asText();
        host = api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "compute1", "type": "COMPUTE", "control_attributes": "SSH"}}""").send()
                .json().at("/host/uuid").asText();
        // On maintenance: a report about it is refused (409), so no workflow changes the tables meanwhile.
        jdbc.sql("UPDATE hosts SET on_maintenance = TRUE").update();

        List<String> problems = new ArrayList<>();
        String before = snapshot();
        int[] byClass = new int[6];
        for (int i = 0; i < requests && problems.size() < 20; i++) {
            String method = random.nextInt(5) == 0 ? pick(METHODS) : random.nextBoolean() ? "GET" : "POST";
            String path = path();
            String body = method.equals("GET") || method.equals("DELETE") ? null : body();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (random.nextInt(4) == 0) {
                request.header("OpenStack-API-Version", microversion());
            }
            String type = body == null ? null : random.nextInt(6) == 0 ? pick(CONTENT_TYPES) : "application/json";
            if (type != null && !type.isEmpty()) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            byClass[status / 100]++;
            String what = method + " " + path + (body == null ? "" : " " + abbreviated(body)) + " -> " + status + " "
                    + abbreviated(response.body());
            if (status >= 500) {
                problems.add("5xx: " + what);
            } else if (status >= 400 && !isFault(response.body(), status, method)) {
                problems.add("no fault body: " + what);
            }
            String after = snapshot();
            if (status >= 400 && !after.equals(before)) {
                problems.add("rejected but the database changed: " + what);
            }
            before = after;
        }
        System.out.println("FUZZ answers by class: 2xx " + byClass[2] + ", 3xx " + byClass[3] + ", 4xx "
                + byClass[4] + ", 5xx " + byClass[5]);
        assertThat(problems).as("seed " + seed).isEmpty();
        assertThat(byClass[4]).as("most generated requests are refused").isGreaterThan(requests / 2);
    }

    private String path() {
        String id = switch (random.nextInt(4)) {
            case 0 -> segment;
            case 1 -> "00000000-0000-0000-0000-000000000000";
            default -> encoded(pick(HOSTILE));
        };
        String hostId = random.nextBoolean() ? host : encoded(pick(HOSTILE));
        String prefix = random.nextInt(5) == 0 ? "/v1/" + (random.nextBoolean() ? "0123456789abcdef0123456789abcdef"
                : encoded(pick(HOSTILE))) : "/v1";
        String route = switch (random.nextInt(11)) {
            case 0, 1 -> "/segments";
            case 2 -> "/segments/" + id;
            case 3 -> "/segments/" + segment + "/hosts";
            case 4 -> "/segments/" + id + "/hosts/" + hostId;
            case 5, 6 -> "/notifications";
            case 7 -> "/notifications/" + id;
            case 8 -> "/notifications/" + id + "/vmoves" + (random.nextBoolean() ? "/" + encoded(pick(HOSTILE)) : "");
            case 9 -> "/segments/" + id + "/policy";
            default -> "/" + encoded(pick(HOSTILE)) + "/" + encoded(pick(HOSTILE));
        };
        return prefix + route + (random.nextBoolean() ? "?" + query() : "");
    }

    private String query() {
        String[] keys = {"sort_key", "sort_dir", "marker", "limit", "status", "type", "enabled", "recovery_method",
                "service_type", "on_maintenance", "reserved", "source_host_uuid", "generated-since", "name", "x"};
        StringBuilder q = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            q.append(q.length() == 0 ? "" : "&").append(pick(keys)).append('=').append(encoded(pick(HOSTILE)));
        }
        return q.toString();
    }

    private String body() throws Exception {
        String envelope = pick(new String[] {"segment", "host", "notification", "policy", "other"});
        var inner = JSON.createObjectNode();
        for (String field : new String[] {"name", "description", "recovery_method", "service_type", "enabled",
                "type", "control_attributes", "reserved", "on_maintenance", "priority", "hostname",
                "generated_time", "payload", "return_to_service", "failback"}) {
            if (random.nextInt(3) == 0) {
                switch (random.nextInt(6)) {
                    case 0 -> inner.put(field, random.nextInt());
                    case 1 -> inner.putArray(field).add(pick(HOSTILE));
                    case 2 -> inner.putObject(field).put("event", pick(HOSTILE));
                    case 3 -> inner.putNull(field);
                    case 4 -> inner.put(field, random.nextBoolean());
                    default -> inner.put(field, pick(HOSTILE));
                }
            }
        }
        var root = JSON.createObjectNode();
        root.set(envelope, inner);
        String json = JSON.writeValueAsString(root);
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> "[".repeat(3000 + random.nextInt(3000));
            case 2 -> "{\"segment\": {\"name\": \"" + "y".repeat(200_000 + random.nextInt(700_000)) + "\"}}";
            case 3 -> "not json at all " + pick(HOSTILE);
            case 4 -> "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
            case 5 -> "";
            default -> json;
        };
    }

    private String microversion() {
        return pick(new String[] {"instance-ha 9.9", "instance-ha 1.a", "instance-ha latest", "masakari 1.3",
                "instance-ha", "nova 2.1", "instance-ha 1.3, instance-ha 1.1", pick(HOSTILE)})
                .replaceAll("[^\\x20-\\x7e]", "?"); // a header carries printable ASCII only
    }

    private boolean isFault(String body, int status, String method) {
        if (method.equals("HEAD")) {
            return true;
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject() || json.size() != 1) {
                return false;
            }
            String name = json.fieldNames().next();
            return FAULTS.contains(name) && json.get(name).path("code").asInt() == status
                    && json.get(name).path("message").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : new String[] {"segments", "hosts", "notifications", "vmoves", "recovery_progress"}) {
            all.append(table).append(jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows());
        }
        all.append(jdbc.sql("SELECT * FROM segment_policies ORDER BY segment_id").query().listOfRows());
        return all.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
