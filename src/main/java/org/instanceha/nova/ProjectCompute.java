package org.instanceha.nova;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * Nova as a project user sees it, with their own token: their servers, and their servers' metadata, which
 * Nova's policy lets them change or not.
 */
@Component
public class ProjectCompute {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVERS = 1000;

    private final HttpClient http;
    private final OpenStackProperties properties;

    public ProjectCompute(OpenStackProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /** The servers the user's token lists in its project (up to 1,000). */
    public List<Server> servers(ProjectToken token) {
        JsonNode answer = send(token, HttpRequest.newBuilder(URI.create(token.computeUrl() + "/servers/detail?limit="
                + MAX_SERVERS)).GET(), "list your servers");
        List<Server> servers = new ArrayList<>();
        answer.path("servers").forEach(s -> servers.add(NovaJson.server(s)));
        return servers;
    }

    /**
     * Sets these metadata items of the server, keeping its others (Nova's "create or update metadata items").
     *
     * @throws ComputeException with Nova's status and message when Nova refuses
     */
    public void setMetadata(ProjectToken token, String serverId, Map<String, String> items) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode metadata = body.putObject("metadata");
        items.forEach(metadata::put);
        send(token, HttpRequest.newBuilder(URI.create(token.computeUrl() + "/servers/"
                        + URLEncoder.encode(serverId, StandardCharsets.UTF_8) + "/metadata"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "change the metadata of " + serverId);
    }

    private JsonNode send(ProjectToken token, HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(properties.readTimeout()).header("Accept", "application/json")
                    .header("X-Auth-Token", token.id()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ComputeException(0, "Nova could not be reached to " + what + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException(0, "Interrupted while asking Nova to " + what, true, e);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        int status = response.statusCode();
        if (status >= 400) {
            throw new ComputeException(status, "Nova refused to " + what + " (" + status + "): "
                    + faultMessage(json), status >= 500);
        }
        return json;
    }

    /** The message of Nova's fault body ({@code {"forbidden": {"message": ...}}}), or a generic one. */
    private static String faultMessage(JsonNode json) {
        Iterator<JsonNode> faults = json.elements();
        if (faults.hasNext()) {
            String message = faults.next().path("message").asText("");
            if (!message.isBlank()) {
                return message;
            }
        }
        return "no message";
    }
}
