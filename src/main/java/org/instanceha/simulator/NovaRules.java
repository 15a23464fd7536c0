package org.instanceha.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova's rules as the simulator applies them, with Nova's errors: when a nova-compute service counts
 * as up, what {@code PUT /os-services} accepts, the preconditions of evacuate and how an evacuation
 * settles, the server actions, aggregates and migration records. Not thread-safe:
 * {@link SimulatedCloud} guards it.
 */
final class NovaRules {

    private static final Logger log = LoggerFactory.getLogger(NovaRules.class);

    /** An evacuation Nova accepted, to be settled after the evacuation time. */
    record Evacuation(SimulatedServer server, SimulatedMigration migration, String wasVmState) {
    }

    private final CloudState state;
    private final FaultInjection faults;
    private final CloudCounters counters;
    private final Clock clock;
    Duration serviceDownTime;
    /** The newest compute API microversion this Nova speaks (93: Zed, the test bed's; 95 and later leave an
     * evacuated server stopped). */
    int maxMicroversion;

    NovaRules(CloudState state, FaultInjection faults, CloudCounters counters, Clock clock) {
        this.state = state;
        this.faults = faults;
        this.counters = counters;
        this.clock = clock;
    }

    /** Up unless forced down, or its heartbeat stopped longer than {@code service_down_time} ago. */
    boolean serviceUp(SimulatedHost host) {
        if (host.forcedDown) {
            return false;
        }
        return host.heartbeatStoppedAt == null
                || clock.instant().isBefore(host.heartbeatStoppedAt.plus(serviceDownTime));
    }

    SimulatedHost serviceById(String id) {
        return state.hosts.values().stream().filter(h -> h.serviceId.equals(id)).findFirst()
                .orElseThrow(() -> NovaFault.notFound("Service " + id + " not found."));
    }

    /** {@code PUT /os-services/{id}} at 2.53. */
    SimulatedHost updateService(String id, String status, String disabledReason, Boolean forcedDown) {
        SimulatedHost host = serviceById(id);
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

    /** {@code evacuate}: Nova's preconditions, then a rebuild that the caller settles later. */
    Evacuation evacuate(String id, String targetHost) {
        SimulatedServer server = state.server(id);
        SimulatedHost source = state.host(server.host);
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
            if (!state.hosts.containsKey(targetHost)) {
                throw NovaFault.notFound("Compute host " + targetHost + " not found.");
            }
            if (targetHost.equals(source.name)) {
                throw NovaFault.badRequest("The target host can't be the same one.");
            }
        }
        String target = targetHost != null ? (fits(state.hosts.get(targetHost), server) ? targetHost : null)
                : schedule(server, source);
        Instant now = clock.instant();
        SimulatedMigration migration = new SimulatedMigration(state.migrations.size() + 1, id, source.name, target,
                now);
        state.migrations.add(migration);
        counters.evacuationStarted(id);
        String wasVmState = server.vmState;
        server.taskState = "rebuilding";
        server.movingTo = target;
        server.updated = now;
        migration.status = "pre-migrating";
        log.info("Simulated Nova accepted the evacuation of {} ({}) from {} to {}", server.name, id, source.name,
                target == null ? "(no valid host)" : target);
        return new Evacuation(server, migration, wasVmState);
    }

    /** The rebuild ends: on its new host in the state it had, or in ERROR (no valid host, injected failure). */
    void settle(Evacuation evacuation) {
        SimulatedServer server = evacuation.server();
        SimulatedMigration migration = evacuation.migration();
        Instant now = clock.instant();
        counters.evacuationSettled();
        server.taskState = null;
        server.updated = now;
        migration.updated = now;
        boolean injectedFailure = faults.evacuationFails();
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
        if ("stopped".equals(evacuation.wasVmState()) || server.arrivesStopped) {
            server.arrivesStopped = false;
            server.vmState = "stopped";
            server.powerState = 4;
        } else {
            server.vmState = "active";
            server.powerState = 1;
        }
        migration.status = "done";
    }

    /** Nova's scheduler, simply: an enabled, up host other than the source with room, the most free RAM first. */
    private String schedule(SimulatedServer server, SimulatedHost source) {
        return state.hosts.values().stream()
                .filter(h -> h != source && h.enabled && serviceUp(h) && fits(h, server))
                .max(Comparator.comparingLong(h -> h.memoryMb - state.usedMemory(h)))
                .map(h -> h.name)
                .orElse(null);
    }

    boolean fits(SimulatedHost host, SimulatedServer server) {
        return host.enabled && serviceUp(host)
                && state.usedVcpus(host) + server.flavor.vcpus() <= host.vcpus
                && state.usedMemory(host) + server.flavor.ram() <= host.memoryMb;
    }

