package org.instanceha.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.InstanceHaApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replays the requests of ../shared/nova-samples (real Nova 26 and Keystone 22 answers, copied to
 * src/test/resources/nova-samples) against the simulator, and checks status, field names and error
 * bodies. Not replayed, because instance-ha never makes these calls: os-aggregates create and
 * set_metadata, and os-instance-actions.
 */
@SpringBootTest(classes = InstanceHaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorMatchesNovaSamplesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_SERVER_A = "64a48443-f556-4250-993c-fced0d6d9cc1";
    private static final String SAMPLE_SERVER_B = "c4ce9a03-e0eb-4c40-abcc-5a7c95f51d98";
    /** The server of the power-action samples (bench/capture-power-samples.py). */
    private static final String SAMPLE_POWER_SERVER = "51f0538d-fc2c-46a1-a256-7a79262b2319";
    private static final String SAMPLE_SERVICE = "c8fe11a1-0c4e-4f63-a326-1729bde4db97";

    @LocalServerPort
    int port;
    @Autowired
    SimulatedCloud cloud;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private Map<String, String> ids;

    record Replayed(JsonNode sample, int status, JsonNode body, String rawBody, HttpResponse<String> response) {
        JsonNode sampleBody() {
            return sample.path("response").path("body");
        }

        int sampleStatus() {
            return sample.path("response").path("status").asInt();
        }
    }

    @BeforeEach
    void freshCloudAndToken() throws Exception {
        cloud.reset();
        cloud.setEvacuationTime(Duration.ofSeconds(2));
        token = replay("keystone-v3-token-with-catalog").response.headers().firstValue("X-Subject-Token")
                .orElseThrow();
        ids = new LinkedHashMap<>();
        ids.put(SAMPLE_SERVER_A, cloud.serverNamed("vm10").orElseThrow().id());
        ids.put(SAMPLE_SERVER_B, cloud.serverNamed("vm11").orElseThrow().id());
        ids.put(SAMPLE_POWER_SERVER, cloud.serverNamed("vm7").orElseThrow().id());
        ids.put(SAMPLE_SERVICE, cloud.computeHosts().stream().filter(h -> h.name().equals("compute4")).findFirst()
                .orElseThrow().serviceId);
    }

    private Replayed replay(String name) throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/nova-samples/" + name + ".json")) {
            sample = JSON.readTree(in);
        }
        JsonNode request = sample.path("request");
        String url = request.path("url").asText()
                .replace("http://127.0.0.1:8774", "http://localhost:" + port + "/simulator/compute")
                .replace("http://127.0.0.1:5000", "http://localhost:" + port + "/simulator/identity");
        if (ids != null) {
            for (Map.Entry<String, String> id : ids.entrySet()) {
                url = url.replace(id.getKey(), id.getValue());
            }
        }
        JsonNode body = request.path("body");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).method(request.path("method").asText(),
                body.isNull() || body.isMissingNode() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        request.path("headers").fields().forEachRemaining(h -> {
            if (h.getKey().equalsIgnoreCase("X-Auth-Token")) {
                builder.header("X-Auth-Token", token);
            } else if (h.getKey().startsWith("OpenStack") || h.getKey().startsWith("X-OpenStack")
                    || h.getKey().equals("Content-Type")) {
                builder.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Replayed(sample, response.statusCode(), parsed, response.body(), response);
    }

    private static void assertSameShape(Replayed r) {
        assertThat(r.status).as(r.rawBody).isEqualTo(r.sampleStatus());
        assertThat(JsonShape.differences(r.sampleBody(), r.body)).as(r.rawBody).isEmpty();
    }

    private static void assertSameMicroversionHeaders(Replayed r) {
        JsonNode headers = r.sample.path("response").path("headers");
        assertThat(r.response.headers().firstValue("OpenStack-API-Version").orElse(null))
                .isEqualTo(headers.path("OpenStack-API-Version").asText());
        assertThat(r.response.headers().firstValue("X-OpenStack-Nova-API-Version").orElse(null))
                .isEqualTo(headers.path("X-OpenStack-Nova-API-Version").asText());
        assertThat(r.response.headers().firstValue("Vary").orElse(null))
                .isEqualTo(headers.path("Vary").asText());
    }

    private void killAndForceDown(String host) throws Exception {
        cloud.failHost(host);
        replay("os-services-force-down-mv2.53");
    }

    @Test
    void keystoneIssuesATokenWithACatalogShapedLikeKeystones() throws Exception {
        Replayed r = replay("keystone-v3-token-with-catalog");

        assertSameShape(r);
        assertThat(r.response.headers().firstValue("X-Subject-Token")).isPresent();
        assertThat(r.body.at("/token/catalog").findValuesAsText("type")).contains("compute", "instance-ha");
    }

    @Test
    void versionDocumentsHaveNovasShape() throws Exception {
        assertSameShape(replay("version-discovery-root"));
        assertSameShape(replay("version-discovery-v2.1"));
    }

    @Test
    void servicesListHaveNovasFieldsAtEachMicroversion() throws Exception {
        for (String sample : new String[] {"os-services-mv2.1", "os-services-mv2.53",
                "os-services-binary-nova-compute-mv2.53"}) {
            Replayed r = replay(sample);
            assertSameShape(r);
            assertSameMicroversionHeaders(r);
        }
        assertThat(replay("os-services-mv2.1").body.at("/services/0/id").isInt()).isTrue();
        assertThat(replay("os-services-mv2.53").body.at("/services/0/id").isTextual()).isTrue();
    }

    @Test
    void forcingDownAndDisablingAServiceAnswerLikeNova() throws Exception {
        cloud.failHost("compute4");

        Replayed forced = replay("os-services-force-down-mv2.53");
        assertSameShape(forced);
        assertThat(forced.body.at("/service/forced_down").asBoolean()).isTrue();
        assertThat(forced.body.at("/service/state").asText()).isEqualTo("down");

        Replayed disabled = replay("os-services-disable-mv2.53");
        assertSameShape(disabled);
        assertThat(disabled.body.at("/service/status").asText()).isEqualTo("disabled");
        assertThat(disabled.body.at("/service/disabled_reason").asText())
                .isEqualTo(disabled.sampleBody().at("/service/disabled_reason").asText());
        assertSameShape(replay("os-services-after-compute4-down-mv2.53"));
    }

    @Test
    void serversHaveNovasFieldsAtEachMicroversion() throws Exception {
        for (String sample : new String[] {"servers-detail-all-tenants-mv2.53",
                "servers-detail-all-tenants-host-compute4-mv2.1", "servers-detail-all-tenants-host-compute4-mv2.53",
                "server-show-before-mv2.53", "server-show-after-evacuate-mv2.1"}) {
            Replayed r = replay(sample);
            assertSameShape(r);
            assertSameMicroversionHeaders(r);
        }
        assertThat(replay("servers-detail-all-tenants-host-compute4-mv2.53").body.get("servers"))
                .allMatch(s -> s.path("OS-EXT-SRV-ATTR:host").asText().equals("compute4"));
    }

    @Test
    void evacuationWhileTheSourceIsUpIsRefusedWithNovasExactFault() throws Exception {
        for (String sample : new String[] {"evacuate-while-source-up-error-mv2.29",
                "evacuate-while-source-up-error-mv2.68", "evacuate-after-kill-before-down-error-mv2.29"}) {
            Replayed r = replay(sample);
            assertThat(r.status).isEqualTo(400);
            assertThat(r.body).isEqualTo(r.sampleBody());
            assertSameMicroversionHeaders(r);
        }
        cloud.failHost("compute4");
        assertThat(replay("evacuate-after-kill-before-down-error-mv2.29").body).as("heartbeat not yet stale")
                .isEqualTo(JSON.readTree("{\"badRequest\": {\"code\": 400, \"message\": "
                        + "\"Compute service of compute4 is still in use.\"}}"));
    }

    @Test
    void aChangesSinceThatIsNotADateIsRefusedWithNovasFault() throws Exception {
        Replayed r = replay("servers-detail-changes-since-invalid-error-mv2.53");
        assertThat(r.status).isEqualTo(400);
        assertThat(r.body).isEqualTo(r.sampleBody());
        assertSameMicroversionHeaders(r);
    }

    @Test
    void evacuationIsAcceptedWithAnEmptyBodyAndGoesThroughRebuild() throws Exception {
        killAndForceDown("compute4");

        Replayed first = replay("evacuate-0-request-response-mv2.29");
        assertThat(first.status).isEqualTo(200);
        assertThat(first.rawBody).isEmpty();
        assertSameMicroversionHeaders(first);
        Replayed second = replay("evacuate-1-request-response-mv2.68");
        assertThat(second.status).isEqualTo(200);
        assertThat(second.rawBody).isEmpty();

        Replayed during = replay("server-show-during-evacuate-mv2.53");
        assertSameShape(during);
        for (String field : new String[] {"status", "OS-EXT-STS:task_state", "OS-EXT-STS:vm_state",
                "OS-EXT-SRV-ATTR:host", "host_status"}) {
            assertThat(during.body.at("/server/" + field)).as(field).isEqualTo(during.sampleBody().at("/server/"
                    + field));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> cloud.server(ids.get(SAMPLE_SERVER_A)).taskState() == null
                && cloud.server(ids.get(SAMPLE_SERVER_B)).taskState() == null);
        Replayed after = replay("server-show-after-evacuate-mv2.53");
        assertSameShape(after);
        assertThat(after.body.at("/server/status").asText()).isEqualTo("ACTIVE");
        assertThat(after.body.at("/server/OS-EXT-SRV-ATTR:host").asText()).isNotEqualTo("compute4");
        assertSameShape(replay("servers-detail-all-tenants-after-mv2.53"));
        assertSameShape(replay("os-services-after-evacuate-mv2.53"));
        assertSameShape(replay("os-hypervisors-detail-after-evacuate-mv2.53"));

        Replayed migrations = replay("os-migrations-evacuation-mv2.59");
        assertSameShape(migrations);
        assertThat(migrations.body.at("/migrations/0/status").asText()).isEqualTo("done");
        assertThat(migrations.body.at("/migrations/0/source_compute").asText()).isEqualTo("compute4");
    }

    @Test
    void hypervisorsHaveNovasFieldsAtEachMicroversion() throws Exception {
        for (String sample : new String[] {"os-hypervisors-detail-mv2.1", "os-hypervisors-detail-mv2.53",
                "os-hypervisors-detail-mv2.88"}) {
            assertSameShape(replay(sample));
        }
        cloud.failHost("compute4");
        cloud.setServiceDownTime(Duration.ZERO);
        Replayed down = replay("os-hypervisors-detail-after-compute4-down-mv2.53");
        assertSameShape(down);
    }

    @Test
    void aggregatesHaveNovasFields() throws Exception {
        assertSameShape(replay("os-aggregates-list-mv2.41"));
        assertSameShape(replay("os-aggregates-list"));
        Replayed added = replay("os-aggregates-add-host-compute2");
        assertThat(added.status).as(added.rawBody).isEqualTo(409);
        assertThat(added.body.at("/conflictingRequest/message").asText())
                .isEqualTo("Aggregate 1 already has host compute2.");
        cloud.reset();
        ids.put("\"compute1\"", "\"compute3\"");
        Replayed other = replay("os-aggregates-add-host-compute1");
        assertThat(other.status).as(other.rawBody).isEqualTo(409);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
        token = "not-a-token";
        Replayed r = replay("os-services-mv2.53");

        assertThat(r.status).isEqualTo(401);
        assertThat(r.body.at("/error/code").asInt()).isEqualTo(401);
        assertThat(r.response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Keystone uri=");
    }

    private void assertSameState(Replayed r, String... fields) {
        assertSameShape(r);
        for (String field : fields) {
            assertThat(r.body.at("/server/" + field)).as(field).isEqualTo(r.sampleBody().at("/server/" + field));
        }
    }

    /** Nova's fault for a power action refused in this state, naming the simulator's server. */
    private void assertSameConflict(String sample) throws Exception {
        Replayed r = replay(sample);
        assertThat(r.status).isEqualTo(409);
        assertThat(r.body.toString()).isEqualTo(r.sampleBody().toString()
                .replace(SAMPLE_POWER_SERVER, ids.get(SAMPLE_POWER_SERVER)));
        assertSameMicroversionHeaders(r);
    }

    @Test
    void stopAndStartGoThroughNovasStatesAndRefuseWhatNovaRefuses() throws Exception {
        cloud.setPowerActionTimes(Duration.ofMillis(500), Duration.ofMillis(500));
        String id = ids.get(SAMPLE_POWER_SERVER);
        assertSameState(replay("server-show-before-stop-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");

        Replayed stop = replay("server-action-os-stop-mv2.53");
        assertThat(stop.status).isEqualTo(202);
        assertThat(stop.rawBody).isEmpty();
        assertSameState(replay("server-show-during-stop-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.server(id).taskState() == null);
        assertSameState(replay("server-show-after-stop-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
        assertSameConflict("server-action-os-stop-when-stopped-error-mv2.53");

        assertThat(replay("server-action-os-start-mv2.53").status).isEqualTo(202);
        assertSameState(replay("server-show-during-start-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.server(id).taskState() == null);
        assertSameState(replay("server-show-after-start-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
        assertSameConflict("server-action-os-start-when-active-error-mv2.53");
        assertThat(cloud.stopsAccepted(id)).isEqualTo(1);
        assertThat(cloud.startsAccepted(id)).isEqualTo(1);
    }

    @Test
    void pausedRescuedAndResizedServersLookLikeNovasAndCannotBeStopped() throws Exception {
        cloud.putInVmState("vm7", "paused");
        assertSameState(replay("server-show-paused-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
        assertSameConflict("server-action-os-stop-when-paused-error-mv2.53");

        cloud.putInVmState("vm7", "rescued");
        assertSameState(replay("server-show-rescued-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");

        cloud.putInVmState("vm7", "resized");
        assertSameState(replay("server-show-resized-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
        assertSameConflict("server-action-os-stop-when-resized-error-mv2.53");
        Replayed reset = replay("server-action-os-resetState-active-mv2.53");
        assertThat(reset.status).isEqualTo(202);
        assertThat(reset.rawBody).isEmpty();
        assertSameState(replay("server-show-after-reset-state-mv2.53"), "status", "OS-EXT-STS:vm_state",
                "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
    }

    @Test
    void aServerThatRefusesToStartStaysStoppedWithItsTaskStateReverted() throws Exception {
        cloud.setPowerActionTimes(Duration.ofMillis(100), Duration.ofMillis(100));
        String id = ids.get(SAMPLE_POWER_SERVER);
        cloud.refuseToStart("vm7", true);
        replay("server-action-os-stop-mv2.53");
        await().atMost(Duration.ofSeconds(5)).until(() -> "stopped".equals(cloud.server(id).vmState()));
        assertThat(replay("server-action-os-start-mv2.53").status).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.server(id).taskState() == null);
        Replayed after = replay("server-show-after-stop-mv2.53");
        assertSameState(after, "status", "OS-EXT-STS:vm_state", "OS-EXT-STS:task_state", "OS-EXT-STS:power_state");
    }
}
