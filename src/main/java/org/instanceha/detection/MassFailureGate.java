package org.instanceha.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.instanceha.notification.FailureReports;
import org.instanceha.notification.FailureToApprove;
import org.instanceha.notification.MassFailureApprovals;
import org.instanceha.notification.Verdict;
import org.instanceha.segment.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands on a cycle's confirmed failures: each is reported through the intake ({@link FailureReports}), but for the
 * segments in a mass failure, whose hosts wait for a person's approval ({@link MassFailureApprovals}); once approved,
 * the approval's workflow reports them through the intake itself.
 */
@Component
public class MassFailureGate {

    private static final Logger log = LoggerFactory.getLogger(MassFailureGate.class);

    private final FailureReports reports;
    private final MassFailureApprovals approvals;
    private final MonitorLeadership leadership;
    private final DetectionProperties properties;

    public MassFailureGate(FailureReports reports, MassFailureApprovals approvals, MonitorLeadership leadership,
                           DetectionProperties properties) {
        this.reports = reports;
        this.approvals = approvals;
        this.leadership = leadership;
        this.properties = properties;
    }

    /**
     * Hands on every confirmed failure not handed on yet: reported, but for the segments in a mass failure,
     * which wait for a person's approval; returns those as an alert (or null).
     */
    public String handOn(List<Host> watched, Map<Host, Verdict> verdicts, Map<String, HostWatch> watches) {
        List<String> massFailures = new ArrayList<>();
        Map<Long, List<Host>> failingBySegment = verdicts.entrySet().stream().filter(e -> e.getValue().reported())
                .map(Map.Entry::getKey).collect(Collectors.groupingBy(h -> h.segment().id()));
        Map<Long, List<Host>> pendingBySegment = verdicts.keySet().stream()
                .filter(h -> watches.get(h.name()).pending()).collect(Collectors.groupingBy(h -> h.segment().id()));
        failingBySegment.forEach((segment, failing) -> {
            long hostsOfSegment = watched.stream().filter(h -> h.segment().id() == segment).count();
            if (DetectionRules.massFailure(failing.size(), (int) hostsOfSegment, properties.massFailureShare(),
                    properties.massFailureHosts())) {
                List<Host> pending = pendingBySegment.remove(segment);
                massFailures.add(failing.size() + " of " + hostsOfSegment + " hosts of segment "
                        + failing.get(0).segment().name() + " failed at once (" + failing.stream().map(Host::name)
                        .sorted().collect(Collectors.joining(", ")) + "): a mass failure is a person's decision; "
                        + approval(failing, pending == null ? List.of() : pending, watches));
            }
        });
        pendingBySegment.values().forEach(pending -> pending.forEach(h -> report(h, watches.get(h.name()))));
        return massFailures.isEmpty() ? null : String.join(" ", massFailures);
    }

    private void report(Host host, HostWatch watch) {
        watch.handed();
        if (properties.mode() == DetectionProperties.Mode.REPORT && leadership.holdsLeaseNow()) {
            reports.report(host, watch.verdict(), watch.firstMiss(), watch.sinceLastHeartbeat(),
                    Signals.inWords(watch.signals()));
        } else if (properties.mode() == DetectionProperties.Mode.REPORT) {
            log.warn("Host monitor: {} is {}, but this node no longer holds the lease: not reported here (the node"
                    + " that holds it judges it anew)", host.name(), watch.verdict().shown());
        } else {
            log.info("Observe only: would report {} as {} (first miss {})", host.name(), watch.verdict().shown(),
                    watch.firstMiss());
        }
    }

    /**
     * Puts the confirmed failures of a segment in a mass failure to the operators, once all its failing hosts are
     * confirmed: one approval per segment at a time; a host confirmed while one is open waits for it to be
     * decided. Returns where the approval stands, in words.
     */
    private String approval(List<Host> failing, List<Host> pending, Map<String, HostWatch> watches) {
        if (properties.mode() != DetectionProperties.Mode.REPORT) {
            return "observe only: no approval is asked for.";
        }
        String segmentUuid = failing.get(0).segment().uuid();
        Optional<Set<String>> open = approvals.openFor(segmentUuid);
        if (open.isPresent()) {
            pending.stream().filter(h -> open.get().contains(h.name())).forEach(h -> watches.get(h.name()).handed());
            return "the Tasklist task \"Approve recovery of " + open.get().size() + " hosts\" waits for an operator"
                    + (pending.stream().anyMatch(h -> !open.get().contains(h.name()))
                    ? "; hosts that failed since wait for it to be decided." : ".");
        }
        if (pending.isEmpty() || !failing.stream().allMatch(h -> watches.get(h.name()).confirmed())) {
            return "nothing is reported; the operators are asked once every failure is confirmed.";
        }
        if (!leadership.holdsLeaseNow()) {
            return "this node no longer holds the lease: the node that does asks the operators.";
        }
        List<FailureToApprove> asked = pending.stream().sorted(Comparator.comparing(Host::name))
                .map(h -> toApprove(watches.get(h.name()))).toList();
        approvals.ask(segmentUuid, failing.get(0).segment().name(), asked);
        pending.forEach(h -> watches.get(h.name()).handed());
        log.warn("Host monitor: asked the operators to approve the recovery of {} hosts of segment {}: {}",
                asked.size(), failing.get(0).segment().name(), asked.stream().map(FailureToApprove::hostname).toList());
        return "the Tasklist task \"Approve recovery of " + asked.size() + " hosts\" waits for an operator.";
    }

    /** What an operator is asked to approve for this host, when its failure is part of a mass failure. */
    static FailureToApprove toApprove(HostWatch watch) {
        return new FailureToApprove(watch.host(), watch.verdict(),
                watch.firstMiss() == null ? null : watch.firstMiss().toString(), Signals.inWords(watch.signals()));
    }
}
