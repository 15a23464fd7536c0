package org.instanceha.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.instanceha.common.ConflictException;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a confirmed verdict of the host monitor becomes: a notification through the same intake as a monitor's, so it shows in the
 * API, the dashboard and Cockpit like any other, and the intake's duplicate rule makes a second report of the
 * same failure impossible. A power loss is a {@code COMPUTE_HOST} with {@code host_status: NORMAL} (the BMC says
 * it is off); a failure not fenced is {@code UNKNOWN} (the workflow fences it); a stopped nova-compute on a
 * running host is a {@code PROCESS} notification (no evacuation). The hosts of a mass failure are reported the
 * same way once an operator approves them ({@link ApprovedFailures}).
 */
@Component
public class FailureReports implements ApprovedFailures {

    private static final Logger log = LoggerFactory.getLogger(FailureReports.class);
    private final ObjectMapper mapper;

    /** The name the host monitor's entries go under in the workflow details and the incident timeline. */
    public static final String RECORDED_AS = "Host monitor";

    private final NotificationIntake intake;
    private final RecoveryProgress progress;
    private final HostRepository hosts;
    private final Clock clock;
    private final Timer reportDelay;

    public FailureReports(NotificationIntake intake, RecoveryProgress progress, HostRepository hosts, Clock clock,
                          MeterRegistry meters, ObjectMapper mapper) {
        this.intake = intake;
        this.progress = progress;
        this.hosts = hosts;
        this.clock = clock;
        this.mapper = mapper;
        this.reportDelay = Timer.builder("instanceha.detection.report.delay")
                .description("From a host's first missed signal to its report").register(meters);
    }

    /**
     * Reports the host's confirmed verdict; a failure already reported is left to the notification that has it.
     *
     * @param firstMiss          when the host's first signal was missed, or null
     * @param sinceLastHeartbeat {@code firstMiss} is the host's last heartbeat in Nova, not a cycle that saw it
     *                           wrong
     * @param evidence           the signals in words
     */
    public void report(Host host, Verdict verdict, Instant firstMiss, boolean sinceLastHeartbeat, String evidence) {
        report(host, verdict, firstMiss, sinceLastHeartbeat, evidence, "");
    }

    @Override
    public void report(List<FailureToApprove> approved, String approvedBy, String comment) {
        String said = " Approved by " + approvedBy + (comment == null || comment.isBlank() ? "." : ": " + comment);
        for (FailureToApprove failure : approved) {
            Verdict verdict = failure.verdict();
            Host host = hosts.findByName(failure.hostname()).orElse(null);
            if (verdict == null || !verdict.reported() || host == null) {
                log.warn("Approved failure of {} not reported: {}", failure.hostname(), host == null
                        ? "the host is no longer registered" : "'" + failure.verdict() + "' is not a verdict to report");
                continue;
            }
            report(host, verdict, failure.firstMiss() == null ? null : Instant.parse(failure.firstMiss()), false,
                    failure.evidence(), said);
        }
    }

    private void report(Host host, Verdict verdict, Instant firstMiss, boolean sinceLastHeartbeat, String evidence,
                        String approval) {
        ObjectNode payload = mapper.createObjectNode().put("event", "STOPPED");
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
            Duration delay = firstMiss == null ? Duration.ZERO : Duration.between(firstMiss, clock.instant());
            reportDelay.record(delay);
            if (firstMiss != null) {
                progress.recordAt(notification.uuid(), RECORDED_AS, ProgressState.SUCCESS, 1.0,
                        "First missed signal of " + host.name() + (sinceLastHeartbeat
                                ? ": its last heartbeat in Nova, nothing since" : ""),
                        LocalDateTime.ofInstant(firstMiss, ZoneOffset.UTC));
            }
            progress.record(notification.uuid(), RECORDED_AS, ProgressState.SUCCESS, 1.0, host.name() + " "
                    + verdict.shown() + " (" + evidence + "): reported " + delay.toMillis()
                    + " ms after its first missed signal." + approval);
            log.info("Host monitor reported {} as {}: notification {} ({} ms after the first missed signal){}",
                    host.name(), verdict.shown(), notification.uuid(), delay.toMillis(), approval);
        } catch (ConflictException e) {
            log.info("Host monitor: {} is {}, and its failure is reported already: {}", host.name(), verdict.shown(),
                    e.getMessage());
        }
    }
}
