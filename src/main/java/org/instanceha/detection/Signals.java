package org.instanceha.detection;

import java.time.Duration;
import java.util.Locale;

/**
 * What one cycle read of one host.
 *
 * @param heartbeatAge      how old nova-compute's last heartbeat ({@code updated_at}) is by Nova's own clock (the
 *                          {@code Date} of its answer); null when Nova lists no service for the host
 * @param novaSaysUp        Nova's {@code state} is {@code up}
 * @param forcedDown        Nova's {@code forced_down}
 * @param management        whether the host's management address answered a TCP connect
 * @param bmc               what its BMC said of the power
 */
public record Signals(Duration heartbeatAge, boolean novaSaysUp, boolean forcedDown, Management management,
                      Power bmc) {

    /** A management address's answer. */
    public enum Management { ANSWERS, SILENT, NONE }

    /** A BMC's answer; {@link #NOT_READ} when the cycle did not ask it (a healthy host, between full reads). */
    public enum Power { ON, OFF, NO_ANSWER, NO_BMC, NOT_READ }

    /** These signals in words: "heartbeat 17.0 s old by Nova's clock, management address silent, BMC on". */
    public static String inWords(Signals s) {
        if (s == null) {
            return "no signals";
        }
        return (s.heartbeatAge() == null ? "no heartbeat in Nova" : String.format(Locale.ROOT,
                "heartbeat %.1f s old by Nova's clock", s.heartbeatAge().toMillis() / 1000.0))
                + ", management address " + s.management().name().toLowerCase(Locale.ROOT)
                + ", BMC " + s.bmc().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
