package org.instanceha.detection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.instanceha.fencing.Bmc;
import org.instanceha.fencing.Fencing;
import org.instanceha.fencing.FencingException;
import org.instanceha.fencing.PowerState;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.nova.NovaServiceList;
import org.instanceha.notification.FailureToApprove;
import org.instanceha.notification.MassFailureApprovals;
import org.instanceha.segment.BmcCredentials;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * instance-ha's own host monitor: on the node that holds the lease ({@link MonitorLeadership}), each cycle reads
 * every watched host's signals (one services list from Nova for all, a TCP connect to each management address,
 * the BMC of every host that looks anything but well), judges them ({@link DetectionRules}), checks itself first
 * ({@link CycleCheck}), confirms each failure over several cycles ({@link HostWatch}) and hands what is confirmed
 * to {@link FailureReports}. A mass failure of a segment is reported by no one: its hosts wait for a person's
 * approval ({@link MassFailureApprovals}), and the monitor raises an alert.
 */
@Component
public class HostMonitor {

    private static final Logger log = LoggerFactory.getLogger(HostMonitor.class);

    private final MonitorLeadership leadership;
    private final HostRepository hosts;
    private final Compute compute;
    private final BmcCredentials credentials;
    private final Fencing fencing;
    private final FailureReports reports;
    private final MassFailureApprovals approvals;
    private final DetectionProperties properties;
    private final Clock clock;
    private final Map<String, HostWatch> watches = new ConcurrentHashMap<>();
    private volatile String alert;

