package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests refused before our controllers run (by Tomcat, or by Spring Security's firewall) get a
 * Masakari fault body, never Tomcat's HTML page; a refused multipart POST logs no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class RejectedRequestsIT extends ApiIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertFaultBody(HttpResponse<String> r, int status, String faultName) throws Exception {
        assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.at("/" + faultName + "/code").asInt()).as(r.body()).isEqualTo(status);
        assertThat(body.at("/" + faultName + "/message").asText()).isNotBlank();
    }

    @Test
    void whatTomcatRefusesIsAFaultBodyNotAnHtmlPage() throws Exception {
        assertFaultBody(send("GET", "/v1/segments/abc%2Fdef"), 400, "badRequest");
        assertFaultBody(send("GET", "/v1/segments/abc%00def"), 400, "badRequest");
        assertFaultBody(send("GET", "/v1/segments?x=" + "a".repeat(10_000)), 400, "badRequest");
    }

    @Test
    void whatTheFirewallRefusesIsAFaultBodyToo() throws Exception {
        assertFaultBody(send("FOO", "/v1/segments"), 405, "badMethod");
        assertFaultBody(send("GET", "/v1/segments/..%3B/x"), 400, "badRequest");
    }

    @Test
    void anAnonymousMultipartPostLogsNoStackTrace(CapturedOutput output) throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "z".repeat(20_000) + "\r\n--" + boundary + "--\r\n";
        int before = errorLines(output);
        for (String path : new String[] {"/camunda/api/admin/setup/default/user/create",
                "/camunda/api/cockpit/plugin/x", "/v1/segments", "/engine-rest/deployment/create"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
        }
        assertThat(errorLines(output) - before).isZero();
    }

    private static int errorLines(CapturedOutput output) {
        return (int) output.getAll().lines().filter(l -> l.contains(" ERROR ")).count();
    }
}
