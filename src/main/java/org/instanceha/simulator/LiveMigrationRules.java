package org.instanceha.simulator;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code os-migrateLive} as Nova does it, simply: an ACTIVE server with no task, off an up source to another up,
 * enabled host with room; it stays ACTIVE and powered on while it moves ({@code task_state} migrating), and a
 * migration record of type {@code live-migration} goes queued, running, completed. Not thread-safe:
 * {@link SimulatedCloud} guards it.
 */
final class LiveMigrationRules {

    private static final Logger log = LoggerFactory.getLogger(LiveMigrationRules.class);

    /** A live migration Nova accepted, to be settled after the migration time. */
    record LiveMigration(SimulatedServer server, SimulatedMigration migration) {
    }

    private final CloudState state;
    private final NovaRules nova;
    private final Clock clock;

    LiveMigrationRules(CloudState state, NovaRules nova, Clock clock) {
        this.state = state;
        this.nova = nova;
        this.clock = clock;
    }

    /** The target host of an {@code os-migrateLive} body; the simulator does not schedule live migrations itself. */
    static String target(com.fasterxml.jackson.databind.JsonNode argument) {
        if (argument == null || !argument.isObject() || !argument.path("host").isTextual()) {
            throw NovaFault.badRequest("Invalid input for field/attribute os-migrateLive. Value: " + argument
                    + ". 'host' is required (the simulator does not schedule live migrations).");
        }
        if (!argument.path("block_migration").isMissingNode() && !argument.path("block_migration").isBoolean()
                && !"auto".equals(argument.path("block_migration").asText())) {
            throw NovaFault.badRequest("Invalid input for field/attribute block_migration. Value: "
                    + argument.get("block_migration") + ". It is not one of true, false, 'auto'.");
        }
        return argument.get("host").asText();
    }

    LiveMigration start(String id, String targetHost) {
        SimulatedServer server = state.server(id);
        if (server.taskState != null || !"active".equals(server.vmState)) {
            throw NovaFault.conflict("Cannot 'os-migrateLive' instance " + id + " while it is in "
                    + (server.taskState != null ? "task_state " + server.taskState : "vm_state " + server.vmState));
        }
        SimulatedHost source = state.host(server.host);
        if (!nova.serviceUp(source)) {
            throw NovaFault.badRequest("Compute service of " + source.name + " is unavailable at this time.");
        }
        SimulatedHost target = state.hosts.get(targetHost);
        if (target == null) {
            throw NovaFault.badRequest("Compute host " + targetHost + " could not be found.");
        }
        if (target == source) {
            throw NovaFault.badRequest("Unable to migrate instance (" + id + ") to current host (" + targetHost
                    + ").");
        }
        if (!nova.serviceUp(target) || !target.enabled) {
            throw NovaFault.badRequest("Compute service of " + targetHost + " is unavailable at this time.");
        }
        if (!nova.fits(target, server)) {
            throw NovaFault.badRequest("Migration pre-check error: Unable to migrate " + id + " to " + targetHost
                    + ": Lack of memory");
        }
        Instant now = clock.instant();
        SimulatedMigration migration = new SimulatedMigration(state.migrations.size() + 1, id, source.name,
                targetHost, now);
        migration.type = "live-migration";
        migration.status = "running";
        state.migrations.add(migration);
        server.taskState = "migrating";
        server.movingTo = targetHost;
        server.updated = now;
        log.info("Simulated Nova live-migrates {} ({}) from {} to {}", server.name, id, source.name, targetHost);
        return new LiveMigration(server, migration);
    }

    /** The move ends: the server runs on its new host, as it ran on the old one. */
    void settle(LiveMigration move) {
        SimulatedServer server = move.server();
        Instant now = clock.instant();
        server.host = move.migration().dest;
        server.movingTo = null;
        server.taskState = null;
        server.updated = now;
        move.migration().status = "completed";
        move.migration().updated = now;
    }
}
