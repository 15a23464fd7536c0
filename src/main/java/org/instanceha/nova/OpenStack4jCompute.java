package org.instanceha.nova;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link Compute} on openstack4j: the shared Keystone token is bound to the calling thread, and every
 * call is a microversioned request on that session (services and servers at 2.53, evacuate at 2.29,
 * migrations at 2.59).
 */
@Component
public class OpenStack4jCompute implements Compute {

    static final String SERVICES = "2.53";
    static final String SERVERS = "2.53";
    static final String EVACUATE = "2.29";
    /** From 2.95 an evacuated server is left stopped on its new host. */
    static final String EVACUATE_STOPPED = "2.95";
    /** {@code block_migration: auto} from 2.25, no {@code disk_over_commit}; {@code force} only until 2.67. */
    static final String LIVE_MIGRATE = "2.30";
    static final String MIGRATIONS = "2.59";

    private static final Logger log = LoggerFactory.getLogger(OpenStack4jCompute.class);
    private final KeystoneSession session;
    private final OpenStackProperties properties;
    private final ObjectMapper json;
    /** Host to the id of its nova-compute service, from every listing: an update then needs no lookup first. */
    private final Map<String, String> serviceIds = new ConcurrentHashMap<>();

    public OpenStack4jCompute(KeystoneSession session, OpenStackProperties properties, ObjectMapper json) {
        this.session = session;
        this.properties = properties;
        this.json = json;
    }

    private NovaRequests nova() {
        session.bindToCurrentThread();
        return new NovaRequests(json);
    }

