package org.instanceha.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a segment recovers the instances of a failed host (Masakari's four methods). */
public enum RecoveryMethod {
    AUTO("auto"),
    RESERVED_HOST("reserved_host"),
    AUTO_PRIORITY("auto_priority"),
    RH_PRIORITY("rh_priority");

    private final String wireName;

    RecoveryMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RecoveryMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RecoveryMethod::wireName).toList();
    }
}
