package org.instanceha.nova;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * A project user's password authentication with Keystone ({@code POST /v3/auth/tokens}, scoped to their
 * project), as Horizon and Skyline do it.
 */
@Component
public class ProjectLogins {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeystoneSession session;
    private final OpenStackProperties properties;
    private final HttpClient http;

    public ProjectLogins(KeystoneSession session, OpenStackProperties properties) {
        this.session = session;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /**
     * The user's token in the project; empty when Keystone refuses the user, the password or the project.
     *
     * @throws ComputeException when Keystone cannot be asked, or its token has no compute endpoint
     */
    public Optional<ProjectToken> login(String user, String password, String project, String domain) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        identity.putObject("password").putObject("user").put("name", user).put("password", password)
                .putObject("domain").put("name", domain);
        auth.putObject("scope").putObject("project").put("name", project).putObject("domain").put("name", domain);
        String url = session.authUrl().replaceAll("/+$", "") + "/auth/tokens";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.readTimeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ComputeException(0, "Keystone at " + url + " could not be reached: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException(0, "Interrupted while logging in with Keystone", true, e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 404 || response.statusCode() == 400) {
            return Optional.empty();
        }
        if (response.statusCode() != 201) {
            throw new ComputeException(response.statusCode(), "Keystone at " + url + " answered "
                    + response.statusCode() + " to a login", response.statusCode() >= 500);
        }
        String id = response.headers().firstValue("X-Subject-Token").orElseThrow(() ->
                new ComputeException(201, "Keystone's login answer has no X-Subject-Token", false));
        return Optional.of(read(id, response.body()));
    }

    private ProjectToken read(String id, String body) {
        try {
            JsonNode token = JSON.readTree(body).path("token");
            List<String> roles = new ArrayList<>();
            token.path("roles").forEach(r -> roles.add(r.path("name").asText()));
            Instant expires = OffsetDateTime.parse(token.path("expires_at").asText()).toInstant();
            return new ProjectToken(id, token.path("user").path("name").asText(),
                    token.path("project").path("id").asText(), token.path("project").path("name").asText(), roles,
                    computeUrl(token.path("catalog")), expires);
        } catch (IOException | DateTimeParseException e) {
            throw new ComputeException(201, "Keystone's login answer could not be read: " + e.getMessage(), false, e);
        }
    }

    /** Nova's endpoint of the configured interface (and region, when one is configured). */
    private String computeUrl(JsonNode catalog) {
        for (JsonNode service : catalog) {
            if (!service.path("type").asText().equals("compute")) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                boolean region = properties.region() == null
                        || properties.region().equals(endpoint.path("region_id").asText(null))
                        || properties.region().equals(endpoint.path("region").asText(null));
                if (region && endpoint.path("interface").asText().equals(properties.interfaceName())) {
                    return endpoint.path("url").asText().replaceAll("/+$", "");
                }
            }
        }
        throw new ComputeException(201, "The token's catalog has no " + properties.interfaceName()
                + " compute endpoint", false);
    }
}
