package org.instanceha.recovery.planning;

import java.util.List;
import java.util.Map;

import org.instanceha.nova.Server;
import org.instanceha.nova.ServerBuild;
import org.instanceha.segment.EvacuationAction;
import org.instanceha.segment.EvacuationClass;
import org.instanceha.segment.EvacuationPolicy;
import org.instanceha.segment.InstanceStorage;

/**
 * Which {@link EvacuationClass} an instance is in, and what its recovery does with it: the segment policy's action
 * for the class, unless the instance's metadata {@code instanceha:action} names another. The first class that
 * applies wins: not evacuable (a flavor extra spec Nova cannot evacuate: a vTPM, accelerators, PCI devices), owned
 * by a service, volume-backed (no disk on its host), then ephemeral on shared or local storage as the policy says.
 * Plain Java.
 */
public final class EvacuationClassRules {

    /** The instance's own choice of action, overriding its class's. */
    public static final String ACTION_METADATA = "instanceha:action";

    /** Extra specs (a key, or a key prefix ending in ':') that Nova cannot evacuate, and what they stand for. */
    private static final Map<String, String> NOT_EVACUABLE_SPECS = Map.of(
            "hw:tpm_version", "a vTPM", "hw:tpm_model", "a vTPM", "accel:", "accelerators",
            "pci_passthrough:alias", "PCI devices");

    private EvacuationClassRules() {
    }

    /**
     * An instance's class and action, with the reason in words for the notification; {@code problem} names a
     * metadata value that is not an action (then the class's action holds), else null.
     */
    public record Choice(EvacuationClass evacuationClass, EvacuationAction action, String reason, String problem) {
    }

    public static Choice choose(Server server, EvacuationPolicy policy) {
        EvacuationClass evacuationClass = classify(server, policy);
        String reason = evacuationClass.description() + detail(server, evacuationClass);
        String asked = server.metadata().get(ACTION_METADATA);
        if (asked == null) {
            return new Choice(evacuationClass, policy.actionFor(evacuationClass), reason, null);
        }
        return EvacuationAction.fromWire(asked.strip())
                .map(a -> new Choice(evacuationClass, a, reason + ", " + ACTION_METADATA + " " + a.wireName(), null))
                .orElseGet(() -> new Choice(evacuationClass, policy.actionFor(evacuationClass), reason,
                        server.name() + ": " + ACTION_METADATA + " '" + asked + "' is not one of "
                                + EvacuationAction.wireNames() + ", its class's action holds"));
    }

    public static EvacuationClass classify(Server server, EvacuationPolicy policy) {
        ServerBuild build = server.build();
        if (!notEvacuableFeatures(build).isEmpty()) {
            return EvacuationClass.NOT_EVACUABLE;
        }
        if (policy.ownedByService(server.projectId(), server.name())) {
            return EvacuationClass.SERVICE_OWNED;
        }
        if (!build.hasInstanceDisks()) {
            return EvacuationClass.VOLUME_BACKED;
        }
        return policy.storage() == InstanceStorage.SHARED ? EvacuationClass.SHARED_EPHEMERAL
                : EvacuationClass.LOCAL_EPHEMERAL;
    }

    /** What of its flavor makes it not evacuable, in words ("a vTPM"); empty when nothing does. */
    static List<String> notEvacuableFeatures(ServerBuild build) {
        return NOT_EVACUABLE_SPECS.entrySet().stream()
                .filter(e -> build.extraSpecs().keySet().stream().anyMatch(k -> e.getKey().endsWith(":")
                        ? k.startsWith(e.getKey()) : k.equals(e.getKey())))
                .map(Map.Entry::getValue).distinct().sorted().toList();
    }

    private static String detail(Server server, EvacuationClass evacuationClass) {
        return switch (evacuationClass) {
            case NOT_EVACUABLE -> " (" + String.join(", ", notEvacuableFeatures(server.build())) + ")";
            case LOCAL_EPHEMERAL, SHARED_EPHEMERAL -> server.build().volumeBacked() ? " (its ephemeral or swap disk)"
                    : "";
            default -> "";
        };
    }
}
