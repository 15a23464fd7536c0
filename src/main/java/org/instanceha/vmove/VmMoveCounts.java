package org.instanceha.vmove;

import java.util.EnumMap;
import java.util.Map;

/** How many of a notification's VM moves are in each status. */
public record VmMoveCounts(Map<VmMoveStatus, Long> byStatus) {

    public VmMoveCounts {
        EnumMap<VmMoveStatus, Long> copy = new EnumMap<>(VmMoveStatus.class);
        copy.putAll(byStatus);
        byStatus = Map.copyOf(copy);
    }

    public static VmMoveCounts of(Map<VmMoveStatus, Long> byStatus) {
        return new VmMoveCounts(byStatus);
    }

    public long get(VmMoveStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long unfinished() {
        return get(VmMoveStatus.PENDING) + get(VmMoveStatus.ONGOING);
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /**
     * In the words a notification's message uses: "2 of 3 instance(s) evacuated, 1 failed." (", N skipped" for
     * instances their policy or an operator left where they were, ", N not finished" while some are pending or
     * ongoing).
     */
    public String summary() {
        long failed = get(VmMoveStatus.FAILED);
        long skipped = get(VmMoveStatus.IGNORED);
        long unfinished = unfinished();
        return get(VmMoveStatus.SUCCEEDED) + " of " + total() + " instance(s) evacuated"
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (unfinished > 0 ? ", " + unfinished + " not finished" : "") + ".";
    }
}
