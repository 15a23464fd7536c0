package org.instanceha.recovery.returning;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.instanceha.nova.Migration;

/** What Nova's evacuation records say of a host that returns to service. Plain Java. */
public final class ReturnRules {

    /** The statuses an evacuation record ends in: rebuilt ({@code done}, then {@code completed}), or not. */
    static final Set<String> FINAL = Set.of("done", "completed", "failed", "error", "cancelled");

    private ReturnRules() {
    }

    /** An evacuation Nova is still carrying out. */
    public static boolean inProgress(Migration m) {
        return !FINAL.contains(m.status());
    }

    /** A rebuilt instance whose old copy on the source host nova-compute has not deleted yet. */
    public static boolean leftOver(Migration m) {
        return "done".equals(m.status());
    }

    /** A few of them in words: "instance 3f2a… to compute2 pre-migrating, ...". */
    static String describe(List<Migration> migrations) {
        return migrations.stream().limit(5)
                .map(m -> "instance " + m.instanceUuid() + " to " + m.destCompute() + " " + m.status())
                .collect(Collectors.joining(", ")) + (migrations.size() > 5 ? ", ..." : "");
    }
}
