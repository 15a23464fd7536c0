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

/**
 * A small real-HTTP client for the tests: a request builder and a response with its JSON body.
 * Requests carry HTTP Basic credentials; when the application runs with
 * {@code instanceha.auth.mode=keystone} (system property, set by Maven's {@code keystone} execution),
 * requests to {@code /v1} carry instead a token of the simulated Keystone for the matching user
 * (engine-rest and the webapps keep Camunda's own login): the administrator
 * becomes Keystone's {@code admin}, the operator Keystone's {@code demo} (a member, not an admin), and
 * any other credentials an invalid token.
 */
public final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whether this test run is the keystone pass (callers send Keystone tokens). */
    public static final boolean KEYSTONE = "keystone".equals(System.getProperty("instanceha.auth.mode"));
    private static final Map<String, String> KEYSTONE_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
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

    /**
     * A multipart/form-data POST, as Camunda Modeler deploys: {@code fields} as plain parts, {@code files}
     * (file name to content) as file parts.
     */
    public Call postMultipart(String path, Map<String, String> fields, Map<String, String> files) {
        String boundary = "----instanceha" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return new Call("POST", path, body.toString()).header("Content-Type", "multipart/form-data; boundary=" + boundary);
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
            boolean ours = path.startsWith("/v1") || path.startsWith("/actuator");
            if (KEYSTONE && ours && headers.containsKey("Authorization")) {
                headers.put("X-Auth-Token", keystoneToken(headers.remove("Authorization")));
            }
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

    private String keystoneToken(String basic) {
        String[] credentials = new String(Base64.getDecoder().decode(basic.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":", 2);
        String keystoneUser;
        if (credentials[0].equals(TestUsers.ADMIN) && credentials[1].equals(TestUsers.ADMIN_PASSWORD)) {
            keystoneUser = "admin";
        } else if (credentials[0].equals(TestUsers.OPERATOR) && credentials[1].equals(TestUsers.OPERATOR_PASSWORD)) {
            keystoneUser = "guest";
        } else if (credentials[0].equals(TestUsers.READER) && credentials[1].equals(TestUsers.READER_PASSWORD)) {
            keystoneUser = "auditor";
        } else if (credentials[0].equals(TestUsers.MEMBER_A) && credentials[1].equals(TestUsers.MEMBER_A_PASSWORD)) {
            keystoneUser = "demo";
        } else if (credentials[0].equals(TestUsers.MEMBER_B) && credentials[1].equals(TestUsers.MEMBER_B_PASSWORD)) {
            keystoneUser = "alt";
        } else {
            return "invalid-token-for-" + credentials[0];
        }
        return KEYSTONE_TOKENS.computeIfAbsent(base + keystoneUser, k -> issueToken(keystoneUser));
    }

    /**
     * A token from the simulated Keystone, for a user whose password is {@code secret}: scoped to the user's
     * project, or to the system for {@code auditor}.
     */
    public String issueToken(String user) {
        String project = switch (user) {
            case "admin" -> "admin";
            case "alt" -> "alt";
            default -> "demo";
        };
        String scope = user.equals("auditor") ? "{\"system\": {\"all\": true}}"
                : "{\"project\": {\"name\": \"%s\", \"domain\": {\"name\": \"Default\"}}}".formatted(project);
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"name": "Default"}, "password": "secret"}}},
                 "scope": %s}}""".formatted(user, scope);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/simulator/identity/v3/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.headers().firstValue("X-Subject-Token").orElseThrow(() ->
                    new IllegalStateException("no token for " + user + ": " + response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
