package org.instanceha.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The simulated Nova v2.1 API: the calls instance-ha makes, with Nova's answers and errors. */
@RestController
@ConditionalOnProperty(name = "instanceha.simulator.enabled", havingValue = "true")
@RequestMapping(path = SimulatedNovaController.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
public class SimulatedNovaController {

    static final String ROOT = "/simulator/compute";
    private final ObjectMapper mapper;

    private final SimulatedCloud cloud;
    private final SimulatedIdentity identity;
    private final SimulatedNovaTraffic traffic;
    private final Clock clock;

    public SimulatedNovaController(SimulatedCloud cloud, SimulatedIdentity identity, SimulatedNovaTraffic traffic,
                                   Clock clock, ObjectMapper mapper) {
        this.cloud = cloud;
        this.identity = identity;
        this.traffic = traffic;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** What every Nova call does first: injected faults, microversion, token, policy. */
    private NovaVersion begin(HttpServletRequest request, HttpServletResponse response, boolean adminOnly) {
        traffic.count(request.getMethod(), String.valueOf(request.getAttribute(
                org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).substring(ROOT.length()));
        int fault = cloud.takeInjectedFault();
        if (fault == -1) {
            try {
                Thread.sleep(cloud.timeoutDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (fault > 0) {
            throw new NovaFault(fault, fault == 503 ? "Service Unavailable (simulated)"
                    : "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the "
                    + "Nova API log if possible.\n<class 'Exception'> (simulated)");
        }
        String requestId = "req-" + UUID.randomUUID();
        response.setHeader("x-openstack-request-id", requestId);
        response.setHeader("x-compute-request-id", requestId);
        response.setHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
        NovaVersion version = cloud.negotiate(request.getHeader("OpenStack-API-Version"),
                request.getHeader("X-OpenStack-Nova-API-Version"));
        response.setHeader("OpenStack-API-Version", "compute " + version);
        response.setHeader("X-OpenStack-Nova-API-Version", version.toString());
        SimulatedIdentity.IssuedToken token = identity.validate(request.getHeader("X-Auth-Token"))
                .orElseThrow(() -> {
                    identity.countRejected();
                    return new KeystoneUnauthorized();
                });
        if (adminOnly && !identity.roles(token).contains("admin")) {
            throw new NovaFault(403, "Policy doesn't allow this operation to be performed.");
        }
        request.setAttribute(SimulatedIdentity.IssuedToken.class.getName(), token);
        return version;
    }

    private String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(ROOT).toUriString();
    }

    @GetMapping({"", "/"})
    public Map<String, Object> versions(HttpServletRequest request) {
        Map<String, Object> v21 = version(request);
        v21.remove("media-types");
        v21.put("links", List.of(NovaViews.link("self", base(request) + "/v2.1/")));
        return Map.of("versions", List.of(v21));
    }

    @GetMapping({"/v2.1", "/v2.1/"})
    public Map<String, Object> v21(HttpServletRequest request) {
        return Map.of("version", version(request));
    }

    private Map<String, Object> version(HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.1");
        v.put("status", "CURRENT");
        v.put("version", cloud.negotiate(null, "latest").toString());
        v.put("min_version", NovaVersion.MIN.toString());
        v.put("updated", "2013-07-23T11:33:21Z");
        v.put("links", new ArrayList<>(List.of(NovaViews.link("self", base(request) + "/v2.1/"),
                Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/"))));
        v.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.compute+json;version=2.1")));
        return v;
    }

    @GetMapping("/v2.1/os-services")
    public Map<String, Object> services(HttpServletRequest request, HttpServletResponse response,
                                        @RequestParam(required = false) String binary,
                                        @RequestParam(required = false) String host) {
        NovaVersion v = begin(request, response, true);
        List<Map<String, Object>> services = new ArrayList<>();
        if (binary == null || !"nova-compute".equals(binary)) {
            NovaViews.controlServices(v, clock.instant()).stream()
                    .filter(s -> binary == null || binary.equals(s.get("binary")))
                    .filter(s -> host == null || host.equals(s.get("host")))
                    .forEach(services::add);
        }
        if (binary == null || "nova-compute".equals(binary)) {
            services.addAll(locked(() -> cloud.computeHosts().stream().filter(h -> host == null
                    || host.equals(h.name)).map(h -> NovaViews.service(cloud, h, v)).toList()));
        }
        return Map.of("services", services);
    }

    @PutMapping("/v2.1/os-services/{id}")
    public Map<String, Object> updateService(HttpServletRequest request, HttpServletResponse response,
                                             @PathVariable String id, @RequestBody(required = false) String body) {
        NovaVersion v = begin(request, response, true);
        if (!v.atLeast(53)) {
            throw NovaFault.notFound("The resource could not be found.");
        }
        JsonNode json = NovaBodies.object(mapper, body);
        NovaBodies.allowOnly("service", json, Set.of("status", "disabled_reason", "forced_down"));
        String status = json.hasNonNull("status") ? json.get("status").asText() : null;
        if (status != null && !status.equals("enabled") && !status.equals("disabled")) {
            throw NovaFault.badRequest("Invalid input for field/attribute status. Value: " + status + ". '" + status
                    + "' is not one of ['enabled', 'disabled']");
        }
        if (json.has("forced_down") && !json.get("forced_down").isBoolean()) {
            throw NovaFault.badRequest("Invalid input for field/attribute forced_down. Value: "
                    + json.get("forced_down") + ". " + json.get("forced_down") + " is not of type 'boolean'");
        }
        Boolean forcedDown = json.has("forced_down") ? json.get("forced_down").asBoolean() : null;
        String reason = json.hasNonNull("disabled_reason") ? json.get("disabled_reason").asText() : null;
        return locked(() -> Map.of("service", NovaViews.service(cloud, cloud.updateService(id, status, reason,
                forcedDown), v)));
    }

    @GetMapping("/v2.1/servers/detail")
    public Map<String, Object> servers(HttpServletRequest request, HttpServletResponse response,
                                       @RequestParam(name = "all_tenants", required = false) String allTenants,
                                       @RequestParam(required = false) String host,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String marker,
                                       @RequestParam(name = "project_id", required = false) String projectId,
                                       @RequestParam(name = "changes-since", required = false) String since) {
        boolean all = allTenants != null && !"0".equals(allTenants) && !"false".equalsIgnoreCase(allTenants);
        NovaVersion v = begin(request, response, all);
        SimulatedIdentity.IssuedToken token = (SimulatedIdentity.IssuedToken) request.getAttribute(
                SimulatedIdentity.IssuedToken.class.getName());
        boolean admin = identity.roles(token).contains("admin");
        Integer pageSize = NovaRules.pageSize(limit);
        String project = all ? projectId : token.project() == null ? "" : token.project().id();
        return locked(() -> Map.of("servers", cloud.servers(project, admin ? host : null,
                NovaRules.changesSince(since), pageSize, marker).stream()
                .map(s -> NovaViews.server(cloud, s, v, base(request))).toList()));
    }

    @GetMapping("/v2.1/servers/{id}")
    public Map<String, Object> server(HttpServletRequest request, HttpServletResponse response,
                                      @PathVariable String id) {
        NovaVersion v = begin(request, response, false);
        return locked(() -> Map.of("server", NovaViews.server(cloud, cloud.server(id), v, base(request))));
    }

    @PostMapping("/v2.1/servers/{id}/action")
    public ResponseEntity<?> action(HttpServletRequest request, HttpServletResponse response,
                                    @PathVariable String id, @RequestBody(required = false) String body) {
        NovaVersion v = begin(request, response, true);
        JsonNode json = NovaBodies.object(mapper, body);
        Iterator<String> names = json.fieldNames();
        String action = names.hasNext() ? names.next() : "";
        JsonNode argument = json.get(action);
        switch (action) {
            case "evacuate" -> {
                String target = NovaBodies.evacuateTarget(argument, v);
                cloud.evacuate(id, target, v.atLeast(95));
                if (!v.atLeast(14)) {
                    return ResponseEntity.ok(Map.of("adminPass", UUID.randomUUID().toString().substring(0, 12)));
                }
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).contentLength(0).build();
            }
            case "os-stop" -> cloud.stop(id);
            case "os-start" -> cloud.start(id);
            case "lock", "unlock" -> cloud.lock(id, action.equals("lock"));
            case "os-migrateLive" -> cloud.liveMigrate(id, LiveMigrationRules.target(argument));
            case "os-resetState" -> cloud.resetState(id, argument == null ? null : argument.path("state").asText(null));
            default -> throw NovaFault.badRequest("There is no such action: " + action);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).contentLength(0)
                .build();
    }

    @GetMapping("/v2.1/os-hypervisors/detail")
    public Map<String, Object> hypervisors(HttpServletRequest request, HttpServletResponse response) {
        NovaVersion v = begin(request, response, true);
        return locked(() -> Map.of("hypervisors", cloud.computeHosts().stream()
                .map(h -> NovaViews.hypervisor(cloud, h, v)).toList()));
    }

    @GetMapping("/v2.1/os-aggregates")
    public Map<String, Object> aggregates(HttpServletRequest request, HttpServletResponse response) {
        NovaVersion v = begin(request, response, true);
        return Map.of("aggregates", cloud.aggregates().stream().map(a -> NovaViews.aggregate(a, v)).toList());
    }

    @PostMapping("/v2.1/os-aggregates/{id}/action")
    public Map<String, Object> aggregateAction(HttpServletRequest request, HttpServletResponse response,
                                               @PathVariable long id, @RequestBody(required = false) String body) {
        NovaVersion v = begin(request, response, true);
        JsonNode json = NovaBodies.object(mapper, body);
        if (!json.has("add_host") || !json.get("add_host").hasNonNull("host")) {
            throw NovaFault.badRequest("Invalid input for field/attribute add_host.");
        }
        return Map.of("aggregate", NovaViews.aggregate(
                cloud.addHostToAggregate(id, json.get("add_host").get("host").asText()), v));
    }

    @GetMapping("/v2.1/os-migrations")
    public Map<String, Object> migrations(HttpServletRequest request, HttpServletResponse response,
                                          @RequestParam(name = "migration_type", required = false) String type,
                                          @RequestParam(name = "instance_uuid", required = false) String instance,
                                          @RequestParam(name = "source_compute", required = false) String source) {
        NovaVersion v = begin(request, response, true);
        return locked(() -> Map.of("migrations", cloud.migrations(type, instance, source).stream()
                .map(m -> NovaViews.migration(m, v)).toList()));
    }

    /** A view rendered under the cloud's lock: one built while an evacuation settles mixes two states. */
    private <T> T locked(java.util.function.Supplier<T> view) {
        synchronized (cloud) {
            return view.get();
        }
    }
}
