package org.instanceha.vmove;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the move of one instance stands, stored and served under its wire name: {@code pending} until
 * its evacuation starts, {@code ongoing} while Nova rebuilds it, then {@code succeeded}, {@code failed}
 * or {@code ignored}.
 */
public enum VmMoveStatus {
    PENDING, ONGOING, SUCCEEDED, FAILED, IGNORED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Pending or ongoing: the move has not ended. */
    public boolean unfinished() {
        return this == PENDING || this == ONGOING;
    }

    public static Optional<VmMoveStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }

    /** The stored value of a column that only we write. */
    static VmMoveStatus stored(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalStateException("unknown VM move status " + value));
    }
}
