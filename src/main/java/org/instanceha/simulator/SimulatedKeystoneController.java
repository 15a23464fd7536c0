package org.instanceha.simulator;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The simulated Keystone v3: password tokens scoped to a project, with a catalog whose {@code compute}
 * endpoint is the simulated Nova and whose {@code instance-ha} endpoint is this application's v1 API;
 * and token validation ({@code GET /v3/auth/tokens}), as keystonemiddleware does it.
 */
@RestController
@ConditionalOnProperty(name = "instanceha.simulator.enabled", havingValue = "true")
@RequestMapping(path = SimulatedKeystoneController.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
public class SimulatedKeystoneController {

    static final String ROOT = "/simulator/identity";
    private final ObjectMapper mapper;
    private static final DateTimeFormatter KEYSTONE_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final SimulatedIdentity identity;

    public SimulatedKeystoneController(SimulatedIdentity identity, ObjectMapper mapper) {
        this.identity = identity;
        this.mapper = mapper;
    }

    static String identityUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(ROOT + "/v3").toUriString();
    }

    @GetMapping({"/v3", "/v3/"})
    public Map<String, Object> version(HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v3.14");
        v.put("status", "stable");
        v.put("updated", "2020-04-07T00:00:00Z");
        v.put("links", List.of(Map.of("rel", "self", "href", identityUrl(request) + "/")));
        v.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.identity-v3+json")));
        return Map.of("version", v);
    }

    @PostMapping("/v3/auth/tokens")
    public ResponseEntity<Map<String, Object>> issue(@RequestBody(required = false) String body,
                                                     HttpServletRequest request) {
        JsonNode auth = parse(body).path("auth");
        JsonNode user = auth.path("identity").path("password").path("user");
        JsonNode project = auth.path("scope").path("project");
        if (!auth.path("identity").path("methods").toString().contains("password") || user.isMissingNode()) {
            return error(400, "Bad Request", "Expecting to find identity in auth. The server could not comply with "
                    + "the request since it is either malformed or otherwise incorrect.");
        }
        String projectName = project.hasNonNull("name") ? project.get("name").asText() : null;
        boolean system = auth.path("scope").path("system").path("all").asBoolean(false);
        return identity.authenticate(user.path("name").asText(), user.path("password").asText(), projectName, system)
                .map(token -> ResponseEntity.status(HttpStatus.CREATED)
                        .header("X-Subject-Token", token.id())
                        .header("Vary", "X-Auth-Token")
                        .header("x-openstack-request-id", "req-" + UUID.randomUUID())
                        .body(tokenBody(token, request)))
                .orElseGet(() -> error(401, "Unauthorized", "The request you have made requires authentication."));
    }

    @GetMapping("/v3/auth/tokens")
    public ResponseEntity<Map<String, Object>> validate(
            @RequestHeader(name = "X-Auth-Token", required = false) String authToken,
            @RequestHeader(name = "X-Subject-Token", required = false) String subjectToken,
            HttpServletRequest request) {
        SimulatedIdentity.IssuedToken caller = identity.validate(authToken).orElseThrow(KeystoneUnauthorized::new);
        var subject = identity.validate(subjectToken);
        if (subject.isEmpty()) {
            return error(404, "Not Found", "Could not find token: " + subjectToken + ".");
        }
        // Keystone's policy identity:validate_token: an admin or service user, or the token's own user.
        boolean privileged = identity.roles(caller).stream().anyMatch(r -> r.equals("admin") || r.equals("service"));
        if (!privileged && !caller.user().id().equals(subject.get().user().id())) {
            return error(403, "Forbidden", "You are not authorized to perform the requested action: "
                    + "identity:validate_token.");
        }
        return ResponseEntity.ok().header("X-Subject-Token", subject.get().id()).body(tokenBody(subject.get(), request));
    }

    private Map<String, Object> tokenBody(SimulatedIdentity.IssuedToken token, HttpServletRequest request) {
        Map<String, Object> domain = Map.of("id", "default", "name", "Default");
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("domain", domain);
        user.put("id", token.user().id());
        user.put("name", token.user().name());
        user.put("password_expires_at", null);
        Map<String, Object> project = new LinkedHashMap<>();
        if (token.project() != null) {
            project.put("domain", domain);
            project.put("id", token.project().id());
            project.put("name", token.project().name());
        }
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String role : token.user().roles()) {
            roles.add(Map.of("id", UUID.nameUUIDFromBytes(role.getBytes()).toString().replace("-", ""), "name", role));
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        List<Map<String, Object>> catalog = List.of(
                service("compute", "nova", base + SimulatedNovaController.ROOT + "/v2.1"),
                service("instance-ha", "masakari", base + "/v1" + (token.project() == null ? ""
                        : "/" + token.project().id())),
                service("identity", "keystone", identityUrl(request) + "/"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("methods", List.of("password"));
        body.put("user", user);
        body.put("audit_ids", List.of(token.auditId()));
        body.put("expires_at", KEYSTONE_TIME.format(token.expiresAt()));
        body.put("issued_at", KEYSTONE_TIME.format(token.issuedAt()));
        if (token.project() != null) {
            body.put("project", project);
        } else {
            body.put("system", Map.of("all", true));
        }
        body.put("is_domain", false);
        body.put("roles", roles);
        body.put("catalog", catalog);
        return Map.of("token", body);
    }

    private static Map<String, Object> service(String type, String name, String url) {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        for (String face : List.of("internal", "public", "admin")) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("id", UUID.nameUUIDFromBytes((type + face).getBytes()).toString().replace("-", ""));
            endpoint.put("interface", face);
            endpoint.put("region_id", "RegionOne");
            endpoint.put("url", url);
            endpoint.put("region", "RegionOne");
            endpoints.add(endpoint);
        }
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("endpoints", endpoints);
        service.put("id", UUID.nameUUIDFromBytes(type.getBytes()).toString().replace("-", ""));
        service.put("type", type);
        service.put("name", name);
        return service;
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String title, String message) {
        return SimulatorFaults.keystoneStatus(status)
                .body(SimulatorFaults.keystoneBody(status, title, message));
    }

    private JsonNode parse(String body) {
        try {
            return body == null ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
