package org.instanceha.nova;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our own calls to Keystone v3 besides the service login openstack4j makes ({@link KeystoneSession}): a
 * caller's token validated ({@code GET /v3/auth/tokens}, our token in {@code X-Auth-Token}, theirs in
 * {@code X-Subject-Token}, as keystonemiddleware does), and a project user's password login
 * ({@code POST /v3/auth/tokens} scoped to their project, as Horizon and Skyline do). Both answers are read by
 * {@link KeystoneToken#read}.
 */
@Component
public class KeystoneClient {

    private static final Logger log = LoggerFactory.getLogger(KeystoneClient.class);

    private final KeystoneSession session;
    private final OpenStackProperties properties;
    private final OpenStackHttp http;

    public KeystoneClient(KeystoneSession session, OpenStackProperties properties, OpenStackHttp http) {
        this.session = session;
        this.properties = properties;
        this.http = http;
    }

    /**
     * The token's owner, scope and roles; empty when Keystone does not know the token or it has expired.
     *
     * @throws ComputeException when Keystone cannot be asked
     */
    public Optional<KeystoneToken> validate(String token) {
        return validate(token, true);
    }

    private Optional<KeystoneToken> validate(String token, boolean retryWithFreshServiceToken) {
        String url = tokensUrl();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Auth-Token", session.tokenId())
                .header("X-Subject-Token", token)
                .GET(), "Keystone at " + url, "validate a token");
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(read(http.read(response.body()).path("token"), status, "token validation"));
        }
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401 && retryWithFreshServiceToken) {
            log.info("Keystone refused our own token while validating a caller's; authenticating again");
            session.invalidate();
            return validate(token, false);
        }
        throw new ComputeException(status, "Keystone at " + url + " answered " + status
                + " when asked to validate a token", status >= 500);
    }

    /**
     * The user's token in the project; empty when Keystone refuses the user, the password or the project.
     *
     * @throws ComputeException when Keystone cannot be asked, or its token has no compute endpoint
     */
    public Optional<ProjectToken> login(String user, String password, String project, String domain) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        identity.putObject("password").putObject("user").put("name", user).put("password", password)
                .putObject("domain").put("name", domain);
        auth.putObject("scope").putObject("project").put("name", project).putObject("domain").put("name", domain);
        String url = tokensUrl();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "Keystone at " + url,
                "log a project user in");
        int status = response.statusCode();
        if (status == 401 || status == 404 || status == 400) {
            return Optional.empty();
        }
        if (status != 201) {
            throw new ComputeException(status, "Keystone at " + url + " answered " + status + " to a login",
                    status >= 500);
        }
        String id = response.headers().firstValue("X-Subject-Token").orElseThrow(() ->
                new ComputeException(201, "Keystone's login answer has no X-Subject-Token", false));
        JsonNode token = http.read(response.body()).path("token");
        return Optional.of(new ProjectToken(id, read(token, status, "login"), computeUrl(token.path("catalog"))));
    }

    private String tokensUrl() {
        return session.authUrl().replaceAll("/+$", "") + "/auth/tokens";
    }

    private static KeystoneToken read(JsonNode token, int status, String what) {
        try {
            return KeystoneToken.read(token);
        } catch (IllegalArgumentException e) {
            throw new ComputeException(status, "Keystone's " + what + " answer could not be read: "
                    + e.getMessage(), status == 200, e);
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
