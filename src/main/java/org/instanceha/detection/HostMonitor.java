package org.instanceha.detection;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.instanceha.notification.Verdict;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.NovaServiceList;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * instance-ha's own host monitor, the loop: on the node that holds the lease ({@link MonitorLeadership}), each
 * cycle reads every watched host's signals ({@link HostSignals}), judges them ({@link DetectionRules}), checks
 * itself first ({@link CycleCheck}), confirms each failure over several cycles ({@link HostWatch}) and hands what
 * is confirmed to the {@link MassFailureGate}, which reports it or, for a mass failure of a segment, asks a
 * person; then it looks at the hosts a recovery took out of service ({@link ReturnWatch}). It keeps what it knows of each host for the Hosts page and the metrics, and raises an alert for a
 * cycle it would not judge.
 */
@Component
public class HostMonitor {

    private static final Logger log = LoggerFactory.getLogger(HostMonitor.class);

    private final MonitorLeadership leadership;
    private final HostRepository hosts;
    private final HostSignals signals;
    private final MassFailureGate gate;
    private final ReturnWatch returns;
    private final DetectionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, HostWatch> watches = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile String alert;

    public HostMonitor(MonitorLeadership leadership, HostRepository hosts, HostSignals signals, MassFailureGate gate,
                       ReturnWatch returns, DetectionProperties properties, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.leadership = leadership;
        this.hosts = hosts;
        this.signals = signals;
        this.gate = gate;
        this.returns = returns;
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
        return watches.values().stream().sorted(Comparator.comparing(HostWatch::host)).toList();
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

    /**
     * One cycle; nothing on a node that does not hold the lease, or with the monitor off. A node that lost the
     * lease forgets what it saw: its verdicts are no longer shown or counted, and, should it lead again, it judges
     * every host anew.
     */
    public synchronized void cycle() {
        if (properties.mode() == DetectionProperties.Mode.OFF || !leadership.leading()) {
            watches.clear();
            returns.forget();
            alert = null;
            return;
        }
        List<Host> watched = hosts.watched();
        NovaServiceList services;
        try {
            services = signals.services();
        } catch (ComputeException e) {
            raise(CycleCheck.problem(null, clock.instant(), properties.maxClockSkew(), List.of()).orElseThrow()
                    + " (" + e.getMessage() + ")");
            return;
        }
        watches.keySet().retainAll(watched.stream().map(Host::name).toList());
        watched.forEach(this::watchOf);
        HostSignals.Reading reading = signals.read(watched, services, signals.bmcChecksDue(watched, watches));
        Map<Host, Signals> read = reading.signals();
        Map<Host, Verdict> verdicts = new HashMap<>();
        read.forEach((host, s) -> verdicts.put(host, DetectionRules.judge(s, properties.staleAfter(),
                properties.reportInterval())));
        Optional<String> problem = CycleCheck.problem(services.novaDate(), clock.instant(), properties.maxClockSkew(),
                verdicts.values());
        if (problem.isPresent()) {
            raise(problem.get());
            return;
        }
        Instant now = clock.instant();
        verdicts.forEach((host, verdict) -> {
            HostWatch watch = watches.get(host.name());
            watch.saw(read.get(host), now);
            watch.observe(verdict, now, properties.confirmCycles());
        });
        reading.cannotJudge().forEach((host, reason) -> {
            watches.get(host.name()).cannotJudge(reason, now, properties.confirmCycles());
            verdicts.put(host, Verdict.CANNOT_JUDGE);
        });
        String massFailures = gate.handOn(watched, verdicts, watches);
        if (massFailures == null) {
            alert = null;
        } else {
            raise(massFailures);
        }
        try {
            returns.cycle(services);
        } catch (RuntimeException e) {
            log.warn("Host monitor: could not look at the hosts out of service after a recovery: {}", e.toString());
        }
    }

    private void raise(String problem) {
        if (!problem.equals(alert)) {
            log.warn("Host monitor: {}", problem);
        }
        alert = problem;
    }

    /** The host's watch: a new one for a host not watched yet, registered again, or given other control attributes. */
    private HostWatch watchOf(Host host) {
        if (gauged.add(host.name())) {
            Gauge.builder("instanceha.detection.host.cannot.judge", watches, w -> w.get(host.name()) != null
                            && w.get(host.name()).verdict() == Verdict.CANNOT_JUDGE ? 1 : 0)
                    .description("1 while the host monitor cannot read this host's signals (the Hosts page says why)")
                    .tag("host", host.name()).register(meters);
        }
        String registration = host.uuid() + " " + Objects.hashCode(host.controlAttributes());
        return watches.compute(host.name(), (name, watch) -> watch != null && watch.registration().equals(registration)
                ? watch : new HostWatch(name, registration));
    }
}
