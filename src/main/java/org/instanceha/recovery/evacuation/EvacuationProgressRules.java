package org.instanceha.recovery.evacuation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.instanceha.nova.Migration;
import org.instanceha.nova.Server;

/**
 * Reads where an evacuation stands from what Nova shows. Moved: no task runs and the host changed
 * (never {@code ACTIVE} alone: Nova was once seen ACTIVE, idle, on the old host). Failed: the server is
 * gone, its newest evacuation record failed, or the deadline passed. Otherwise: still moving. Plain Java.
 */
public final class EvacuationProgressRules {

    /** Where the evacuation stands; {@code message} says why when it failed. */
    public record Outcome(EvacuationState state, String destination, String message) {
    }

    private EvacuationProgressRules() {
    }

    public static Outcome assess(Optional<Server> server, String sourceHost, List<Migration> evacuations,
                                 Instant now, Instant deadline) {
        if (server.isEmpty()) {
            return new Outcome(EvacuationState.FAILED, null, "The instance no longer exists in Nova.");
        }
        Server s = server.get();
        if (s.idle() && s.host() != null && !s.host().equals(sourceHost)) {
            return new Outcome(EvacuationState.MOVED, s.host(), null);
        }
        Optional<Migration> newest = evacuations.stream().findFirst();
        if (s.idle() && newest.isPresent() && List.of("error", "failed").contains(newest.get().status())) {
            return new Outcome(EvacuationState.FAILED, null, "Nova could not evacuate " + s.name() + ": "
                    + (s.fault() != null ? s.fault() : "migration " + newest.get().status()));
        }
        if (!now.isBefore(deadline)) {
            return new Outcome(EvacuationState.FAILED, null, "The evacuation of " + s.name()
                    + " did not settle in time: Nova shows it " + s.status() + " on " + s.host()
                    + (s.taskState() != null ? " (task " + s.taskState() + ")" : "") + ".");
        }
        return new Outcome(EvacuationState.MOVING, null, null);
    }

    /**
     * Whether Nova is done with the evacuation, one way or the other (no task running, and on another host or in
     * error; or the server deleted): what makes {@link EvacuationWakeUp} run the check now, which then says which way.
     */
    public static boolean novaIsDone(Server server, String sourceHost) {
        return "DELETED".equals(server.status())
                || server.idle() && (!sourceHost.equals(server.host()) || "ERROR".equals(server.status()));
    }
}
