package org.instanceha.recovery.evacuation;

import java.util.Set;

import org.instanceha.nova.Server;

/**
 * Nova's rules for evacuating a server, and how to tell that one is already on its way: Nova
 * evacuates only {@code active}, {@code stopped} or {@code error} servers with no task running (a
 * rebuild of ours counts as ours); a server that left its host, or is being rebuilt, must not be
 * evacuated again. Plain Java.
 */
public final class EvacuabilityRules {

    private static final Set<String> EVACUABLE_STATES = Set.of("active", "stopped", "error");
    static final String REBUILDING = "rebuilding";

    private EvacuabilityRules() {
    }

    /** Whether Nova accepts an evacuation of the server as it is, without a reset to {@code error}. */
    public static boolean novaAccepts(Server server) {
        return EVACUABLE_STATES.contains(server.vmState())
                && (server.taskState() == null || REBUILDING.equals(server.taskState()));
    }

    /** Whether the server left {@code sourceHost} or is being rebuilt: asking Nova again would repeat it. */
    public static boolean alreadyUnderway(Server server, String sourceHost) {
        return !sourceHost.equals(server.host()) || REBUILDING.equals(server.taskState());
    }
}
