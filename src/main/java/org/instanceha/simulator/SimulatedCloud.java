package org.instanceha.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated Nova: its state ({@link CloudState}), Nova's rules ({@link NovaRules}, {@link LiveMigrationRules}),
 * the faults it injects ({@link FaultInjection}) and what tests count ({@link CloudCounters}). Every method is
 * synchronized on this object: the controllers, the timer and the tests see one consistent cloud.
 */
public class SimulatedCloud {

    private final SimulatorProperties properties;
    private final Clock clock;
    private final CloudState state;
    private final FaultInjection faults;
    private final CloudCounters counters = new CloudCounters();
    private final NovaRules nova;
    private final LiveMigrationRules liveMigrations;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-nova");
        thread.setDaemon(true);
        return thread;
    });
    private Duration evacuationTime;
    private Duration stopTime;
    private Duration startTime;
    /** Evacuations scheduled before the last reset are dropped when they come due. */
    private long generation;
    private RebuildLanes lanes;

    public SimulatedCloud(CloudSeed seed, SimulatorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.state = new CloudState(seed, clock);
        this.faults = new FaultInjection(properties);
        this.nova = new NovaRules(state, faults, counters, clock);
        this.liveMigrations = new LiveMigrationRules(state, nova, clock);
        reset();
    }

    /** Back to the seed: hosts, servers, aggregates, and the configured timings; pending evacuations are dropped. */
    public synchronized void reset() {
        generation++;
        lanes = new RebuildLanes(properties.rebuildsPerHost());
        state.load();
        counters.reset();
        faults.reset();
        evacuationTime = properties.evacuationTime();
        stopTime = properties.stopTime();
        startTime = properties.startTime();
        nova.serviceDownTime = properties.serviceDownTime();
        nova.maxMicroversion = properties.novaMaxMicroversion();
    }

    // ---- control: what tests, the demo and the dashboard do to the cloud -------------------------------------

    /** Adds a compute host with an enabled, running nova-compute service. */
    public synchronized SimulatedHost addComputeHost(String name, int vcpus, long memoryMb) {
        return state.addComputeHost(name, vcpus, memoryMb);
    }

    /** Boots a server on a host, ACTIVE; its id derives from its name, so it is stable across restarts. */
    public synchronized SimulatedServer addServer(String name, String host, String flavorId, String projectName,
                                                  Map<String, String> metadata) {
        return state.addServer(name, host, flavorId, projectName, metadata);
    }

    /** The hosts hang at one instant: no heartbeat (Nova notices after service_down_time), management addresses silent. */
    public synchronized void failHost(String... names) {
        state.stopHeartbeats(java.util.List.of(names), true);
    }

    /** Only its nova-compute stops: no heartbeat, while the host runs and its management address answers. */
    public synchronized void stopNovaCompute(String name) {
        state.stopHeartbeats(java.util.List.of(name), false);
    }

    /** nova-compute starts again on a running host (after {@link #stopNovaCompute}): it cleans up and reports. */
    public synchronized void startNovaCompute(String name) {
        state.startNovaCompute(state.host(name));
    }

    /** The host's BMC cuts its power or powers it on ({@link CloudState#setPower}). */
    public synchronized void setPower(String name, boolean on) {
        state.setPower(name, on);
    }

    /** The next {@code count} Nova requests are answered with {@code status} (a 5xx burst). */
    public synchronized void failNextRequests(int count, int status) {
        faults.failNextRequests(count, status);
    }

    /** The next {@code count} Nova requests hang for the configured timeout delay before they are answered. */
    public synchronized void delayNextRequests(int count) {
        faults.delayNextRequests(count);
    }

    /** From now on this fraction of Nova requests is answered 500 or 503, and this fraction hangs first. */
    public synchronized void setRequestFaultRates(double serverErrors, double timeouts) {
        faults.setRequestFaultRates(serverErrors, timeouts);
    }

    public synchronized void setEvacuationTime(Duration time) {
        evacuationTime = time;
    }

    /** The newest microversion Nova speaks from now on (2.93 by default; 95: evacuations may leave servers stopped). */
    public synchronized void setNovaMaxMicroversion(int minor) {
        nova.maxMicroversion = minor;
    }

    synchronized NovaVersion negotiate(String openstackHeader, String novaHeader) {
        return NovaVersion.from(openstackHeader, novaHeader, nova.maxMicroversion);
    }

    public synchronized void setServiceDownTime(Duration time) {
        nova.serviceDownTime = time;
    }

    public synchronized void setEvacuationFailureRate(double rate) {
        faults.setEvacuationFailureRate(rate);
    }

    public synchronized void setPowerActionTimes(Duration stop, Duration start) {
        stopTime = stop;
        startTime = start;
    }

    /** From now on every start of this server fails, and it stays stopped ({@code false}: it starts again). */
    public synchronized void refuseToStart(String serverName, boolean refuses) {
        state.serverNamed(serverName).orElseThrow().refusesToStart = refuses;
    }

    /** Puts a server into a vm_state an owner's action leaves (paused, rescued, resized, stopped, active, error). */
    public synchronized void putInVmState(String serverName, String vmState) {
        state.serverNamed(serverName).orElseThrow().setVmState(vmState, clock.instant());
    }

    /** The guest crashes: power_state 4 while Nova still says {@code active} (until its power-state sync). */
    public synchronized void crash(String serverName) {
        state.crash(state.serverNamed(serverName).orElseThrow());
    }

    /** How many stops and starts Nova accepted for this server. */
    public synchronized int stopsAccepted(String serverId) {
        return counters.stopsAccepted(serverId);
    }

    public synchronized int startsAccepted(String serverId) {
        return counters.startsAccepted(serverId);
    }

    /** How many evacuations Nova accepted for this server. */
    public synchronized int evacuationsAccepted(String serverId) {
        return counters.evacuationsAccepted(serverId);
    }

    public synchronized int evacuationsAccepted() {
        return counters.evacuationsAccepted();
    }

    /** The most evacuations that were in progress at the same time since the last reset. */
    public synchronized int peakEvacuationsInFlight() {
        return counters.peakEvacuationsInFlight();
    }

    public synchronized Optional<SimulatedServer> serverNamed(String name) {
        return state.serverNamed(name);
    }

    public synchronized Optional<SimulatedHost> findHost(String name) {
        return Optional.ofNullable(state.hosts.get(name));
    }

    /** The injected fault for the request now starting, if any: a status to answer, or -1 to hang first. */
    synchronized int takeInjectedFault() {
        return faults.takeRequestFault();
    }

    Duration timeoutDelay() {
        return faults.timeoutDelay();
    }

    // ---- Nova's API ------------------------------------------------------------------------------------------

    public synchronized List<SimulatedHost> computeHosts() {
        return List.copyOf(state.hosts.values());
    }

    public synchronized boolean serviceUp(SimulatedHost host) {
        return nova.serviceUp(host);
    }

    public synchronized java.time.Instant lastHeartbeat(SimulatedHost host) {
        return host.lastHeartbeat(clock.instant(), properties.reportInterval());
    }

    public synchronized SimulatedHost serviceById(String id) {
        return nova.serviceById(id);
    }

    /** {@code PUT /os-services/{id}} at 2.53. */
    public synchronized SimulatedHost updateService(String id, String status, String disabledReason,
                                                    Boolean forcedDown) {
        return nova.updateService(id, status, disabledReason, forcedDown);
    }

    /** Servers of a project (or all), on one host, changed since (each optional), newest first, paged by id. */
    public synchronized List<SimulatedServer> servers(String projectId, String host, java.time.Instant changedSince,
                                                      Integer limit, String marker) {
        return state.servers(projectId, host, changedSince, limit, marker);
    }

    public synchronized SimulatedServer server(String id) {
        return state.server(id);
    }

    /** {@code evacuate}: Nova's preconditions, then a rebuild that settles after the evacuation time (stopped: 2.95). */
    public synchronized void evacuate(String id, String targetHost, boolean leaveStopped) {
        NovaRules.Evacuation evacuation = nova.evacuate(id, targetHost);
        evacuation.server().arrivesStopped = leaveStopped;
        later(() -> nova.settle(evacuation), lanes.untilDone(evacuation.migration().dest, clock.millis(),
                evacuationTime.toMillis()));
    }

    /** {@code os-migrateLive}: Nova's preconditions, then the move, which settles after the evacuation time. */
    public synchronized void liveMigrate(String id, String targetHost) {
        LiveMigrationRules.LiveMigration move = liveMigrations.start(id, targetHost);
        later(() -> liveMigrations.settle(move), evacuationTime.toMillis());
    }

    public synchronized int usedVcpus(SimulatedHost host) {
        return state.usedVcpus(host);
    }

    public synchronized long usedMemory(SimulatedHost host) {
        return state.usedMemory(host);
    }

    public synchronized int runningVms(SimulatedHost host) {
        return state.runningVms(host);
    }

    /** {@code os-stop}: accepted now, the server stopped after the stop time. */
    public synchronized void stop(String id) {
        NovaRules.PowerAction action = nova.stop(id);
        later(() -> nova.settle(action), stopTime.toMillis());
    }

    /** {@code os-start}: accepted now, the server active after the start time (or still stopped, if it fails). */
    public synchronized void start(String id) {
        NovaRules.PowerAction action = nova.start(id);
        later(() -> nova.settle(action), startTime.toMillis());
    }

    /** Runs a step of Nova's later on the timer, unless the cloud was reset meanwhile. */
    private void later(Runnable step, long millis) {
        long scheduledIn = generation;
        timer.schedule(() -> {
            synchronized (this) {
                if (scheduledIn == generation) {
                    step.run();
                }
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    public synchronized void lock(String id, boolean locked) {
        nova.lock(id, locked);
    }

    public synchronized void resetState(String id, String vmState) {
        nova.resetState(id, vmState);
    }

    public synchronized List<SimulatedAggregate> aggregates() {
        return List.copyOf(state.aggregates.values());
    }

    public synchronized SimulatedAggregate addHostToAggregate(long aggregateId, String host) {
        return nova.addHostToAggregate(aggregateId, host);
    }

    public synchronized List<SimulatedMigration> migrations(String type, String instanceUuid, String sourceHost) {
        return nova.migrations(type, instanceUuid, sourceHost);
    }

    synchronized Map<String, CloudSeed.FlavorSeed> flavors() {
        return Map.copyOf(state.flavors);
    }
}
