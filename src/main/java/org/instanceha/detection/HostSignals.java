package org.instanceha.detection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.instanceha.fencing.Bmc;
import org.instanceha.fencing.Fencing;
import org.instanceha.fencing.FencingException;
import org.instanceha.fencing.PowerState;
import org.instanceha.notification.Verdict;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.nova.NovaServiceList;
import org.instanceha.segment.BmcCredentials;
import org.instanceha.segment.Host;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the signals of one cycle: one services list from Nova for all hosts (with Nova's clock), a TCP connect to
 * each management address, and the BMC of every host that looks anything but well or whose periodic BMC read is
 * due.
 */
@Component
public class HostSignals {

    private static final Logger log = LoggerFactory.getLogger(HostSignals.class);

    private final Compute compute;
    private final BmcCredentials credentials;
    private final Fencing fencing;
    private final DetectionProperties properties;
    private final Clock clock;

    public HostSignals(Compute compute, BmcCredentials credentials, Fencing fencing, DetectionProperties properties,
                       Clock clock) {
        this.compute = compute;
        this.credentials = credentials;
        this.fencing = fencing;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Nova's nova-compute services, by its own clock.
     *
     * @throws org.instanceha.nova.ComputeException when Nova cannot be asked
     */
    public NovaServiceList services() {
        return compute.computeServicesNow();
    }

    /**
     * What one cycle read: each host's signals, or why they could not be read (never the reason to stop reading
     * the others').
     */
    public record Reading(Map<Host, Signals> signals, Map<Host, String> cannotJudge) {
    }

    /** The signals of each watched host, from this services list; the BMCs of {@code bmcDue} are read whatever else. */
    public Reading read(List<Host> watched, NovaServiceList services, Set<String> bmcDue) {
        Map<String, ComputeServiceInfo> byHost = services.services().stream()
                .collect(Collectors.toMap(ComputeServiceInfo::host, s -> s, (a, b) -> a));
        Map<Host, Signals> signals = new HashMap<>();
        Map<Host, String> cannotJudge = new HashMap<>();
        for (Host host : watched) {
            try {
                signals.put(host, signalsOf(host, byHost.get(host.name()), services.novaDate(),
                        bmcDue.contains(host.name())));
            } catch (RuntimeException e) {
                String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                log.warn("Host monitor cannot judge {}: {}", host.name(), reason);
                cannotJudge.put(host, reason);
            }
        }
        return new Reading(signals, cannotJudge);
    }

    /**
     * The hosts whose BMC is read in this cycle even if they look well: every host whose BMC disagreed with it,
     * or that could not be judged, in the last cycle (the next read decides anew); and those never read, or not
     * for the check interval, the longest unread first, at most the configured number per cycle.
     */
    public Set<String> bmcChecksDue(List<Host> watched, Map<String, HostWatch> watches) {
        Instant due = clock.instant().minus(properties.bmcCheckInterval());
        Set<String> dueNow = watched.stream().filter(Host::fenceable)
                .map(h -> watches.get(h.name()))
                .filter(w -> w.bmcReadAt() == null || w.bmcReadAt().isBefore(due))
                .sorted(Comparator.comparing(HostWatch::bmcReadAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(properties.bmcChecksPerCycle()).map(HostWatch::host)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        watched.stream().map(h -> watches.get(h.name()))
                .filter(w -> w.verdict() == Verdict.BMC_DISAGREES || w.verdict() == Verdict.CANNOT_JUDGE)
                .forEach(w -> dueNow.add(w.host()));
        return dueNow;
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

    /** Its power state; a BMC whose settings cannot be used leaves the host unjudged (the exception says why). */
    private Signals.Power read(Bmc bmc) {
        try {
            return fencing.powerState(bmc) == PowerState.OFF ? Signals.Power.OFF : Signals.Power.ON;
        } catch (FencingException e) {
            if (e.failure() == FencingException.Failure.UNUSABLE) {
                throw e;
            }
            return Signals.Power.NO_ANSWER;
        }
    }

    private Signals.Management probe(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host;
        int port;
        try {
            host = hostPort.substring(0, colon).replaceAll("^\\[|]$", "");
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("its management_address " + hostPort + " is not host:port", e);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) properties.managementTimeout().toMillis());
            return Signals.Management.ANSWERS;
        } catch (IOException e) {
            return Signals.Management.SILENT;
        }
    }
}
