package org.instanceha.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What happens once a recovered host is healthy again (a segment's policy, {@link SegmentPolicy}). */
public enum ReturnToService {
    /** The "Return host to service" workflow returns it once its gates pass. */
    AUTO("auto"),
    /** The same, after an operator approves it in Tasklist. */
    ASK("ask"),
    /** It stays out of service until an operator clears its flags by hand (Masakari's behaviour). */
    NEVER("never");

    private final String wireName;

    ReturnToService(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReturnToService> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(value)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ReturnToService::wireName).toList();
    }
}
