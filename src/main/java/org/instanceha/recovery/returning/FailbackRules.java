package org.instanceha.recovery.returning;

import org.instanceha.nova.Server;
import org.instanceha.vmove.VmMove;

/** Which instances a recovery moved go home by live migration once their host is back in service. Plain Java. */
public final class FailbackRules {

    /** The metadata key with which an instance's owner keeps it where the recovery put it ({@code false}). */
    public static final String METADATA_KEY = "instanceha:failback";

    private FailbackRules() {
    }

    /**
     * Why the instance that {@code evacuation} moved stays where it is; null when it goes home.
     *
     * @param server the instance now, null when Nova no longer knows it
     */
    public static String skipReason(VmMove evacuation, Server server) {
        if (server == null) {
            return "deleted since its evacuation";
        }
        if (!evacuation.destHost().equals(server.host())) {
            return "moved since its evacuation (on " + server.host() + " now)";
        }
        if ("false".equalsIgnoreCase(server.metadata().getOrDefault(METADATA_KEY, "").trim())) {
            return "its metadata says " + METADATA_KEY + "=false";
        }
        if (!"active".equals(server.vmState()) || server.taskState() != null) {
            return "not running (vm_state " + server.vmState() + (server.taskState() == null ? ""
                    : ", task_state " + server.taskState()) + "): live migration moves running instances only";
        }
        return null;
    }

    /** Whether a live migration home has ended, by the server: its task done, on whichever host. */
    public static boolean settled(Server server) {
        return server == null || server.taskState() == null;
    }
}
