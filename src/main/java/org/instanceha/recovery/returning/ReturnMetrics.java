package org.instanceha.recovery.returning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.instanceha.common.UtcTime;
import org.instanceha.notification.HostReturn;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.ReturnProperties;
import org.springframework.stereotype.Component;

/**
 * The returns to service in Prometheus: {@code instanceha_host_returns_total{outcome}} (returned, kept_out,
 * failed_again), {@code instanceha_host_return_seconds} (from the host monitor first seeing the host healthy again
 * to its return) and {@code instanceha_hosts_out_after_coming_back} (hosts healthy again longer than
 * {@code instanceha.returning.alert-after} and still out of service: the alert's figure), and
 * {@code instanceha_failbacks_total{outcome}}.
 */
@Component
public class ReturnMetrics {

    private final MeterRegistry meters;

    public ReturnMetrics(MeterRegistry meters, HostReturns returns, ReturnProperties properties, Clock clock) {
        this.meters = meters;
        Gauge.builder("instanceha.hosts.out.after.coming.back", () -> returns.open().stream()
                        .filter(r -> r.backAt() != null && r.backAt().plus(properties.alertAfter())
                                .isBefore(UtcTime.now(clock)))
                        .count())
                .description("Hosts healthy again after a recovery for longer than instanceha.returning.alert-after"
                        + " and still out of service")
                .register(meters);
    }

    /** A host returned to service: its outcome, and the time since it was seen healthy again. */
    void returned(HostReturn before, LocalDateTime now) {
        ended(HostReturn.RETURNED);
        if (before.backAt() != null) {
            Timer.builder("instanceha.host.return").description("From a recovered host seen healthy again to its "
                            + "return to service")
                    .register(meters).record(Duration.between(before.backAt(), now));
        }
    }

    /** A live migration home ended: succeeded or failed ({@code instanceha_failbacks_total{outcome}}). */
    void failback(String outcome) {
        Counter.builder("instanceha.failbacks").description("Live migrations home after a return to service, by "
                + "outcome").tag("outcome", outcome).register(meters).increment();
    }

    /** A return ended: returned, kept_out or failed_again. */
    void ended(String outcome) {
        Counter.builder("instanceha.host.returns").description("Returns to service of recovered hosts, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }
}
