package org.instanceha.detection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.instanceha.notification.Verdict;
import org.springframework.stereotype.Component;

/**
 * The host monitor in Prometheus: {@code instanceha_detection_hosts{verdict}} (watched hosts per verdict, on the
 * judging node), {@code instanceha_detection_down_unfenceable_hosts} (down, with no BMC or a silent one: the alert
 * "host down and cannot be fenced"), {@code instanceha_detection_bmc_silent_hosts} (watched hosts whose BMC did not
 * answer its last read, periodic or not: a broken BMC known before it is needed), {@code
 * instanceha_detection_cannot_judge_hosts} (hosts whose signals cannot be read; HostMonitor gauges each as {@code
 * instanceha_detection_host_cannot_judge{host}}), {@code
 * instanceha_detection_observer_alert} (1 while the monitor will not
 * judge: Nova silent, its clock off, every host dead at once, or a mass failure). {@link org.instanceha.notification.FailureReports} times
 * {@code instanceha_detection_report_delay_seconds}, from a host's first missed signal to its report.
 */
@Component
public class DetectionMetrics implements MeterBinder {

    private final HostMonitor monitor;

    public DetectionMetrics(HostMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Verdict verdict : Verdict.values()) {
            Gauge.builder("instanceha.detection.hosts", monitor,
                            m -> m.verdicts().values().stream().filter(v -> v == verdict).count())
                    .description("Watched hosts per verdict (on the node that judges)")
                    .tag("verdict", verdict.shown()).register(registry);
        }
        Gauge.builder("instanceha.detection.down.unfenceable.hosts", monitor, HostMonitor::downAndUnfenceable)
                .description("Hosts down that nothing can power off: no BMC, or one that does not answer")
                .register(registry);
        Gauge.builder("instanceha.detection.bmc.silent.hosts", monitor, HostMonitor::bmcSilent)
                .description("Watched hosts whose BMC did not answer when last read: they cannot be fenced if they fail")
                .register(registry);
        Gauge.builder("instanceha.detection.cannot.judge.hosts", monitor,
                        m -> m.verdicts().values().stream().filter(v -> v == Verdict.CANNOT_JUDGE).count())
                .description("Watched hosts whose signals cannot be read (instanceha_detection_host_cannot_judge names"
                        + " them)").register(registry);
        Gauge.builder("instanceha.detection.observer.alert", monitor, m -> m.alert() == null ? 0 : 1)
                .description("1 while the host monitor will not judge or report (see its log)").register(registry);
    }
}
