package org.instanceha.detection;

import java.time.Duration;

import org.instanceha.notification.Verdict;

/**
 * The safe reading of one host's signals ({@link Signals}) as a {@link Verdict}. A host is failed only when
 * Nova's heartbeat is stale by Nova's own clock, or when its BMC says its power is off and the host's own signals
 * agree; a running host whose nova-compute alone stopped (its management address answers) is a process failure,
 * never an evacuation. A BMC's "Off" alone is never proof: with {@code verify_tls: false} or IPMI cipher 0 to 2
 * the answer can be spoofed, and a confused BMC says the same; evacuating a running host would run its instances
 * twice. Plain Java.
 */
public final class DetectionRules {

    private DetectionRules() {
    }

    /**
     * @param staleAfter a heartbeat older than this is stale (Nova's {@code service_down_time}, 60 s by default;
     *                   the test bed's 15 s)
     */
    public static Verdict judge(Signals s, Duration staleAfter) {
        boolean stale = s.heartbeatAge() == null || s.heartbeatAge().compareTo(staleAfter) > 0 || s.forcedDown();
        if (s.bmc() == Signals.Power.OFF && !s.forcedDown()) {
            boolean hostAgrees = s.management() == Signals.Management.SILENT
                    || s.management() == Signals.Management.NONE && stale;
            return hostAgrees ? Verdict.FENCED : Verdict.BMC_DISAGREES;
        }
        if (!stale) {
            return s.management() == Signals.Management.SILENT ? Verdict.SUSPECT : Verdict.HEALTHY;
        }
        if (s.management() == Signals.Management.ANSWERS) {
            return Verdict.PROCESS_DOWN;
        }
        if (s.management() == Signals.Management.NONE && s.bmc() == Signals.Power.NO_BMC) {
            return Verdict.NOT_PROTECTABLE;
        }
        return Verdict.FAILED;
    }

    /** Whether the BMC of a host with these signals must be read in this cycle: a host that looks anything but well. */
    public static boolean readBmcNow(Signals withoutBmc, Duration staleAfter) {
        return judge(new Signals(withoutBmc.heartbeatAge(), withoutBmc.novaSaysUp(), withoutBmc.forcedDown(),
                withoutBmc.management(), Signals.Power.NOT_READ), staleAfter) != Verdict.HEALTHY;
    }

    /**
     * Whether the failures of one segment within the window are a mass failure, which a person approves rather
     * than the monitor reports: more than {@code share} of its hosts, and at least {@code atLeast} of them.
     */
    public static boolean massFailure(int failing, int hostsInSegment, double share, int atLeast) {
        return failing >= atLeast && failing > share * hostsInSegment;
    }
}
