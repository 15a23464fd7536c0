package org.instanceha.dashboard;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.ProgressState;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.vmove.InstanceRestart;
import org.instanceha.vmove.VmMove;

/**
 * One incident at a glance: when the report came in, when the failed host was fenced, when its
 * instances were identified, when the first and the last evacuation started and ended, and when the
 * notification reached its final status, each operator's decision, each with the time since the report
 * and since the step before, so that an operator reads the incident's recovery time directly. Plain Java.
 */
public final class IncidentTimeline {

    /** One step: what happened, when, and how long after the report and after the step before. */
    public record Event(String what, LocalDateTime at, Duration sinceReport, Duration sincePrevious) {

        public String sinceReportText() {
            return text(sinceReport);
        }

        public String sincePreviousText() {
            return text(sincePrevious);
        }
    }

    /** Tasks of host-failure-recovery.bpmn whose first final entry is a step of the timeline. */
    static final Map<String, String> TASK_STEPS = Map.of(
            "Force down compute service", "Compute service forced down",
            "Disable compute service", "Compute service disabled",
            "Identify protected instances", "Instances identified");

    /**
     * Entries whose every final entry is a step of the timeline, in its own words: what instance-ha's host monitor
     * saw (the first missed signal, the verdict it reported), the BMC's answer ("Host compute3 fenced: its BMC ...
     * answered Off at ..."), each failed attempt, the operator's decision.
     */
    static final java.util.Set<String> OWN_WORDS_STEPS = java.util.Set.of("Fence host", "Operator's fencing decision",
            "Host monitor");

    private static final Map<NotificationStatus, String> ENDINGS = Map.of(
            NotificationStatus.FINISHED, "Finished", NotificationStatus.ERROR, "Ended in error",
            NotificationStatus.FAILED, "Failed", NotificationStatus.IGNORED, "Ignored");

    private IncidentTimeline() {
    }

    public static List<Event> of(Notification notification, List<RecoveryProgress.Entry> progress,
                                 List<VmMove> moves) {
        return of(notification, progress, moves, List.of());
    }

    /**
     * The same, with each operator's decision (who decided what for which instance), and for an instance
     * failure the start and end of each restart attempt.
     */
    public static List<Event> of(Notification notification, List<RecoveryProgress.Entry> progress,
                                 List<VmMove> moves, List<InstanceRestart> restarts) {
        List<Event> events = new ArrayList<>();
        moves.stream().filter(m -> m.decidedBy() != null && m.updatedAt() != null).forEach(m -> events.add(
                new Event(m.decidedBy() + " decided on " + nameOf(m.instanceName(), m.instanceUuid()) + ": "
                        + decision(m.decision()), m.updatedAt(), null, null)));
        for (InstanceRestart r : restarts) {
            events.add(new Event("Restart attempt " + r.attempt() + " started", r.startTime(), null, null));
            if (r.endTime() != null) {
                events.add(new Event("Restart attempt " + r.attempt() + " ended " + r.status().wireName(), r.endTime(),
                        null, null));
            }
            if (r.decidedBy() != null) {
                events.add(new Event(r.decidedBy() + " decided on " + nameOf(r.instanceName(), r.instanceUuid()) + ": "
                        + decision(r.decision()), r.updatedAt(), null, null));
            }
        }
        LocalDateTime report = notification.createdAt();
        events.add(new Event("Report received", report, Duration.ZERO, Duration.ZERO));
        progress.stream().filter(e -> OWN_WORDS_STEPS.contains(e.taskName()) && e.state() != ProgressState.RUNNING)
                .forEach(e -> events.add(new Event(e.message(), e.at(), null, null)));
        TASK_STEPS.forEach((task, what) -> progress.stream()
                .filter(e -> e.taskName().equals(task) && e.state() != ProgressState.RUNNING).findFirst()
                .ifPresent(e -> events.add(new Event(what, e.at(), null, null))));
        List<LocalDateTime> starts = moves.stream().map(VmMove::startTime).filter(Objects::nonNull).sorted().toList();
        List<LocalDateTime> ends = moves.stream().map(VmMove::endTime).filter(Objects::nonNull).sorted().toList();
        if (!starts.isEmpty()) {
            events.add(new Event(starts.size() == 1 ? "Evacuation started" : "First evacuation started",
                    starts.get(0), null, null));
        }
        if (starts.size() > 1) {
            events.add(new Event("Last evacuation started", starts.get(starts.size() - 1), null, null));
        }
        if (!ends.isEmpty()) {
            events.add(new Event(ends.size() == 1 ? "Evacuation ended" : "First evacuation ended", ends.get(0), null,
                    null));
        }
        if (ends.size() > 1) {
            events.add(new Event("Last evacuation ended", ends.get(ends.size() - 1), null, null));
        }
        Optional.ofNullable(ENDINGS.get(notification.status())).filter(x -> notification.updatedAt() != null)
                .ifPresent(what -> events.add(new Event(what, notification.updatedAt(), null, null)));
        events.sort(Comparator.comparing(Event::at));
        List<Event> timed = new ArrayList<>();
        LocalDateTime previous = report;
        for (Event e : events) {
            timed.add(new Event(e.what(), e.at(), Duration.between(report, e.at()), Duration.between(previous, e.at())));
            previous = e.at();
        }
        return List.copyOf(timed);
    }

    private static String nameOf(String name, String uuid) {
        return name != null ? name : uuid;
    }

    /** The operator's choice in words. */
    static String decision(String wireName) {
        return wireName == null ? "decided" : switch (wireName) {
            case "retry_on_host" -> "retry on a chosen host";
            case "retry_scheduler" -> "retry, Nova's scheduler chooses";
            case "retry" -> "restart again";
            case "recovered_by_hand" -> "recovered by hand";
            case "give_up" -> "give up";
            default -> wireName;
        };
    }

    /** "+1.4 s", "+2 min 05 s". */
    static String text(Duration d) {
        if (d == null) {
            return "";
        }
        long millis = Math.abs(d.toMillis());
        String sign = d.isNegative() ? "-" : "+";
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%s%.1f s", sign, millis / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%s%d min %02d s", sign, millis / 60_000, (millis / 1000) % 60);
    }
}
