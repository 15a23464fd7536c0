package org.instanceha.nova;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * Nova as a project user sees it, with their own token: their servers, and their servers' metadata, which
 * Nova's policy lets them change or not.
 */
@Component
public class ProjectCompute {

    private static final int MAX_SERVERS = 1000;

    private final OpenStackHttp http;

    public ProjectCompute(OpenStackHttp http) {
        this.http = http;
    }

    /** The servers the user's token lists in its project (up to 1,000). */
    public List<Server> servers(ProjectToken token) {
        JsonNode answer = send(token, HttpRequest.newBuilder(URI.create(token.computeUrl() + "/servers/detail?limit="
                + MAX_SERVERS)).GET(), "list your servers");
        List<Server> servers = new ArrayList<>();
        answer.path("servers").forEach(s -> servers.add(NovaJson.server(http.json(), s)));
        return servers;
    }

    /**
     * Sets these metadata items of the server, keeping its others (Nova's "create or update metadata items").
     *
     * @throws ComputeException with Nova's status and message when Nova refuses
     */
    public void setMetadata(ProjectToken token, String serverId, Map<String, String> items) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode metadata = body.putObject("metadata");
        items.forEach(metadata::put);
        send(token, HttpRequest.newBuilder(URI.create(token.computeUrl() + "/servers/"
                        + URLEncoder.encode(serverId, StandardCharsets.UTF_8) + "/metadata"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "change the metadata of " + serverId);
    }

    private JsonNode send(ProjectToken token, HttpRequest.Builder request, String what) {
        HttpResponse<String> response = http.send(request.header("X-Auth-Token", token.id()), "Nova",
                what);
        JsonNode json = http.read(response.body());
        int status = response.statusCode();
        if (status >= 400) {
            String message = OpenStackHttp.faultMessage(json);
            throw new ComputeException(status, "Nova refused to " + what + " (" + status + "): "
                    + (message == null ? "no message" : message), status >= 500);
        }
        return json;
    }
}
