package org.instanceha.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.instanceha.common.ConflictException;
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationDraft;
import org.instanceha.notification.NotificationIntake;
import org.instanceha.notification.NotificationType;
import org.instanceha.segment.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a confirmed verdict becomes: a notification through the same intake as a monitor's, so it shows in the
 * API, the dashboard and Cockpit like any other, and the intake's duplicate rule makes a second report of the
 * same failure impossible. A power loss is a {@code COMPUTE_HOST} with {@code host_status: NORMAL} (the BMC says
 * it is off); a failure not fenced is {@code UNKNOWN} (the workflow fences it); a stopped nova-compute on a
 * running host is a {@code PROCESS} notification (no evacuation).
 */
@Component
public class FailureReports {

    private static final Logger log = LoggerFactory.getLogger(FailureReports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The name the host monitor's entries go under in the workflow details and the incident timeline. */
    public static final String RECORDED_AS = "Host monitor";

    private final NotificationIntake intake;
    private final org.instanceha.notification.RecoveryProgress progress;
    private final Clock clock;
    private final io.micrometer.core.instrument.Timer reportDelay;

    public FailureReports(NotificationIntake intake, org.instanceha.notification.RecoveryProgress progress, Clock clock,
                          io.micrometer.core.instrument.MeterRegistry meters) {
        this.intake = intake;
        this.progress = progress;
        this.clock = clock;
        this.reportDelay = io.micrometer.core.instrument.Timer.builder("instanceha.detection.report.delay")
                .description("From a host's first missed signal to its report").register(meters);
    }

    /** Reports the host's confirmed verdict; a failure already reported is left to the notification that has it. */
    public void report(Host host, HostWatch watch) {
        Verdict verdict = watch.verdict();
        Instant firstMiss = watch.firstMiss();
        ObjectNode payload = JSON.createObjectNode().put("event", "STOPPED");
        NotificationType type = NotificationType.COMPUTE_HOST;
        switch (verdict) {
            case FENCED -> payload.put("host_status", "NORMAL").put("cluster_status", "OFFLINE");
            case FAILED -> payload.put("host_status", "UNKNOWN").put("cluster_status", "OFFLINE");
            case PROCESS_DOWN -> {
                type = NotificationType.PROCESS;
                payload.put("process_name", "nova-compute");
            }
            default -> throw new IllegalArgumentException("a " + verdict.shown() + " host is not reported");
        }
        try {
            Notification notification = intake.accept(new NotificationDraft(type, host.name(),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), payload));
            java.time.Duration delay = firstMiss == null ? java.time.Duration.ZERO
                    : java.time.Duration.between(firstMiss, clock.instant());
            reportDelay.record(delay);
            if (firstMiss != null) {
                progress.recordAt(notification.uuid(), RECORDED_AS, org.instanceha.notification.ProgressState.SUCCESS,
                        1.0, "First missed signal of " + host.name(), LocalDateTime.ofInstant(firstMiss, ZoneOffset.UTC));
            }
            progress.record(notification.uuid(), RECORDED_AS, org.instanceha.notification.ProgressState.SUCCESS, 1.0,
                    host.name() + " " + verdict.shown() + " (" + evidence(watch.signals()) + "): reported " + delay.toMillis()
                    + " ms after its first missed signal.");
            log.info("Host monitor reported {} as {}: notification {} ({} ms after the first missed signal)",
                    host.name(), verdict.shown(), notification.uuid(), delay.toMillis());
        } catch (ConflictException e) {
            log.info("Host monitor: {} is {}, and its failure is reported already: {}", host.name(), verdict.shown(),
                    e.getMessage());
        }
    }

    /** The signals in words: "heartbeat 17.0 s old by Nova's clock, management address silent, BMC on". */
    static String evidence(Signals s) {
        if (s == null) {
            return "no signals";
        }
        return (s.heartbeatAge() == null ? "no heartbeat in Nova" : String.format(java.util.Locale.ROOT,
                "heartbeat %.1f s old by Nova's clock", s.heartbeatAge().toMillis() / 1000.0))
                + ", management address " + s.management().name().toLowerCase(java.util.Locale.ROOT)
                + ", BMC " + s.bmc().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
