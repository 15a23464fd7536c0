package org.instanceha.recovery;

import java.util.ArrayList;
import java.util.List;

import org.instanceha.nova.Server;

/**
 * Which instances of a failed host to evacuate, in which order: those with metadata
 * {@code HA_Enabled=True} first; the others too when {@code evacuate-all-instances} is on; instances
 * in error left alone when {@code ignore-instances-in-error-state} is on. Plain Java.
 */
public final class ProtectedInstanceRules {

    private ProtectedInstanceRules() {
    }

    public static List<Server> select(List<Server> servers, boolean evacuateAll, boolean ignoreErrors) {
        List<Server> protectedFirst = new ArrayList<>();
        List<Server> others = new ArrayList<>();
        for (Server server : servers) {
            if (ignoreErrors && "error".equals(server.vmState())) {
                continue;
            }
            if ("true".equalsIgnoreCase(server.metadata().getOrDefault("HA_Enabled", ""))) {
                protectedFirst.add(server);
            } else if (evacuateAll) {
                others.add(server);
            }
        }
        protectedFirst.addAll(others);
        return protectedFirst;
    }
}
