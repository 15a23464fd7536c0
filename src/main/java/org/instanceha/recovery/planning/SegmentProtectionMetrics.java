package org.instanceha.recovery.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.segment.RecoveryPlans.RecoveryPlan;
import org.instanceha.segment.RecoveryPlans;
import org.instanceha.segment.Segment;
import org.instanceha.segment.SegmentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each segment's protection as gauges, labelled {@code segment} (its name) and {@code segment_uuid}:
 * {@code instanceha_segment_headroom_percent} (what the rest would have left free after taking the biggest
 * host's load, the lower of RAM and vCPU; absent while the segment has nothing to protect),
 * {@code instanceha_segment_survives_biggest_host} (1 or 0), {@code instanceha_segment_protected_instances},
 * {@code instanceha_segment_unprotected_instances} (what a recovery would leave behind) and
 * {@code instanceha_segment_hosts_not_survivable} (hosts with instances that would not fit if they failed
 * now), {@code instanceha_segment_tolerated_host_failures} (the plan's {@code tolerated_host_failures}) and
 * {@code instanceha_segment_failures_to_tolerate} (the segment's policy, for the alert that compares them). They come from the recovery plans ({@link RecoveryPlans}, the workflow's own rules), computed every
 * {@code instanceha.recovery.protection-metrics-interval} from one look at Nova for all segments, not at
 * each scrape: a scrape must not hit Nova. A segment whose plan cannot be computed (Nova unreachable) has
 * no samples until it can; the Nova errors say why.
 */
@Component
public class SegmentProtectionMetrics {

    static final int MAX_SEGMENTS = 1000;

    private static final Logger log = LoggerFactory.getLogger(SegmentProtectionMetrics.class);

    private record Gauges(MultiGauge headroom, MultiGauge survives, MultiGauge protectedInstances,
                          MultiGauge unprotected, MultiGauge notSurvivable, MultiGauge tolerated,
                          MultiGauge toTolerate) {
    }

    private final SegmentRepository segments;
    private final RecoveryPlans plans;
    private final Duration interval;
    private final Gauges gauges;
    private ScheduledExecutorService timer;
    private volatile boolean failing;

    public SegmentProtectionMetrics(SegmentRepository segments, RecoveryPlans plans, RecoveryProperties properties,
                                    MeterRegistry meters) {
        this.segments = segments;
        this.plans = plans;
        this.interval = properties.protectionMetricsInterval();
        this.gauges = new Gauges(
                gauge(meters, "instanceha.segment.headroom.percent",
                        "Free capacity left on the other hosts after taking the biggest host's load (%)"),
                gauge(meters, "instanceha.segment.survives.biggest.host",
                        "1 when every instance of the segment's biggest host would fit on the others"),
                gauge(meters, "instanceha.segment.protected.instances",
                        "Instances a recovery of their host would evacuate"),
                gauge(meters, "instanceha.segment.unprotected.instances",
                        "Instances a recovery of their host would leave where they are"),
                gauge(meters, "instanceha.segment.hosts.not.survivable",
                        "Hosts with instances that would not fit anywhere if the host failed now"),
                gauge(meters, "instanceha.segment.tolerated.host.failures",
                        "Failure domains (hosts, by default) the segment can lose at once with every instance placed"),
                gauge(meters, "instanceha.segment.failures.to.tolerate",
                        "Failure domains the segment's policy asks it to absorb at once"));
    }

    private static MultiGauge gauge(MeterRegistry meters, String name, String description) {
        return MultiGauge.builder(name).description(description).register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segment-protection-metrics");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not compute the segments' protection gauges: {}", e.toString());
        }
    }

    /** Computes every segment's plan and replaces the gauges' samples with what it shows. */
    public void refresh() {
        List<RecoveryPlan> computed = new ArrayList<>();
        RuntimeException failure = null;
        for (Segment segment : segments.all(MAX_SEGMENTS)) {
            try {
                computed.add(plans.of(segment));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null && !failing) {
            log.warn("The protection gauges of some segments are absent until their plan can be computed: {}",
                    failure.toString());
        } else if (failure == null && failing) {
            log.info("The protection gauges of every segment are computed again");
        }
        failing = failure != null;
        gauges.headroom().register(rows(computed.stream().filter(p -> p.headroom().percent() != null).toList(),
                p -> p.headroom().percent()), true);
        gauges.survives().register(rows(computed, p -> p.headroom().survivesBiggestHost() ? 1 : 0), true);
        gauges.protectedInstances().register(rows(computed,
                p -> p.hosts().stream().mapToInt(h -> h.instances().size()).sum()), true);
        gauges.unprotected().register(rows(computed,
                p -> p.hosts().stream().mapToInt(RecoveryPlans.HostPlan::unprotected).sum()), true);
        gauges.notSurvivable().register(rows(computed,
                p -> p.hosts().stream().filter(h -> !h.survivable()).count()), true);
        gauges.tolerated().register(rows(computed, p -> p.tolerance().toleratedFailures()), true);
        gauges.toTolerate().register(rows(computed, p -> p.tolerance().failuresToTolerate()), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<RecoveryPlan> plans, ToDoubleFunction<RecoveryPlan> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (RecoveryPlan plan : plans) {
            double v = value.applyAsDouble(plan);
            rows.add(MultiGauge.Row.of(Tags.of("segment", plan.segmentName(), "segment_uuid", plan.segmentUuid()), v));
        }
        return rows;
    }
}