    /** A power action Nova accepted ({@code os-stop}, {@code os-start}), to be settled after its time. */
    record PowerAction(SimulatedServer server, boolean start) {
    }

    /** {@code os-stop}: Nova stops active, rescued and error servers; the compute powers it off after a while. */
    PowerAction stop(String id) {
        SimulatedServer server = idleServer(id, "stop");
        if (!List.of("active", "rescued", "error").contains(server.vmState)) {
            throw NovaFault.conflict("Cannot 'stop' instance " + id + " while it is in vm_state " + server.vmState);
        }
        server.taskState = "powering-off";
        server.updated = clock.instant();
        counters.powerActionAccepted(id, false);
        return new PowerAction(server, false);
    }

    /** {@code os-start}: Nova starts stopped servers only. */
    PowerAction start(String id) {
        SimulatedServer server = idleServer(id, "start");
        if (!"stopped".equals(server.vmState)) {
            throw NovaFault.conflict("Cannot 'start' instance " + id + " while it is in vm_state " + server.vmState);
        }
        server.taskState = "powering-on";
        server.updated = clock.instant();
        counters.powerActionAccepted(id, true);
        return new PowerAction(server, true);
    }

    /**
     * The compute finishes the power action. A server that refuses to start stays stopped with its task
     * state reverted, as Nova's compute manager leaves it when the hypervisor fails to power it on.
     */
    void settle(PowerAction action) {
        SimulatedServer server = action.server();
        server.taskState = null;
        server.updated = clock.instant();
        if (action.start() && (server.refusesToStart || faults.startFails())) {
            log.info("Simulated Nova failed to start {} ({}): it stays stopped", server.name, server.id);
            return;
        }
        server.vmState = action.start() ? "active" : "stopped";
        server.powerState = action.start() ? 1 : 4;
    }

    void lock(String id, boolean locked) {
        SimulatedServer server = state.server(id);
        server.locked = locked;
        server.updated = clock.instant();
    }

    void resetState(String id, String vmState) {
        if (!"active".equals(vmState) && !"error".equals(vmState)) {
            throw NovaFault.badRequest("Invalid input for field/attribute state. Value: " + vmState
                    + ". '" + vmState + "' is not one of ['active', 'error']");
        }
        SimulatedServer server = state.server(id);
        server.vmState = vmState;
        server.taskState = null;
        if ("active".equals(vmState) && server.powerState != 1) {
            server.powerState = 1;
        }
        server.updated = clock.instant();
    }

    private SimulatedServer idleServer(String id, String action) {
        SimulatedServer server = state.server(id);
        if (server.taskState != null) {
            throw NovaFault.conflict("Cannot '" + action + "' instance " + id + " while it is in task_state "
                    + server.taskState);
        }
        return server;
    }

    SimulatedAggregate addHostToAggregate(long aggregateId, String host) {
        SimulatedAggregate aggregate = state.aggregates.get(aggregateId);
        if (aggregate == null) {
            throw NovaFault.notFound("Aggregate " + aggregateId + " could not be found.");
        }
        if (!state.hosts.containsKey(host)) {
            throw NovaFault.notFound("Compute host " + host + " could not be found.");
        }
        if (aggregate.hosts.contains(host)) {
            throw NovaFault.conflict("Aggregate " + aggregateId + " already has host " + host + ".");
        }
        aggregate.hosts.add(host);
        aggregate.updated = clock.instant();
        return aggregate;
    }

    List<SimulatedMigration> migrations(String type, String instanceUuid, String sourceHost) {
        return state.migrations.stream()
                .filter(m -> type == null || m.type.equals(type))
                .filter(m -> instanceUuid == null || m.instanceUuid.equals(instanceUuid))
                .filter(m -> sourceHost == null || sourceHost.equals(m.source))
                .sorted(Comparator.comparingLong((SimulatedMigration m) -> m.id).reversed())
                .toList();
    }

    /** A list's {@code limit}: at most 1,000, the default; a negative one is Nova's 400. */
    static int pageSize(Integer limit) {
        if (limit != null && limit < 0) {
            throw NovaFault.badRequest("Invalid input for query parameters limit. Value: " + limit
                    + ". " + limit + " is less than the minimum of 0");
        }
        return limit == null ? 1000 : Math.min(limit, 1000);
    }

    /** A list's {@code changes-since}: an ISO 8601 date-time or date, UTC unless it says otherwise; else Nova's 400. */
    static Instant changesSince(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException notWithOffset) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException notLocal) {
                try {
                    return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (java.time.format.DateTimeParseException notADate) {
                    throw NovaFault.badRequest("Invalid input for query parameters changes-since. Value: " + value
                            + ". '" + value + "' is not a 'date-time'");
                }
            }
        }
    }
}
