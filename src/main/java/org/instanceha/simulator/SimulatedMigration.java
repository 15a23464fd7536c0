package org.instanceha.simulator;

import java.time.Instant;
import java.util.UUID;

/** A migration record: of an evacuation, or of a live migration ({@code type} "live-migration"). */
public final class SimulatedMigration {
    final long id;
    final String uuid = UUID.randomUUID().toString();
    final String instanceUuid;
    final String source;
    String dest;
    String status;
    String type = "evacuation";
    final Instant created;
    Instant updated;

    SimulatedMigration(long id, String instanceUuid, String source, String dest, Instant created) {
        this.id = id;
        this.instanceUuid = instanceUuid;
        this.source = source;
        this.dest = dest;
        this.status = "accepted";
        this.created = created;
    }
}
