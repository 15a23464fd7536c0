package org.instanceha.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the simulated Nova and its rules. Hosts have capacity and a nova-compute service
 * (enabled or disabled, heartbeat alive or stopped, forced down or not); servers have vm_state,
 * task_state, power state, host and metadata; evacuations take a configurable time and follow Nova's
 * preconditions. All methods are synchronized: the controllers, the evacuation timer and the tests
 * see one consistent cloud.
 */
public class SimulatedCloud {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCloud.class);

    /** A compute host with its nova-compute service and hypervisor. */
    public static final class Host {
        final String name;
        final int serviceNumber;
        final String serviceId = UUID.randomUUID().toString();
        final String hypervisorId = UUID.randomUUID().toString();
        final int vcpus;
        final long memoryMb;
        boolean enabled;
        String disabledReason;
        boolean forcedDown;
        Instant heartbeatStoppedAt;
        Instant updatedAt;

        public String name() {
            return name;
        }

        Host(String name, int serviceNumber, int vcpus, long memoryMb, Instant now) {
            this.name = name;
            this.serviceNumber = serviceNumber;
            this.vcpus = vcpus;
            this.memoryMb = memoryMb;
            this.updatedAt = now;
        }
    }

    /** A server (instance). */
    public static final class Server {
        final String id;
        final String name;
        final String projectId;
        final String userId;
        final CloudSeed.FlavorSeed flavor;
        final Instant created;
        final int index;
        String host;
        String vmState;
        String taskState;
        int powerState;
        boolean locked;
        Map<String, String> metadata;
        String fault;
        Instant updated;
        /** The host an evacuation in progress is moving it to. */
        String movingTo;

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public synchronized String host() {
            return host;
        }

        public synchronized String vmState() {
            return vmState;
        }

        public synchronized String taskState() {
            return taskState;
        }

        Server(String id, String name, String projectId, String userId, CloudSeed.FlavorSeed flavor, int index,
               Instant created) {
            this.id = id;
            this.name = name;
            this.projectId = projectId;
            this.userId = userId;
            this.flavor = flavor;
            this.index = index;
            this.created = created;
            this.updated = created;
        }
    }

    /** A host aggregate. */
    public static final class Aggregate {
        final long id;
        final String uuid = UUID.randomUUID().toString();
        final String name;
        final List<String> hosts;
        final Map<String, String> metadata;
        final Instant created;
        Instant updated;

        Aggregate(long id, String name, List<String> hosts, Map<String, String> metadata, Instant created) {
            this.id = id;
            this.name = name;
            this.hosts = new ArrayList<>(hosts);
            this.metadata = new LinkedHashMap<>(metadata);
            this.created = created;
        }
    }

    /** A migration record of an evacuation. */
    public static final class Migration {
        final long id;
        final String uuid = UUID.randomUUID().toString();
        final String instanceUuid;
        final String source;
        String dest;
        String status;
        final Instant created;
        Instant updated;

        Migration(long id, String instanceUuid, String source, String dest, Instant created) {
            this.id = id;
            this.instanceUuid = instanceUuid;
            this.source = source;
            this.dest = dest;
            this.status = "accepted";
            this.created = created;
        }
    }

    private final CloudSeed seed;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-nova");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<Long, Aggregate> aggregates = new LinkedHashMap<>();
    private final List<Migration> migrations = new ArrayList<>();
    private final Map<String, Integer> evacuationsAccepted = new HashMap<>();
    private final Map<String, CloudSeed.FlavorSeed> flavors = new LinkedHashMap<>();
    private final SimulatorProperties properties;

    private int evacuationsInFlight;
    private int peakEvacuationsInFlight;
    private Duration evacuationTime;
    private Duration serviceDownTime;
    private double evacuationFailureRate;
    private int failNextRequests;
    private int failNextStatus;
    private int delayNextRequests;
    private long generation;

    public SimulatedCloud(CloudSeed seed, SimulatorProperties properties, Clock clock) {
        this.seed = seed;
        this.properties = properties;
        this.clock = clock;
        reset();
    }

    /** Back to the seed: hosts, servers, aggregates, and the configured timings; pending evacuations are dropped. */
    public synchronized void reset() {
        generation++;
        hosts.clear();
        servers.clear();
        aggregates.clear();
        migrations.clear();
        evacuationsAccepted.clear();
        flavors.clear();
        evacuationTime = properties.evacuationTime();
        serviceDownTime = properties.serviceDownTime();
        evacuationFailureRate = properties.evacuationFailureRate();
        failNextRequests = 0;
        delayNextRequests = 0;
        evacuationsInFlight = 0;
        peakEvacuationsInFlight = 0;
        Instant now = clock.instant();
        seed.flavors().forEach(f -> flavors.put(f.id(), f));
        for (CloudSeed.HostSeed h : seed.hosts()) {
            Host host = addComputeHost(h.name(), h.vcpus(), h.memoryMb());
            host.enabled = !h.disabled();
            host.disabledReason = h.disabled() ? h.disabledReason() : null;
        }
        long aggregateId = 1;
        for (CloudSeed.AggregateSeed a : seed.aggregates()) {
            aggregates.put(aggregateId, new Aggregate(aggregateId, a.name(), a.hosts(),
                    a.metadata() == null ? Map.of() : a.metadata(), now));
            aggregateId++;
        }
        for (CloudSeed.ServerSeed s : seed.servers()) {
            Server server = addServer(s.name(), s.host(), s.flavor(), s.project() == null ? "demo" : s.project(),
                    s.metadata() == null ? Map.of() : s.metadata());
            if ("stopped".equals(s.vmState())) {
                server.vmState = "stopped";
                server.powerState = 4;
            } else if ("error".equals(s.vmState())) {
                server.vmState = "error";
                server.fault = "Simulated failure at boot";
            }
        }
    }

    // ---- control: what tests, the demo and the dashboard do to the cloud -------------------------------------

    /** Adds a compute host with an enabled, running nova-compute service. */
    public synchronized Host addComputeHost(String name, int vcpus, long memoryMb) {
        Host host = new Host(name, hosts.size() + 3, vcpus, memoryMb, clock.instant());
        host.enabled = true;
        hosts.put(name, host);
        return host;
    }

    /** Boots a server on a host, ACTIVE; its id derives from its name, so it is stable across restarts. */
    public synchronized Server addServer(String name, String host, String flavorId, String projectName,
                                         Map<String, String> metadata) {
        CloudSeed.ProjectSeed project = seed.projects().stream().filter(p -> p.name().equals(projectName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no project " + projectName));
        CloudSeed.FlavorSeed flavor = flavors.get(flavorId);
        if (flavor == null || !hosts.containsKey(host)) {
            throw new IllegalArgumentException("no flavor " + flavorId + " or host " + host);
        }
        String userId = seed.users().stream().filter(u -> u.project().equals(projectName)).findFirst()
                .map(CloudSeed.UserSeed::id).orElse(project.id());
        String id = UUID.nameUUIDFromBytes(("server:" + name).getBytes()).toString();
        Server server = new Server(id, name, project.id(), userId, flavor, servers.size() + 1, clock.instant());
        server.host = host;
        server.vmState = "active";
        server.powerState = 1;
        server.metadata = new LinkedHashMap<>(metadata);
        servers.put(id, server);
        return server;
    }

    /** The host dies: its nova-compute stops sending heartbeats (Nova notices after service_down_time). */
    public synchronized void failHost(String name) {
        host(name).heartbeatStoppedAt = clock.instant();
        log.info("Simulated host failure of {}", name);
    }

    /** The host's nova-compute runs again (forced_down and disabled stay as they are, as in Nova). */
    public synchronized void reviveHost(String name) {
        host(name).heartbeatStoppedAt = null;
    }

    /** The next {@code count} Nova requests are answered with {@code status} (a 5xx burst). */
    public synchronized void failNextRequests(int count, int status) {
        failNextRequests = count;
        failNextStatus = status;
    }

    /** The next {@code count} Nova requests hang for the configured timeout delay before they are answered. */
    public synchronized void delayNextRequests(int count) {
        delayNextRequests = count;
    }

    public synchronized void setEvacuationTime(Duration time) {
        evacuationTime = time;
    }

    public synchronized void setServiceDownTime(Duration time) {
        serviceDownTime = time;
    }

    public synchronized void setEvacuationFailureRate(double rate) {
        evacuationFailureRate = rate;
    }

    /** How many evacuations Nova accepted for this server. */
    public synchronized int evacuationsAccepted(String serverId) {
        return evacuationsAccepted.getOrDefault(serverId, 0);
    }

    public synchronized int evacuationsAccepted() {
        return evacuationsAccepted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The most evacuations that were in progress at the same time since the last reset. */
    public synchronized int peakEvacuationsInFlight() {
        return peakEvacuationsInFlight;
    }

    public synchronized Optional<Server> serverNamed(String name) {
        return servers.values().stream().filter(s -> s.name.equals(name)).findFirst();
    }

    public synchronized List<String> hostNames() {
        return List.copyOf(hosts.keySet());
    }

    /** The injected fault for the request now starting, if any: a status to answer, or -1 to hang first. */
    synchronized int takeInjectedFault() {
        if (failNextRequests > 0) {
            failNextRequests--;
            return failNextStatus;
        }
        if (delayNextRequests > 0) {
            delayNextRequests--;
            return -1;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (properties.serverErrorRate() > 0 && random.nextDouble() < properties.serverErrorRate()) {
            return 500;
        }
        if (properties.timeoutRate() > 0 && random.nextDouble() < properties.timeoutRate()) {
            return -1;
        }
        return 0;
    }

    Duration timeoutDelay() {
        return properties.timeoutDelay();
    }

    // ---- Nova's API ------------------------------------------------------------------------------------------

    public synchronized List<Host> computeHosts() {
        return List.copyOf(hosts.values());
    }

    public synchronized boolean serviceUp(Host host) {
        if (host.forcedDown) {
            return false;
        }
        return host.heartbeatStoppedAt == null
                || clock.instant().isBefore(host.heartbeatStoppedAt.plus(serviceDownTime));
    }

    public synchronized Host serviceById(String id) {
        return hosts.values().stream().filter(h -> h.serviceId.equals(id)).findFirst()
                .orElseThrow(() -> NovaFault.notFound("Service " + id + " not found."));
    }

    /** {@code PUT /os-services/{id}} at 2.53. */
    public synchronized Host updateService(String id, String status, String disabledReason, Boolean forcedDown) {
        Host host = serviceById(id);
        if (status == null && forcedDown == null) {
            throw NovaFault.badRequest("At least one of 'status' or 'forced_down' must be specified.");
        }
        if (disabledReason != null && !"disabled".equals(status)) {
            throw NovaFault.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        }
        if (status != null) {
            host.enabled = "enabled".equals(status);
            host.disabledReason = host.enabled ? null : disabledReason;
        }
        if (forcedDown != null) {
            host.forcedDown = forcedDown;
        }
        host.updatedAt = clock.instant();
        return host;
    }

    /** Servers visible to a project (or all projects), optionally on one host, newest first, paged by id. */
    public synchronized List<Server> servers(String projectId, String host, Integer limit, String marker) {
        List<Server> visible = servers.values().stream()
                .filter(s -> projectId == null || s.projectId.equals(projectId))
                .filter(s -> host == null || host.equals(s.host))
                .sorted(Comparator.comparing((Server s) -> s.created).thenComparing(s -> s.index).reversed())
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

    public synchronized Server server(String id) {
        Server server = servers.get(id);
        if (server == null) {
            throw NovaFault.notFound("Instance " + id + " could not be found.");
        }
        return server;
    }

    /** {@code evacuate}: Nova's preconditions, then a rebuild that settles after the evacuation time. */
    public synchronized void evacuate(String id, String targetHost) {
        Server server = server(id);
        Host source = host(server.host);
        if (serviceUp(source)) {
            throw NovaFault.badRequest("Compute service of " + source.name + " is still in use.");
        }
        if (server.taskState != null) {
            throw NovaFault.conflict("Cannot 'evacuate' instance " + id + " while it is in task_state "
                    + server.taskState);
        }
        if (!List.of("active", "stopped", "error").contains(server.vmState)) {
            throw NovaFault.conflict("Cannot 'evacuate' instance " + id + " while it is in vm_state "
                    + server.vmState);
        }
        if (targetHost != null) {
            if (!hosts.containsKey(targetHost)) {
                throw NovaFault.notFound("Compute host " + targetHost + " not found.");
            }
            if (targetHost.equals(source.name)) {
                throw NovaFault.badRequest("The target host can't be the same one.");
            }
        }
        String target = targetHost != null ? (fits(hosts.get(targetHost), server) ? targetHost : null)
                : schedule(server, source);
        Instant now = clock.instant();
        Migration migration = new Migration(migrations.size() + 1, id, source.name, target, now);
        migrations.add(migration);
        evacuationsAccepted.merge(id, 1, Integer::sum);
        String wasVmState = server.vmState;
        server.taskState = "rebuilding";
        server.movingTo = target;
        server.updated = now;
        migration.status = "pre-migrating";
        evacuationsInFlight++;
        peakEvacuationsInFlight = Math.max(peakEvacuationsInFlight, evacuationsInFlight);
        long scheduledIn = generation;
        timer.schedule(() -> finishEvacuation(scheduledIn, server, migration, wasVmState),
                evacuationTime.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Simulated Nova accepted the evacuation of {} ({}) from {} to {}", server.name, id, source.name,
                target == null ? "(no valid host)" : target);
    }

    private synchronized void finishEvacuation(long scheduledIn, Server server, Migration migration,
                                               String wasVmState) {
        if (scheduledIn != generation) {
            return;
        }
        Instant now = clock.instant();
        evacuationsInFlight--;
        server.taskState = null;
        server.updated = now;
        migration.updated = now;
        boolean injectedFailure = evacuationFailureRate > 0
                && ThreadLocalRandom.current().nextDouble() < evacuationFailureRate;
        if (server.movingTo == null || injectedFailure) {
            server.vmState = "error";
            server.fault = server.movingTo == null
                    ? "No valid host was found. There are not enough hosts available."
                    : "Simulated evacuation failure on " + server.movingTo + ".";
            migration.status = "error";
            server.movingTo = null;
            return;
        }
        server.host = server.movingTo;
        server.movingTo = null;
        server.fault = null;
        if ("stopped".equals(wasVmState)) {
            server.vmState = "stopped";
            server.powerState = 4;
        } else {
            server.vmState = "active";
            server.powerState = 1;
        }
        migration.status = "done";
    }

    /** Nova's scheduler, simply: an enabled, up host other than the source with room, the most free RAM first. */
    private String schedule(Server server, Host source) {
        return hosts.values().stream()
                .filter(h -> h != source && h.enabled && serviceUp(h) && fits(h, server))
                .max(Comparator.comparingLong(h -> h.memoryMb - usedMemory(h)))
                .map(h -> h.name)
                .orElse(null);
    }

    private boolean fits(Host host, Server server) {
        return host.enabled && serviceUp(host)
                && usedVcpus(host) + server.flavor.vcpus() <= host.vcpus
                && usedMemory(host) + server.flavor.ram() <= host.memoryMb;
    }

    /** Resources in use on a host: its servers, and those being evacuated to it. */
    public synchronized int usedVcpus(Host host) {
        return servers.values().stream().filter(s -> occupies(s, host)).mapToInt(s -> s.flavor.vcpus()).sum();
    }

    public synchronized long usedMemory(Host host) {
        return servers.values().stream().filter(s -> occupies(s, host)).mapToLong(s -> s.flavor.ram()).sum();
    }

    public synchronized int runningVms(Host host) {
        return (int) servers.values().stream().filter(s -> occupies(s, host)).count();
    }

    private static boolean occupies(Server server, Host host) {
        return host.name.equals(server.host) || host.name.equals(server.movingTo);
    }

    public synchronized void stop(String id) {
        Server server = idleServer(id, "stop");
        if (!"active".equals(server.vmState) && !"error".equals(server.vmState)) {
            throw NovaFault.conflict("Cannot 'stop' instance " + id + " while it is in vm_state " + server.vmState);
        }
        server.vmState = "stopped";
        server.powerState = 4;
        server.updated = clock.instant();
    }

    public synchronized void start(String id) {
        Server server = idleServer(id, "start");
        if (!"stopped".equals(server.vmState)) {
            throw NovaFault.conflict("Cannot 'start' instance " + id + " while it is in vm_state " + server.vmState);
        }
        server.vmState = "active";
        server.powerState = 1;
        server.updated = clock.instant();
    }

    public synchronized void lock(String id, boolean locked) {
        Server server = server(id);
        server.locked = locked;
        server.updated = clock.instant();
    }

    public synchronized void resetState(String id, String state) {
        if (!"active".equals(state) && !"error".equals(state)) {
            throw NovaFault.badRequest("Invalid input for field/attribute state. Value: " + state
                    + ". '" + state + "' is not one of ['active', 'error']");
        }
        Server server = server(id);
        server.vmState = state;
        server.taskState = null;
        server.updated = clock.instant();
    }

    private Server idleServer(String id, String action) {
        Server server = server(id);
        if (server.taskState != null) {
            throw NovaFault.conflict("Cannot '" + action + "' instance " + id + " while it is in task_state "
                    + server.taskState);
        }
        return server;
    }

    public synchronized List<Aggregate> aggregates() {
        return List.copyOf(aggregates.values());
    }

    public synchronized Aggregate addHostToAggregate(long aggregateId, String host) {
        Aggregate aggregate = aggregates.get(aggregateId);
        if (aggregate == null) {
            throw NovaFault.notFound("Aggregate " + aggregateId + " could not be found.");
        }
        if (!hosts.containsKey(host)) {
            throw NovaFault.notFound("Compute host " + host + " could not be found.");
        }
        if (aggregate.hosts.contains(host)) {
            throw NovaFault.conflict("Aggregate " + aggregateId + " already has host " + host + ".");
        }
        aggregate.hosts.add(host);
        aggregate.updated = clock.instant();
        return aggregate;
    }

    public synchronized List<Migration> migrations(String type, String instanceUuid) {
        return migrations.stream()
                .filter(m -> type == null || "evacuation".equals(type))
                .filter(m -> instanceUuid == null || m.instanceUuid.equals(instanceUuid))
                .sorted(Comparator.comparingLong((Migration m) -> m.id).reversed())
                .toList();
    }

    public synchronized Optional<Host> findHost(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    private Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw NovaFault.notFound("Compute host " + name + " could not be found.");
        }
        return host;
    }

    /** The flavor table, by id. */
    synchronized Map<String, CloudSeed.FlavorSeed> flavors() {
        return Map.copyOf(flavors);
    }
}
