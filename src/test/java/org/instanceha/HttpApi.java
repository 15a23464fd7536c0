package org.instanceha;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small real-HTTP client for the tests: a request builder and a response with its JSON body. */
public final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    public Call post(String path, String json) {
        return new Call("POST", path, json);
    }

    public Call put(String path, String json) {
        return new Call("PUT", path, json);
    }

    public Call method(String method, String path, String json) {
        return new Call(method, path, json);
    }

    /** One request; by default it authenticates as the administrator. */
    public final class Call {
        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Call(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
            as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
        }

        public Call as(String user, String password) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        public Call anonymous() {
            headers.remove("Authorization");
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call version(String version) {
            return header("OpenStack-API-Version", "instance-ha " + version);
        }

        public Response send() {
            var builder = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response: status, headers, and the body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
