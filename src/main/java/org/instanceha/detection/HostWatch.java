package org.instanceha.detection;

import java.time.Instant;

import org.instanceha.notification.Verdict;

/**
 * One host's verdicts over the cycles: a verdict to report must hold for {@code confirmCycles} cycles in a row
 * before it is confirmed (a suspect host's silent cycles count for its failure, which is still seen twice), and is
 * confirmed once, then handed on once (reported, or put to the operators); a host that is healthy again before that
 * is forgotten (never reported). Remembers when the host first looked wrong, for the time from the first missed signal to the
 * report. Plain Java; one per watched host, used by the judging node only.
 */
public final class HostWatch {

    private final String host;
    private final String registration;
    private Verdict verdict = Verdict.HEALTHY;
    private int cycles;
    private Instant firstMiss;
    private boolean sinceLastHeartbeat;
    private boolean confirmed;
    private boolean handed;
    private Signals signals;
    private Instant seenAt;
    private Signals.Power lastBmc = Signals.Power.NOT_READ;
    private Instant bmcReadAt;
    private String cannotJudge;

    public HostWatch(String host) {
        this(host, "");
    }

    /**
     * @param registration what the host was registered as when the watch began (its uuid, a hash of its control attributes):
     *                     a host registered again, or given another BMC, is watched afresh
     */
    public HostWatch(String host, String registration) {
        this.host = host;
        this.registration = registration;
    }

    /** What the host was registered as when this watch began. */
    public String registration() {
        return registration;
    }

    /**
     * What one cycle said, after {@link #saw} gave it the cycle's signals; true when this cycle confirms a
     * verdict to report (once per failure).
     */
    public boolean observe(Verdict now, Instant at, int confirmCycles) {
        if (now != Verdict.CANNOT_JUDGE) {
            cannotJudge = null;
        }
        if (now == Verdict.HEALTHY) {
            verdict = now;
            cycles = 0;
            firstMiss = null;
            sinceLastHeartbeat = false;
            confirmed = false;
            handed = false;
            return false;
        }
        if (firstMiss == null) {
            firstMiss = at;
            if (now.staleHeartbeat() && signals != null && signals.heartbeatAge() != null
                    && at.minus(signals.heartbeatAge()).isBefore(at)) {
                firstMiss = at.minus(signals.heartbeatAge());
                sinceLastHeartbeat = true;
            }
        }
        if (now != verdict) {
            // A suspect host (its management address silent) that turns failed was silent all along: those cycles
            // count, but a failure is still seen in two cycles at least.
            boolean silentAllAlong = verdict == Verdict.SUSPECT && now == Verdict.FAILED;
            cycles = silentAllAlong ? Math.max(0, Math.min(cycles, confirmCycles - 2)) : 0;
            verdict = now;
        }
        cycles++;
        if (!confirmed && now.reported() && (cycles >= confirmCycles || now == Verdict.FENCED)) {
            confirmed = true;
            return true;
        }
        return false;
    }

    /** This cycle could not read the host's signals, for this reason: it is not judged (never reported). */
    public void cannotJudge(String reason, Instant at, int confirmCycles) {
        observe(Verdict.CANNOT_JUDGE, at, confirmCycles);
        cannotJudge = reason;
    }

    /** Why the last cycle could not judge the host; null when it could. */
    public String cannotJudgeReason() {
        return cannotJudge;
    }

    /** The signals of the last cycle, for the dashboard and the metrics. */
    public void saw(Signals last, Instant at) {
        signals = last;
        seenAt = at;
        if (last.bmc() != Signals.Power.NOT_READ) {
            lastBmc = last.bmc();
            bmcReadAt = at;
        }
    }

    /** What its BMC said of the power when last read, in this cycle or an earlier one ({@code NOT_READ}: never). */
    public Signals.Power lastBmc() {
        return lastBmc;
    }

    /** When its BMC was last read; null when never. */
    public Instant bmcReadAt() {
        return bmcReadAt;
    }

    /** When the signals of {@link #signals()} were read. */
    public Instant seenAt() {
        return seenAt;
    }

    public Signals signals() {
        return signals;
    }

    /** Down, and nothing can power it off: no BMC, or one that does not answer. */
    public boolean downAndUnfenceable() {
        return verdict == Verdict.NOT_PROTECTABLE || verdict == Verdict.FAILED && signals != null
                && (signals.bmc() == Signals.Power.NO_ANSWER || signals.bmc() == Signals.Power.NO_BMC);
    }

    public String host() {
        return host;
    }

    public Verdict verdict() {
        return verdict;
    }

    /**
     * When the host's current trouble began; null while healthy. When it began with a stale heartbeat, that is
     * its last heartbeat in Nova (by the heartbeat's age in the cycle that first saw it: nothing came after it),
     * else the cycle that first saw it wrong (its management address silent, its BMC off).
     */
    public Instant firstMiss() {
        return firstMiss;
    }

    /** Whether {@link #firstMiss()} is the host's last heartbeat in Nova. */
    public boolean sinceLastHeartbeat() {
        return sinceLastHeartbeat;
    }

    public boolean confirmed() {
        return confirmed;
    }

    /** Confirmed, and neither reported nor put to the operators yet: a host of a mass failure waits so. */
    public boolean pending() {
        return confirmed && !handed;
    }

    /** Its confirmed failure was reported, or put to the operators: it is not handed on again. */
    public void handed() {
        handed = true;
    }
}
