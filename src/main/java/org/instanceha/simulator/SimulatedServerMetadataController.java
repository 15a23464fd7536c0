package org.instanceha.simulator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated Nova's server metadata ({@code /servers/{id}/metadata}), with Nova's default policy: the
 * server's own project (or an administrator) may read and change it; to anyone else the server does not
 * exist (404).
 */
@RestController
@ConditionalOnProperty(name = "instanceha.simulator.enabled", havingValue = "true")
@RequestMapping(path = SimulatedNovaController.ROOT + "/v2.1/servers/{id}/metadata",
        produces = MediaType.APPLICATION_JSON_VALUE)
public class SimulatedServerMetadataController {

    private final ObjectMapper mapper;
    private static final int MAX_LENGTH = 255;

    private final SimulatedCloud cloud;
    private final SimulatedIdentity identity;

    public SimulatedServerMetadataController(SimulatedCloud cloud, SimulatedIdentity identity,
                                             ObjectMapper mapper) {
        this.cloud = cloud;
        this.identity = identity;
        this.mapper = mapper;
    }

    @GetMapping
    public Map<String, Object> show(@PathVariable String id, HttpServletRequest request) {
        SimulatedIdentity.IssuedToken token = token(request);
        synchronized (cloud) {
            return Map.of("metadata", new LinkedHashMap<>(owned(id, token).metadata));
        }
    }

    /** Nova's "create or update metadata items": the given items are set, the others kept. */
    @PostMapping
    public Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) String body,
                                      HttpServletRequest request) {
        SimulatedIdentity.IssuedToken token = token(request);
        Map<String, String> items = items(body);
        synchronized (cloud) {
            SimulatedServer server = owned(id, token);
            Map<String, String> metadata = new LinkedHashMap<>(server.metadata);
            metadata.putAll(items);
            server.metadata = metadata;
            return Map.of("metadata", new LinkedHashMap<>(metadata));
        }
    }

    /** As keystonemiddleware in front of Nova: no valid token, 401 before anything else. */
    private SimulatedIdentity.IssuedToken token(HttpServletRequest request) {
        return identity.validate(request.getHeader("X-Auth-Token")).orElseThrow(() -> {
            identity.countRejected();
            return new KeystoneUnauthorized();
        });
    }

    private SimulatedServer owned(String id, SimulatedIdentity.IssuedToken token) {
        SimulatedServer server = cloud.server(id);
        boolean admin = identity.roles(token).contains("admin");
        if (!admin && (token.project() == null || !token.project().id().equals(server.projectId))) {
            throw NovaFault.notFound("Instance " + id + " could not be found.");
        }
        return server;
    }

    private Map<String, String> items(String body) {
        JsonNode metadata;
        try {
            metadata = mapper.readTree(body == null ? "" : body).path("metadata");
        } catch (java.io.IOException e) {
            throw NovaFault.badRequest("Malformed request body");
        }
        if (!metadata.isObject()) {
            throw NovaFault.badRequest("Invalid input for field/attribute metadata. 'metadata' is a required property");
        }
        Map<String, String> items = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            if (!item.getValue().isTextual() || item.getKey().isEmpty() || item.getKey().length() > MAX_LENGTH
                    || item.getValue().asText().length() > MAX_LENGTH) {
                throw NovaFault.badRequest("Invalid input for field/attribute metadata. Value: " + item.getKey()
                        + ": keys and values are strings of at most 255 characters");
            }
            items.put(item.getKey(), item.getValue().asText());
        }
        return items;
    }
}
