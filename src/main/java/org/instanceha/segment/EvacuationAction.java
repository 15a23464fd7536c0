package org.instanceha.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a host failure's recovery does with an instance (per {@link EvacuationClass} in a segment's policy, or per
 * instance by its metadata {@code instanceha:action}).
 */
public enum EvacuationAction {
    /** Rebuilt elsewhere in the state it had. */
    EVACUATE("evacuate"),
    /** Rebuilt elsewhere and left stopped (Nova's microversion 2.95): its owner starts it when it is fit to run. */
    EVACUATE_STOPPED("evacuate_stopped"),
    /** Left where it is, named with its reason in the notification. */
    SKIP("skip"),
    /** A Tasklist task asks an operator before it is rebuilt: rebuild it, or skip it. */
    ASK("ask");

    private final String wireName;

    EvacuationAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EvacuationAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EvacuationAction::wireName).toList();
    }
}
