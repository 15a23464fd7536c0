package org.instanceha.detection;

import java.time.Duration;

import org.instanceha.notification.Verdict;

/**
 * The safe reading of one host's signals ({@link Signals}) as a {@link Verdict}. A host is failed only when
 * Nova's heartbeat is stale by Nova's own clock; or when it is late (more than {@value #MISSED_REPORTS} of Nova's
 * report intervals old), its management address is silent and its BMC answers On (a hung host, which the BMC that
 * answered can power off before anything is rebuilt); or when its BMC says its power is off and the host's own
 * signals agree. A heartbeat that is only late, while the management address answers or the BMC does not, is not a
 * failure; a running host whose nova-compute alone stopped (its management address answers) is a process failure,
 * never an evacuation. A BMC's "Off" alone is never proof: with {@code verify_tls: false} or IPMI cipher 0 to 2
 * the answer can be spoofed, and a confused BMC says the same; evacuating a running host would run its instances
 * twice. Plain Java.
 */
public final class DetectionRules {

    private DetectionRules() {
    }

    /** How many of Nova's report intervals a heartbeat may miss before it is late. */
    public static final double MISSED_REPORTS = 2.5;

    /**
     * @param staleAfter     a heartbeat older than this is stale (Nova's {@code service_down_time}, 60 s by default;
     *                       the test bed's 15 s)
     * @param reportInterval how often nova-compute writes its heartbeat (Nova's {@code report_interval}, 10 s by
     *                       default; the test bed's 3 s)
     */
    public static Verdict judge(Signals s, Duration staleAfter, Duration reportInterval) {
        boolean stale = s.heartbeatAge() == null || s.heartbeatAge().compareTo(staleAfter) > 0 || s.forcedDown();
        if (s.bmc() == Signals.Power.OFF && !s.forcedDown()) {
            boolean hostAgrees = s.management() == Signals.Management.SILENT
                    || s.management() == Signals.Management.NONE && stale;
            return hostAgrees ? Verdict.FENCED : Verdict.BMC_DISAGREES;
        }
        if (!stale && s.management() == Signals.Management.SILENT && s.bmc() == Signals.Power.ON
                && late(s.heartbeatAge(), reportInterval)) {
            return Verdict.FAILED;
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

    /**
     * Whether a host that a recovery took out of service is healthy again: nova-compute's heartbeat is fresh (not
     * late, whatever forced_down says: a forced-down service still writes it), its management address answers
     * where it has one, and its BMC says On where it has one. A BMC that does not answer is not healthy.
     */
    public static boolean healthyAgain(Signals s, Duration reportInterval) {
        return s.heartbeatAge() != null && !late(s.heartbeatAge(), reportInterval)
                && s.management() != Signals.Management.SILENT
                && (s.bmc() == Signals.Power.ON || s.bmc() == Signals.Power.NO_BMC);
    }

    /** Whether a heartbeat of this age missed more than {@value #MISSED_REPORTS} reports. */
    static boolean late(Duration heartbeatAge, Duration reportInterval) {
        return heartbeatAge != null && heartbeatAge.toMillis() > MISSED_REPORTS * reportInterval.toMillis();
    }

    /** Whether the BMC of a host with these signals must be read in this cycle: a host that looks anything but well. */
    public static boolean readBmcNow(Signals withoutBmc, Duration staleAfter) {
        return judge(new Signals(withoutBmc.heartbeatAge(), withoutBmc.novaSaysUp(), withoutBmc.forcedDown(),
                withoutBmc.management(), Signals.Power.NOT_READ), staleAfter, staleAfter) != Verdict.HEALTHY;
    }

    /**
     * Whether the failures of one segment within the window are a mass failure, which a person approves rather
     * than the monitor reports: more than {@code share} of its hosts, and at least {@code atLeast} of them.
     */
    public static boolean massFailure(int failing, int hostsInSegment, double share, int atLeast) {
        return failing >= atLeast && failing > share * hostsInSegment;
    }
}
