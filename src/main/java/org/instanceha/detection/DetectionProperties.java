package org.instanceha.detection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code instanceha.detection.*}: instance-ha's own host monitor.
 *
 * @param lease             how long the judging node's lease in the shared database lasts without renewal: when
 *                          that node dies, another takes over within this time; renewed every third of it
 * @param mode              {@code report} (the default): report confirmed failures through the intake, and put
 *                          a mass failure to the operators; {@code observe}: judge, log and alert, report
 *                          nothing; {@code off}
 * @param interval          how often the judging node looks at every watched host (0: never on its own)
 * @param staleAfter        a heartbeat older than this by Nova's clock is stale: Nova's {@code service_down_time}
 *                          (60 s by default; the test bed's 15 s)
 * @param reportInterval    how often nova-compute writes its heartbeat: Nova's {@code report_interval} (10 s by
 *                          default; the test bed's 3 s). A heartbeat {@link DetectionRules#MISSED_REPORTS} times
 *                          this old is late: with the management address silent and the BMC answering On, the host
 *                          is hung, failed before its heartbeat is stale
 * @param confirmCycles     how many cycles in a row a failure must be seen before it is reported
 * @param managementTimeout how long a TCP connect to a host's management address may take
 * @param maxClockSkew      how far the Date of Nova's answer may be from our clock before its data counts as stale
 * @param massFailureShare  more than this share of a segment's hosts failing at once is a mass failure
 * @param massFailureHosts  ... and at least this many: nothing of it is reported automatically
 * @param bmcCheckInterval  how often the BMC of a host that looks well is read all the same, so that a broken BMC
 *                          is known before it is needed (a suspect host's BMC is read at once, every cycle)
 * @param bmcChecksPerCycle at most this many of those reads in one cycle, the longest unread first, so that a
 *                          cycle of many hosts stays short
 */
@ConfigurationProperties("instanceha.detection")
public record DetectionProperties(@DefaultValue("15s") Duration lease,
                                  @DefaultValue("report") Mode mode,
                                  @DefaultValue("5s") Duration interval,
                                  @DefaultValue("60s") Duration staleAfter,
                                  @DefaultValue("10s") Duration reportInterval,
                                  @DefaultValue("3") int confirmCycles,
                                  @DefaultValue("1s") Duration managementTimeout,
                                  @DefaultValue("30s") Duration maxClockSkew,
                                  @DefaultValue("0.5") double massFailureShare,
                                  @DefaultValue("2") int massFailureHosts,
                                  @DefaultValue("5m") Duration bmcCheckInterval,
                                  @DefaultValue("5") int bmcChecksPerCycle) {

    /** What the monitor does with what it sees. */
    public enum Mode { OFF, OBSERVE, REPORT }

    /** Only a lease, with the monitor's defaults: for tests of the lease. */
    public static DetectionProperties lease(Duration lease) {
        return new DetectionProperties(lease, Mode.OBSERVE, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(10), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0.5, 2, Duration.ofMinutes(5), 5);
    }
}
