package org.instanceha.recovery.instancefailure;


import java.util.List;
import java.util.Map;
import java.util.Set;

import org.instanceha.nova.Server;
import org.instanceha.recovery.ProtectedInstanceRules;
import org.instanceha.recovery.GatewayValue;

/**
 * Masakari's rules for a failed instance (its engine's {@code instance_events} and
 * {@code instance_failure.py}), as plain Java: which libvirt events call for a recovery, what the
 * instance Nova shows needs, and how a stop or a start stands.
 */
public final class InstanceFailureRules {

    /**
     * The event pairs that lead to a recovery: the guest crashed, or reported an I/O error. Every other pair,
     * an owner's shutdown ({@code LIFECYCLE}, {@code STOPPED_SHUTDOWN}) among them, is left alone.
     */
    static final Map<String, Set<String>> RECOVERABLE_EVENTS = Map.of(
            "LIFECYCLE", Set.of("STOPPED_FAILED"),
            "QEMU_GUEST_AGENT_ERROR", Set.of("STOPPED_FAILED"),
            "IO_ERROR", Set.of("IO_ERROR_REPORT"));

    /** What the instance needs: the variable {@code instanceNeeds} the gateway "What does the instance need?" reads. */
    public enum Need implements GatewayValue {
        /** Stop it (if it is not stopped), then start it. */
        RESTART("restart"),
        /** Resized: reset its state to active first, so that Nova lets it be stopped; then restart it. */
        RESET_FIRST("reset"),
        /** Nothing: the notification ends {@code finished}. */
        NOTHING("nothing"),
        /** Leave it alone: the notification ends {@code ignored}. */
        IGNORE("ignore");

        private final String variableValue;

        Need(String variableValue) {
            this.variableValue = variableValue;
        }

        @Override
        public String variableValue() {
            return variableValue;
        }
    }

    public record Assessment(Need need, String reason) {
    }

    /** How a stop or a start stands: the variable {@code powerOutcome} the gateways "Instance stopped?" and "Instance active?" read. */
    public enum PowerOutcome implements GatewayValue {
        DONE("done"), WAIT("wait"), FAILED("failed");

        private final String variableValue;

        PowerOutcome(String variableValue) {
            this.variableValue = variableValue;
        }

        @Override
        public String variableValue() {
            return variableValue;
        }
    }

    private InstanceFailureRules() {
    }

    public static boolean callsForRecovery(String event, String virDomainEvent) {
        return event != null && RECOVERABLE_EVENTS.getOrDefault(event, Set.of()).contains(virDomainEvent);
    }

    /** Why an event pair that does not call for a recovery was ignored. */
    public static String ignoredEvent(String event, String virDomainEvent, String instanceUuid) {
        return "Event " + event + " (" + virDomainEvent + ") of instance " + instanceUuid + " does not call for a "
                + "recovery: only " + RECOVERABLE_EVENTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList() + " do.";
    }

    /**
     * What the instance needs, in Masakari's order: an instance Nova does not know, or that is not
     * protected, needs nothing done; one that left the reported host, or that its owner paused or rescued,
     * is left alone; a resized one is reset first.
     *
     * @param server              the instance as Nova shows it, or null when Nova does not know it
     * @param reportedHost        the host whose monitor reported the failure
     * @param processAllInstances restart instances without {@code HA_Enabled=True} too
     */
    public static Assessment assess(Server server, String instanceUuid, String reportedHost,
                                    boolean processAllInstances) {
        if (server == null) {
            return new Assessment(Need.IGNORE, "Nova does not know instance " + instanceUuid + ": nothing to recover.");
        }
        String name = server.name() + " (" + server.id() + ")";
        if (!processAllInstances && !ProtectedInstanceRules.haEnabled(server)) {
            return new Assessment(Need.NOTHING, "Instance " + name + " is not HA-enabled (no HA_Enabled=True "
                    + "metadata): nothing was done.");
        }
        if (!reportedHost.equals(server.host())) {
            return new Assessment(Need.IGNORE, "Instance " + name + " is on " + server.host() + " now, not on "
                    + reportedHost + " where the failure was reported: nothing was done.");
        }
        if (List.of("paused", "rescued").contains(server.vmState())) {
            return new Assessment(Need.IGNORE, "Recovery of instance " + name + " is ignored as it is in '"
                    + server.vmState() + "' state.");
        }
        if ("resized".equals(server.vmState())) {
            return new Assessment(Need.RESET_FIRST, "Instance " + name + " is resized: its state is reset to active "
                    + "before it is restarted.");
        }
        return new Assessment(Need.RESTART, "Restarting instance " + name + " on " + server.host() + " (vm_state "
                + server.vmState() + ").");
    }

    /** After {@code os-stop}: done once Nova shows it stopped; failed when it vanished or the time is over. */
    public static PowerOutcome afterStop(Server server, boolean timeOver) {
        if (server != null && "stopped".equals(server.vmState())) {
            return PowerOutcome.DONE;
        }
        return server == null || timeOver ? PowerOutcome.FAILED : PowerOutcome.WAIT;
    }

    /**
     * After {@code os-start}: done once Nova shows it active; failed when it vanished, went into error, is
     * still stopped with no task running (Nova's compute could not power it on and reverted the task
     * state), or the time is over.
     */
    public static PowerOutcome afterStart(Server server, boolean timeOver) {
        if (server != null && "active".equals(server.vmState())) {
            return PowerOutcome.DONE;
        }
        if (server == null || timeOver || "error".equals(server.vmState())
                || "stopped".equals(server.vmState()) && server.idle()) {
            return PowerOutcome.FAILED;
        }
        return PowerOutcome.WAIT;
    }

    /** How Nova shows the instance, for messages and the operator's form. */
    public static String describe(Server server) {
        return "status " + server.status() + ", vm_state " + server.vmState() + ", task_state "
                + (server.taskState() == null ? "none" : server.taskState()) + ", power_state " + server.powerState()
                + ", on host " + server.host();
    }
}