    @Override
    public Optional<ComputeServiceInfo> computeService(String host) {
        JsonNode services = nova().get(SERVICES, "/os-services", Map.of("binary", "nova-compute", "host", host))
                .path("services");
        for (JsonNode service : services) {
            if (host.equals(service.path("host").asText())) {
                return Optional.of(remembered(NovaJson.service(json, service)));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ComputeServiceInfo> computeServices() {
        List<ComputeServiceInfo> result = new ArrayList<>();
        nova().get(SERVICES, "/os-services", Map.of("binary", "nova-compute")).path("services")
                .forEach(s -> result.add(remembered(NovaJson.service(json, s))));
        return result;
    }

    @Override
    public NovaServiceList computeServicesNow() {
        NovaRequests.Dated answer = nova().getDated(SERVICES, "/os-services", Map.of("binary", "nova-compute"));
        List<ComputeServiceInfo> result = new ArrayList<>();
        answer.json().path("services").forEach(s -> result.add(remembered(NovaJson.service(json, s))));
        return NovaServiceList.of(answer.date(), result);
    }

    @Override
    public ComputeServiceInfo disableService(String host, String reason) {
        ObjectNode body = json.createObjectNode().put("status", "disabled").put("disabled_reason", reason);
        ComputeServiceInfo result = updateService(host, body);
        log.info("Disabled nova-compute on {}: {}", host, reason);
        return result;
    }

    @Override
    public ComputeServiceInfo enableService(String host) {
        ComputeServiceInfo result = updateService(host, json.createObjectNode().put("status", "enabled"));
        log.info("Enabled nova-compute on {}", host);
        return result;
    }

    @Override
    public ComputeServiceInfo forceDown(String host, boolean forcedDown) {
        ComputeServiceInfo result = updateService(host, json.createObjectNode().put("forced_down", forcedDown));
        log.info("{} nova-compute on {}", forcedDown ? "Forced down" : "Cleared forced_down of", host);
        return result;
    }

    /** One PUT when the id is known; a service registered again since (new id, old one 404) is looked up. */
    private ComputeServiceInfo updateService(String host, ObjectNode body) {
        String known = serviceIds.get(host);
        if (known != null) {
            try {
                return putService(known, body);
            } catch (ComputeNotFound e) {
                serviceIds.remove(host, known);
            }
        }
        ComputeServiceInfo service = computeService(host).orElseThrow(() ->
                new ComputeNotFound("Compute service with name " + host + " could not be found."));
        return putService(service.id(), body);
    }

    private ComputeServiceInfo putService(String id, ObjectNode body) {
        return remembered(NovaJson.service(json, nova().put(SERVICES, "/os-services/" + id, body.toString()).path("service")));
    }

    private ComputeServiceInfo remembered(ComputeServiceInfo service) {
        if (service.host() != null && service.id() != null) {
            serviceIds.put(service.host(), service.id());
        }
        return service;
    }

    @Override
    public List<Server> serversOnHost(String host) {
        return listServers(Map.of("host", host));
    }

    @Override
    public List<Server> servers() {
        return listServers(Map.of());
    }

    @Override
    public List<Server> serversOfProject(String projectId) {
        return listServers(Map.of("project_id", projectId));
    }

    @Override
    public List<Server> serversChangedSince(java.time.Instant since) {
        return listServers(Map.of("changes-since", since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
    }

    /** Servers of all projects matching Nova's list filters, every page of them. */
    private List<Server> listServers(Map<String, Object> filters) {
        List<Server> servers = new ArrayList<>();
        String marker = null;
        while (true) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("all_tenants", "1");
            query.putAll(filters);
            query.put("limit", properties.pageSize());
            if (marker != null) {
                query.put("marker", marker);
            }
            JsonNode page = nova().get(SERVERS, "/servers/detail", query).path("servers");
            for (JsonNode server : page) {
                servers.add(NovaJson.server(json, server));
            }
            if (page.size() < properties.pageSize() || page.isEmpty()) {
                return servers;
            }
            marker = servers.get(servers.size() - 1).id();
        }
    }

    @Override
    public Optional<Server> server(String serverId) {
        try {
            return Optional.of(NovaJson.server(json, nova().get(SERVERS, "/servers/" + serverId, Map.of()).path("server")));
        } catch (ComputeNotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public void evacuate(String serverId, String targetHost) {
        evacuate(serverId, targetHost, EVACUATE);
    }

    @Override
    public void evacuateStopped(String serverId, String targetHost) {
        evacuate(serverId, targetHost, EVACUATE_STOPPED);
    }

    private void evacuate(String serverId, String targetHost, String microversion) {
        ObjectNode evacuate = json.createObjectNode();
        if (targetHost != null) {
            evacuate.put("host", targetHost);
        }
        ObjectNode body = json.createObjectNode();
        body.set("evacuate", evacuate);
        nova().post(microversion, "/servers/" + serverId + "/action", body.toString());
        log.info("Nova accepted the evacuation of server {} to {}{}", serverId,
                targetHost == null ? "a host of its scheduler's choice" : targetHost,
                microversion.equals(EVACUATE_STOPPED) ? ", to be left stopped" : "");
    }

    @Override
    public void liveMigrate(String serverId, String targetHost) {
        ObjectNode body = json.createObjectNode();
        body.putObject("os-migrateLive").put("host", targetHost).put("block_migration", "auto");
        nova().post(LIVE_MIGRATE, "/servers/" + serverId + "/action", body.toString());
        log.info("Nova accepted the live migration of server {} to {}", serverId, targetHost);
    }

    @Override
    public void stop(String serverId) {
        action(serverId, "{\"os-stop\": null}");
    }

    @Override
    public void start(String serverId) {
        action(serverId, "{\"os-start\": null}");
    }

    @Override
    public void lock(String serverId) {
        action(serverId, "{\"lock\": null}");
    }

    @Override
    public void unlock(String serverId) {
        action(serverId, "{\"unlock\": null}");
    }

    @Override
    public void resetState(String serverId, String state) {
        if (!"active".equals(state) && !"error".equals(state)) {
            throw new IllegalArgumentException("Nova resets a server to active or error only, not " + state);
        }
        action(serverId, "{\"os-resetState\": {\"state\": \"" + state + "\"}}");
    }

    private void action(String serverId, String body) {
        nova().post(SERVERS, "/servers/" + serverId + "/action", body);
    }

    @Override
    public List<HypervisorCapacity> hypervisors() {
        List<HypervisorCapacity> result = new ArrayList<>();
        for (JsonNode h : nova().get(SERVICES, "/os-hypervisors/detail", Map.of()).path("hypervisors")) {
            result.add(NovaJson.hypervisor(json, h).withAllocationRatios(properties.cpuAllocationRatio(),
                    properties.ramAllocationRatio()));
        }
        return result;
    }

    @Override
    public List<Aggregate> aggregates() {
        List<Aggregate> result = new ArrayList<>();
        for (JsonNode a : nova().get(SERVICES, "/os-aggregates", Map.of()).path("aggregates")) {
            result.add(NovaJson.aggregate(json, a));
        }
        return result;
    }

    @Override
    public void addHostToAggregate(long aggregateId, String host) {
        try {
            nova().post(SERVICES, "/os-aggregates/" + aggregateId + "/action",
                    "{\"add_host\": {\"host\": \"" + host + "\"}}");
            log.info("Added {} to aggregate {}", host, aggregateId);
        } catch (ComputeConflict e) {
            boolean member = aggregatesOf(host).stream().anyMatch(a -> a.id() == aggregateId);
            if (!member) {
                throw e;
            }
        }
    }

    @Override
    public List<Migration> evacuationsOf(String serverId) {
        return evacuations(Map.of("migration_type", "evacuation", "instance_uuid", serverId));
    }

    @Override
    public List<Migration> evacuationsFrom(String sourceHost) {
        return evacuations(Map.of("migration_type", "evacuation", "source_compute", sourceHost));
    }

    private List<Migration> evacuations(Map<String, Object> query) {
        List<Migration> result = new ArrayList<>();
        for (JsonNode m : nova().get(MIGRATIONS, "/os-migrations", query).path("migrations")) {
            result.add(NovaJson.migration(json, m));
        }
        return result;
    }
}
