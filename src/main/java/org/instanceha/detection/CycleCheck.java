package org.instanceha.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.instanceha.notification.Verdict;

/**
 * The observer checks itself before it judges anyone: a cycle in which Nova's API did not answer, answered
 * stale data (its clock far from ours), or in which every watched host looked dead at once (our own network,
 * not theirs) gives no verdicts, only an alert. Plain Java.
 */
public final class CycleCheck {

    private CycleCheck() {
    }

    /**
     * Why this cycle must not judge, or empty when it may.
     *
     * @param novaDate   the {@code Date} of Nova's services answer; null when Nova did not answer
     * @param ourClock   when we received it
     * @param maxSkew    how far Nova's clock may be from ours before its data counts as stale
     * @param verdicts   the verdicts the cycle would give, one per watched host
     */
    public static Optional<String> problem(Instant novaDate, Instant ourClock, Duration maxSkew,
                                           Collection<Verdict> verdicts) {
        if (novaDate == null) {
            return Optional.of("Nova's API did not answer: no host is judged in this cycle.");
        }
        Duration skew = Duration.between(novaDate, ourClock).abs();
        if (skew.compareTo(maxSkew) > 0) {
            return Optional.of("Nova's answer is dated " + skew.toSeconds() + " s from our clock: stale data, or a "
                    + "clock to fix; no host is judged in this cycle.");
        }
        // A host whose BMC disagrees with it lives by its own signals, and one not judged looks nothing: neither
        // looks dead.
        long failing = verdicts.stream().filter(v -> v != Verdict.HEALTHY && v != Verdict.BMC_DISAGREES
                && v != Verdict.CANNOT_JUDGE).count();
        if (verdicts.size() >= 2 && failing == verdicts.size()) {
            return Optional.of("Every one of the " + verdicts.size() + " watched hosts looks dead at once: that is "
                    + "more likely our own network than theirs; no host is judged in this cycle.");
        }
        return Optional.empty();
    }
}
