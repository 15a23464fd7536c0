package org.instanceha.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.segment.SegmentRepository;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveCounts;
import org.springframework.stereotype.Component;

/**
 * The recoveries' figures for Prometheus, every name prefixed {@code instanceha_}: how long a
 * recovery took from the report to its final status and to its first evacuation (by notification
 * type and recovery method), how long each evacuation took, how VM moves ended, and, read from the
 * engine at each scrape, the job executor's backlog, its failed jobs, open incidents, open operator tasks
 * and how long the oldest has waited, and how long the oldest recovery still under way has run.
 */
@Component
public class RecoveryMetrics implements MeterBinder {

    private final MeterRegistry meters;
    private final SegmentRepository segments;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final NotificationRepository notifications;
    private final Clock clock;

    public RecoveryMetrics(MeterRegistry meters, SegmentRepository segments, ManagementService management,
                           RuntimeService runtime, TaskService tasks, NotificationRepository notifications,
                           Clock clock) {
        this.meters = meters;
        this.segments = segments;
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("instanceha.jobs.backlog", management, m -> m.createJobQuery().executable().count())
                .description("Jobs due and waiting for the job executor").register(registry);
        Gauge.builder("instanceha.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs that ran out of retries (each is an incident in Cockpit)").register(registry);
        Gauge.builder("instanceha.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents of the recovery workflows").register(registry);
        Gauge.builder("instanceha.operator.tasks.open", tasks, t -> t.createTaskQuery().active().count())
                .description("Open user tasks for operators").register(registry);
        Gauge.builder("instanceha.operator.tasks.oldest.age", this, RecoveryMetrics::oldestTaskAge)
                .baseUnit("seconds").description("How long the oldest open operator task has waited (0: none open)")
                .register(registry);
        Gauge.builder("instanceha.recovery.oldest.running.age", this, RecoveryMetrics::oldestRecoveryAge)
                .baseUnit("seconds")
                .description("How long the oldest notification still new or running has been (0: none)")
                .register(registry);
    }

    private double oldestTaskAge() {
        return tasks.createTaskQuery().active().orderByTaskCreateTime().asc().listPage(0, 1).stream().findFirst()
                .map(t -> seconds(Duration.between(t.getCreateTime().toInstant(), clock.instant()))).orElse(0.0);
    }

    private double oldestRecoveryAge() {
        return notifications.oldestUnfinished().map(created -> seconds(Duration.between(created,
                LocalDateTime.now(clock)))).orElse(0.0);
    }

    private static double seconds(Duration age) {
        return Math.max(0, age.toMillis() / 1000.0);
    }

    /** A notification ended: its recovery's duration, from the report to now. */
    void recoveryEnded(Notification notification, NotificationStatus status, LocalDateTime now) {
        Timer.builder("instanceha.recovery.duration").description("From the report to the final status")
                .tags("type", notification.type().name(), "recovery_method", method(notification),
                        "status", status.wireName())
                .publishPercentileHistogram().register(meters)
                .record(Duration.between(notification.createdAt(), now));
    }

    /** A recovery concluded: how its moves ended, and how long it took until the first evacuation started. */
    public void recoveryConcluded(Notification notification, VmMoveCounts counts, List<VmMove> moves) {
        counts.byStatus().forEach((status, count) -> Counter.builder("instanceha.vmoves")
                .description("VM moves by how they ended").tag("status", status.wireName()).register(meters)
                .increment(count));
        moves.stream().map(VmMove::startTime).filter(Objects::nonNull).min(LocalDateTime::compareTo)
                .ifPresent(first -> Timer.builder("instanceha.recovery.first.evacuation")
                        .description("From the report to the start of the first evacuation")
                        .tags("type", notification.type().name(), "recovery_method", method(notification))
                        .publishPercentileHistogram().register(meters)
                        .record(Duration.between(notification.createdAt(), first)));
    }

    /** One instance arrived on its new host: its evacuation's duration. */
    public void evacuationSucceeded(VmMove move, LocalDateTime now) {
        if (move.startTime() != null) {
            Timer.builder("instanceha.evacuation.duration")
                    .description("From the start of an evacuation (Nova is asked at once) to the instance settled")
                    .publishPercentileHistogram().register(meters).record(Duration.between(move.startTime(), now));
        }
    }

    private String method(Notification notification) {
        return notification.segmentUuid() == null ? "none" : segments.findByUuid(notification.segmentUuid())
                .map(s -> s.recoveryMethod().wireName()).orElse("none");
    }
}
