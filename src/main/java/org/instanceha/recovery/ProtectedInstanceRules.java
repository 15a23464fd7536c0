package org.instanceha.recovery;

import java.util.ArrayList;
import java.util.List;

import org.instanceha.nova.InstanceProtection;
import org.instanceha.nova.Server;

/**
 * Which instances of a failed host to evacuate, in which order: those with metadata
 * {@code HA_Enabled=True} first (any of Masakari's true values: {@code True}, {@code yes}, {@code 1}, ...); the others too when {@code evacuate-all-instances} is on; instances
 * in error left alone when {@code ignore-instances-in-error-state} is on. Plain Java.
 */
public final class ProtectedInstanceRules {

    private ProtectedInstanceRules() {
    }

    /** Whether the instance's metadata asks for its protection: {@code HA_Enabled} is true. */
    public static boolean haEnabled(Server server) {
        return InstanceProtection.haEnabled(server.metadata());
    }

    /** An instance's restart priority, 1 (first) to 5 (last), else {@code defaultPriority} with the reason. */
    public static InstanceProtection.Priority priority(Server server, int defaultPriority) {
        return InstanceProtection.priority(server.name(), server.metadata(), defaultPriority);
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
