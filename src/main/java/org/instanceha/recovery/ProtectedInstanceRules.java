package org.instanceha.recovery;

import java.util.ArrayList;
import java.util.List;

import org.instanceha.nova.Server;

/**
 * Which instances of a failed host to evacuate, in which order: those with metadata
 * {@code HA_Enabled=True} first (any of Masakari's true values: {@code True}, {@code yes}, {@code 1}, ...); the others too when {@code evacuate-all-instances} is on; instances
 * in error left alone when {@code ignore-instances-in-error-state} is on. Plain Java.
 */
public final class ProtectedInstanceRules {

    private ProtectedInstanceRules() {
    }

    /** What oslo's {@code bool_from_string}, which Masakari reads {@code HA_Enabled} with, takes for true. */
    private static final java.util.Set<String> TRUE_VALUES = java.util.Set.of("1", "t", "true", "on", "y", "yes");

    /** Whether the instance's metadata asks for its protection: {@code HA_Enabled} is true. */
    public static boolean haEnabled(Server server) {
        return TRUE_VALUES.contains(server.metadata().getOrDefault("HA_Enabled", "").strip()
                .toLowerCase(java.util.Locale.ROOT));
    }

    /** The server metadata key of an instance's restart priority. */
    public static final String PRIORITY_KEY = "instanceha:priority";

    /**
     * An instance's restart priority: its metadata {@code instanceha:priority}, 1 (first) to 5 (last), else
     * {@code defaultPriority}; {@code problem} says why a value that was given is not used, else it is null.
     */
    public record Priority(int value, String problem) {
    }

    public static Priority priority(Server server, int defaultPriority) {
        String given = server.metadata().get(PRIORITY_KEY);
        if (given == null || given.isBlank()) {
            return new Priority(defaultPriority, null);
        }
        String value = given.strip();
        if (value.matches("[1-5]")) {
            return new Priority(Integer.parseInt(value), null);
        }
        return new Priority(defaultPriority, server.name() + ": " + PRIORITY_KEY + " '"
                + org.instanceha.common.FieldRules.shortened(value) + "' is not 1 to 5; " + defaultPriority + " used");
    }

    public static List<Server> select(List<Server> servers, boolean evacuateAll, boolean ignoreErrors) {
        List<Server> protectedFirst = new ArrayList<>();
        List<Server> others = new ArrayList<>();
        for (Server server : servers) {
            if (ignoreErrors && "error".equals(server.vmState())) {
                continue;
            }
            if (haEnabled(server)) {
                protectedFirst.add(server);
            } else if (evacuateAll) {
                others.add(server);
            }
        }
        protectedFirst.addAll(others);
        return protectedFirst;
    }
}
