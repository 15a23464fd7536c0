package org.instanceha.detection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.instanceha.common.UtcTime;
import org.instanceha.notification.HostReturn;
import org.instanceha.notification.HostReturns;
import org.instanceha.notification.ReturnProperties;
import org.instanceha.notification.ReturnStarter;
import org.instanceha.nova.NovaServiceList;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.instanceha.segment.ReturnToService;
import org.instanceha.segment.SegmentPolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The host monitor's watch over hosts a recovery took out of service, once that recovery has ended: each cycle it
 * reads their signals ({@link HostSignals}), and a host healthy again ({@link DetectionRules#healthyAgain}) for
 * {@code instanceha.returning.healthy-cycles} cycles in a row gets "Return host to service". A host whose segment's
 * policy says {@code never} is not read at all; its return says why it stays out. Only in {@code report} mode; a node that does not judge forgets its counts.
 */
@Component
public class ReturnWatch {

    private static final Logger log = LoggerFactory.getLogger(ReturnWatch.class);

    private final HostReturns returns;
    private final HostRepository hosts;
    private final HostSignals signals;
    private final SegmentPolicies policies;
    private final ReturnStarter starter;
    private final DetectionProperties detection;
    private final ReturnProperties properties;
    private final Clock clock;
    private final Map<Long, Integer> healthyCycles = new ConcurrentHashMap<>();

    public ReturnWatch(HostReturns returns, HostRepository hosts, HostSignals signals, SegmentPolicies policies,
                       ReturnStarter starter, DetectionProperties detection, ReturnProperties properties,
                       Clock clock) {
        this.returns = returns;
        this.hosts = hosts;
        this.signals = signals;
        this.policies = policies;
        this.starter = starter;
        this.detection = detection;
        this.properties = properties;
        this.clock = clock;
    }

    /** One cycle, with the services list the monitor's cycle read. */
    public void cycle(NovaServiceList services) {
        returns.settleTakenBackByHand(UtcTime.now(clock));
        List<HostReturn> waiting = returns.waiting();
        healthyCycles.keySet().retainAll(waiting.stream().map(HostReturn::id).collect(Collectors.toSet()));
        Map<String, Host> byName = new java.util.HashMap<>();
        List<Host> out = new ArrayList<>();
        for (HostReturn r : waiting) {
            Host h = hosts.findByUuid(r.hostUuid()).orElse(null);
            if (h == null) {
                continue;
            }
            if (policies.of(h.segment().id()).returnToService() == ReturnToService.NEVER) {
                // Nothing to wait for: its BMC is not read every cycle for a return that will not come.
                returns.note(r.id(), "Stays out of service: the policy of segment " + h.segment().name()
                        + " says return_to_service never. Clear on_maintenance, forced_down and the disabled "
                        + "nova-compute by hand to take it back.", UtcTime.now(clock));
                continue;
            }
            byName.put(h.name(), h);
            out.add(h);
        }
        if (out.isEmpty()) {
            return;
        }
        HostSignals.Reading reading = signals.read(out, services, Set.copyOf(byName.keySet()));
        for (HostReturn r : waiting) {
            Host host = byName.get(r.hostName());
            Signals s = host == null ? null : reading.signals().get(host);
            if (s == null) {
                healthyCycles.remove(r.id());
                continue;
            }
            look(r, host, s);
        }
    }

    /** Forgets the counts (this node stopped judging). */
    public void forget() {
        healthyCycles.clear();
    }

    private void look(HostReturn r, Host host, Signals s) {
        if (!DetectionRules.healthyAgain(s, detection.reportInterval())) {
            if (healthyCycles.remove(r.id()) != null) {
                log.info("{} no longer looks healthy ({}): counting again", host.name(), Signals.inWords(s));
            }
            return;
        }
        int cycles = healthyCycles.merge(r.id(), 1, Integer::sum);
        if (cycles == 1) {
            returns.seenBack(r.id(), UtcTime.now(clock));
            log.info("{} looks healthy again after its recovery ({})", host.name(), Signals.inWords(s));
        }
        if (cycles < properties.healthyCycles()) {
            return;
        }
        if (detection.mode() != DetectionProperties.Mode.REPORT) {
            returns.note(r.id(), "Healthy again; the host monitor only observes (instanceha.detection.mode "
                    + detection.mode().name().toLowerCase(java.util.Locale.ROOT) + "): not returning it.",
                    UtcTime.now(clock));
            return;
        }
        String said = starter.start(r);
        log.info("{}: {}", host.name(), said);
        healthyCycles.remove(r.id());
    }
}