    public HostMonitor(MonitorLeadership leadership, HostRepository hosts, Compute compute, BmcCredentials credentials,
                       Fencing fencing, FailureReports reports, MassFailureApprovals approvals,
                       DetectionProperties properties, Clock clock) {
        this.leadership = leadership;
        this.hosts = hosts;
        this.compute = compute;
        this.credentials = credentials;
        this.fencing = fencing;
        this.reports = reports;
        this.approvals = approvals;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the last cycle would not judge, and why; null when it judged. */
    public String alert() {
        return alert;
    }

    /** How many watched hosts are down with nothing that can power them off. */
    public long downAndUnfenceable() {
        return watches.values().stream().filter(HostWatch::downAndUnfenceable).count();
    }

    /** How many watched hosts have a BMC that did not answer when last read. */
    public long bmcSilent() {
        return watches.values().stream().filter(w -> w.lastBmc() == Signals.Power.NO_ANSWER).count();
    }

    /** What the monitor knows of each watched host, by name (empty on a node that does not judge). */
    public List<HostWatch> watches() {
        return watches.values().stream().sorted(java.util.Comparator.comparing(HostWatch::host)).toList();
    }

    /** Whether this node judges the hosts now. */
    public boolean judging() {
        return leadership.leading();
    }

    public DetectionProperties.Mode mode() {
        return properties.mode();
    }

    /** The current verdict of each watched host. */
    public Map<String, Verdict> verdicts() {
        return watches.values().stream().collect(Collectors.toMap(HostWatch::host, HostWatch::verdict));
    }

    /** One cycle; nothing on a node that does not hold the lease, or with the monitor off. */
    public synchronized void cycle() {
        if (properties.mode() == DetectionProperties.Mode.OFF || !leadership.leading()) {
            return;
        }
        List<Host> watched = hosts.watched();
        NovaServiceList services;
        try {
            services = compute.computeServicesNow();
        } catch (ComputeException e) {
            raise(CycleCheck.problem(null, clock.instant(), properties.maxClockSkew(), List.of()).orElseThrow()
                    + " (" + e.getMessage() + ")");
            return;
        }
        Map<String, ComputeServiceInfo> byHost = services.services().stream()
                .collect(Collectors.toMap(ComputeServiceInfo::host, s -> s, (a, b) -> a));
        Map<Host, Signals> signals = new HashMap<>();
        Instant novaNow = services.novaDate();
        watches.keySet().retainAll(watched.stream().map(Host::name).toList());
        watched.forEach(this::watchOf);
        java.util.Set<String> bmcDue = bmcChecksDue(watched);
        for (Host host : watched) {
            signals.put(host, signalsOf(host, byHost.get(host.name()), novaNow, bmcDue.contains(host.name())));
        }
        Map<Host, Verdict> verdicts = new HashMap<>();
        signals.forEach((host, s) -> verdicts.put(host, DetectionRules.judge(s, properties.staleAfter())));
        Optional<String> problem = CycleCheck.problem(novaNow, clock.instant(), properties.maxClockSkew(),
                verdicts.values());
        if (problem.isPresent()) {
            raise(problem.get());
            return;
        }
        Instant now = clock.instant();
        verdicts.forEach((host, verdict) -> {
            HostWatch watch = watches.get(host.name());
            watch.saw(signals.get(host), now);
            watch.observe(verdict, now, properties.confirmCycles());
        });
        String massFailures = handOn(watched, verdicts);
        if (massFailures == null) {
            alert = null;
        } else {
            raise(massFailures);
        }
    }

    /**
     * Hands on every confirmed failure not handed on yet: reported, but for the segments in a mass failure,
     * which wait for a person's approval; returns those as an alert (or null).
     */
    private String handOn(List<Host> watched, Map<Host, Verdict> verdicts) {
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
                        + approval(failing, pending == null ? List.of() : pending));
            }
        });
        pendingBySegment.values().forEach(pending -> pending.forEach(this::report));
        return massFailures.isEmpty() ? null : String.join(" ", massFailures);
    }

    private void report(Host host) {
        HostWatch watch = watches.get(host.name());
        watch.handed();
        if (properties.mode() == DetectionProperties.Mode.REPORT && leadership.leading()) {
            reports.report(host, watch);
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
    private String approval(List<Host> failing, List<Host> pending) {
        if (properties.mode() != DetectionProperties.Mode.REPORT) {
            return "observe only: no approval is asked for.";
        }
        String segmentUuid = failing.get(0).segment().uuid();
        Optional<java.util.Set<String>> open = approvals.openFor(segmentUuid);
        if (open.isPresent()) {
            pending.stream().filter(h -> open.get().contains(h.name())).forEach(h -> watches.get(h.name()).handed());
            return "the Tasklist task \"Approve recovery of " + open.get().size() + " hosts\" waits for an operator"
                    + (pending.stream().anyMatch(h -> !open.get().contains(h.name()))
                    ? "; hosts that failed since wait for it to be decided." : ".");
        }
        if (pending.isEmpty() || !failing.stream().allMatch(h -> watches.get(h.name()).confirmed())) {
            return "nothing is reported; the operators are asked once every failure is confirmed.";
        }
        List<FailureToApprove> asked = pending.stream().sorted(java.util.Comparator.comparing(Host::name))
                .map(h -> FailureReports.toApprove(watches.get(h.name()))).toList();
        approvals.ask(segmentUuid, failing.get(0).segment().name(), asked);
        pending.forEach(h -> watches.get(h.name()).handed());
        log.warn("Host monitor: asked the operators to approve the recovery of {} hosts of segment {}: {}",
                asked.size(), failing.get(0).segment().name(), asked.stream().map(FailureToApprove::hostname).toList());
        return "the Tasklist task \"Approve recovery of " + asked.size() + " hosts\" waits for an operator.";
    }

    private void raise(String problem) {
        if (!problem.equals(alert)) {
            log.warn("Host monitor: {}", problem);
        }
        alert = problem;
    }

    /** The host's watch: a new one for a host not watched yet, registered again, or given other control attributes. */
    private HostWatch watchOf(Host host) {
        String registration = host.uuid() + " " + java.util.Objects.hashCode(host.controlAttributes());
        return watches.compute(host.name(), (name, watch) -> watch != null && watch.registration().equals(registration)
                ? watch : new HostWatch(name, registration));
    }

    /**
     * The hosts whose BMC is read in this cycle even if they look well: never read, or not for the check
     * interval; the longest unread first, at most the configured number per cycle.
     */
    private java.util.Set<String> bmcChecksDue(List<Host> watched) {
        Instant due = clock.instant().minus(properties.bmcCheckInterval());
        return watched.stream().filter(Host::fenceable)
                .map(h -> watches.get(h.name()))
                .filter(w -> w.bmcReadAt() == null || w.bmcReadAt().isBefore(due))
                .sorted(java.util.Comparator.comparing(HostWatch::bmcReadAt,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .limit(properties.bmcChecksPerCycle()).map(HostWatch::host)
                .collect(Collectors.toSet());
    }

    private Signals signalsOf(Host host, ComputeServiceInfo service, Instant novaNow, boolean bmcDue) {
        Duration age = service == null || service.updatedAt() == null || novaNow == null ? null
                : Duration.between(LocalDateTime.parse(service.updatedAt()).toInstant(ZoneOffset.UTC), novaNow);
        Optional<Bmc> bmc = credentials.of(host);
        Signals.Management management = bmc.map(Bmc::managementAddress).map(this::probe)
                .orElse(Signals.Management.NONE);
        Signals withoutBmc = new Signals(age, service != null && service.up(), service != null && service.forcedDown(),
                management, Signals.Power.NOT_READ);
        if (!bmcDue && !DetectionRules.readBmcNow(withoutBmc, properties.staleAfter())) {
            return withoutBmc;
        }
        Signals.Power power = bmc.map(this::read).orElse(Signals.Power.NO_BMC);
        return new Signals(age, withoutBmc.novaSaysUp(), withoutBmc.forcedDown(), management, power);
    }

    private Signals.Power read(Bmc bmc) {
        try {
            return fencing.powerState(bmc) == PowerState.OFF ? Signals.Power.OFF : Signals.Power.ON;
        } catch (FencingException e) {
            return Signals.Power.NO_ANSWER;
        }
    }

    private Signals.Management probe(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replaceAll("^\\[|]$", "");
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) properties.managementTimeout().toMillis());
            return Signals.Management.ANSWERS;
        } catch (IOException e) {
            return Signals.Management.SILENT;
        }
    }
}
