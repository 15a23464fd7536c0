package org.instanceha.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulated cloud holds: hosts, servers, aggregates, migration records and flavors, as the
 * seed describes them, and the lookups Nova's API needs. Not thread-safe: {@link SimulatedCloud}
 * guards it.
 */
final class CloudState {

    final Map<String, SimulatedHost> hosts = new LinkedHashMap<>();
    final Map<String, SimulatedServer> servers = new LinkedHashMap<>();
    final Map<Long, SimulatedAggregate> aggregates = new LinkedHashMap<>();
    final List<SimulatedMigration> migrations = new ArrayList<>();
    final Map<String, CloudSeed.FlavorSeed> flavors = new LinkedHashMap<>();

    private final CloudSeed seed;
    private static final Logger log = LoggerFactory.getLogger(CloudState.class);

    private final Clock clock;

    CloudState(CloudSeed seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /** Back to the seed. */
    void load() {
        hosts.clear();
        servers.clear();
        aggregates.clear();
        migrations.clear();
        flavors.clear();
        Instant now = clock.instant();
        seed.flavors().forEach(f -> flavors.put(f.id(), f));
        for (CloudSeed.HostSeed h : seed.hosts()) {
            SimulatedHost host = addComputeHost(h.name(), h.vcpus(), h.memoryMb());
            host.enabled = !h.disabled();
            host.disabledReason = h.disabled() ? h.disabledReason() : null;
        }
        long aggregateId = 1;
        for (CloudSeed.AggregateSeed a : seed.aggregates()) {
            aggregates.put(aggregateId, new SimulatedAggregate(aggregateId, a.name(), a.hosts(),
                    a.metadata() == null ? Map.of() : a.metadata(), now));
            aggregateId++;
        }
        for (CloudSeed.ServerSeed s : seed.servers()) {
            SimulatedServer server = addServer(s.name(), s.host(), s.flavor(),
                    s.project() == null ? "demo" : s.project(), s.metadata() == null ? Map.of() : s.metadata());
            server.volumeBacked = s.volumeBacked();
            if ("error".equals(s.vmState())) {
                server.vmState = "error";
                server.fault = "Simulated failure at boot";
            } else if (s.vmState() != null) {
                server.setVmState(s.vmState(), now);
            }
        }
    }

    /** A compute host with an enabled, running nova-compute service. */
    SimulatedHost addComputeHost(String name, int vcpus, long memoryMb) {
        SimulatedHost host = new SimulatedHost(name, hosts.size() + 3, vcpus, memoryMb, clock.instant());
        host.enabled = true;
        hosts.put(name, host);
        return host;
    }

    /** A server booted on a host, ACTIVE; its id derives from its name, so it is stable across restarts. */
    SimulatedServer addServer(String name, String host, String flavorId, String projectName,
                              Map<String, String> metadata) {
        CloudSeed.ProjectSeed project = seed.projects().stream().filter(p -> p.name().equals(projectName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no project " + projectName));
        CloudSeed.FlavorSeed flavor = flavors.get(flavorId);
        if (flavor == null || !hosts.containsKey(host)) {
            throw new IllegalArgumentException("no flavor " + flavorId + " or host " + host);
        }
        String userId = seed.users().stream().filter(u -> projectName.equals(u.project())).findFirst()
                .map(CloudSeed.UserSeed::id).orElse(project.id());
        String id = UUID.nameUUIDFromBytes(("server:" + name).getBytes()).toString();
        SimulatedServer server = new SimulatedServer(id, name, project.id(), userId, flavor, servers.size() + 1,
                clock.instant());
        server.host = host;
        server.vmState = "active";
        server.powerState = 1;
        server.metadata = new LinkedHashMap<>(metadata);
        servers.put(id, server);
        return server;
    }

    /**
     * A host's BMC cuts its power (it stops sending heartbeats, if it still did) or powers it on (its nova-compute
     * reports again and a hang ends; a forced down or disabled service stays so).
     */
    void setPower(String name, boolean on) {
        SimulatedHost host = host(name);
        host.poweredOn = on;
        host.hung = false;
        if (!on && host.heartbeatStoppedAt == null) {
            host.heartbeatStoppedAt = clock.instant();
        } else if (on) {
            startNovaCompute(host);
        }
        log.info("Simulated BMC of {}: power {}", name, on ? "on" : "off");
    }

    /**
     * nova-compute starts on the host: as Nova's {@code _destroy_evacuated_instances} does, it deletes its copies of
     * the servers evacuated off it and sets their evacuation records ({@code accepted}, {@code pre-migrating} or
     * {@code done}) to {@code completed}; then it reports again.
     */
    void startNovaCompute(SimulatedHost host) {
        Instant now = clock.instant();
        for (SimulatedMigration m : migrations) {
            if (m.source.equals(host.name) && List.of("accepted", "pre-migrating", "done").contains(m.status)) {
                m.status = "completed";
                m.updated = now;
            }
        }
        host.heartbeatStoppedAt = null;
        host.hung = false;
        host.updatedAt = now;
    }

    /**
     * Their nova-compute stops heartbeating, all at the same instant (so that Nova sees them late together);
     * {@code hang}: the whole host hangs, its management address too.
     */
    void stopHeartbeats(List<String> names, boolean hang) {
        Instant now = clock.instant();
        for (String name : names) {
            SimulatedHost host = host(name);
            if (host.heartbeatStoppedAt == null) {
                host.heartbeatStoppedAt = now;
            }
            host.hung |= hang;
            log.info("Simulated {} of {}", hang ? "hang" : "nova-compute stop", name);
        }
    }

    SimulatedHost host(String name) {
        SimulatedHost host = hosts.get(name);
        if (host == null) {
            throw NovaFault.notFound("Compute host " + name + " could not be found.");
        }
        return host;
    }

    SimulatedServer server(String id) {
        SimulatedServer server = servers.get(id);
        if (server == null) {
            throw NovaFault.notFound("Instance " + id + " could not be found.");
        }
        return server;
    }

    /** The guest crashes: power_state 4 while Nova still says {@code active}. */
    void crash(SimulatedServer server) {
        server.powerState = 4;
        server.updated = clock.instant();
        log.info("Simulated crash of {} ({}) on {}", server.name, server.id, server.host);
    }

    Optional<SimulatedServer> serverNamed(String name) {
        return servers.values().stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** Servers visible to a project (or all projects), optionally on one host, newest first, paged by id. */
    List<SimulatedServer> servers(String projectId, String host, Instant changedSince, Integer limit, String marker) {
        List<SimulatedServer> visible = servers.values().stream()
                .filter(s -> projectId == null || s.projectId.equals(projectId))
                .filter(s -> host == null || host.equals(s.host))
                .filter(s -> changedSince == null || !s.updated.isBefore(changedSince))
                .sorted(Comparator.comparing((SimulatedServer s) -> s.created).thenComparing(s -> s.index).reversed())
                .toList();
        int from = 0;
        if (marker != null) {
            int at = -1;
            for (int i = 0; i < visible.size(); i++) {
                if (visible.get(i).id.equals(marker)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw NovaFault.badRequest("marker [" + marker + "] not found");
            }
            from = at + 1;
        }
        int to = limit == null ? visible.size() : Math.min(visible.size(), from + limit);
        return List.copyOf(visible.subList(Math.min(from, visible.size()), to));
    }

    /** Resources in use on a host: its servers, and those being evacuated to it. */
    int usedVcpus(SimulatedHost host) {
        return servers.values().stream().filter(s -> occupies(s, host)).mapToInt(s -> s.flavor.vcpus()).sum();
    }

    long usedMemory(SimulatedHost host) {
        return servers.values().stream().filter(s -> occupies(s, host)).mapToLong(s -> s.flavor.ram()).sum();
    }

    int runningVms(SimulatedHost host) {
        return (int) servers.values().stream().filter(s -> occupies(s, host)).count();
    }

    private static boolean occupies(SimulatedServer server, SimulatedHost host) {
        return host.name.equals(server.host) || host.name.equals(server.movingTo);
    }
}
