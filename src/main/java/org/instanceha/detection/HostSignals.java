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
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.nova.NovaServiceList;
import org.instanceha.segment.BmcCredentials;
import org.instanceha.segment.Host;
import org.springframework.stereotype.Component;

/**
 * Reads the signals of one cycle: one services list from Nova for all hosts (with Nova's clock), a TCP connect to
 * each management address, and the BMC of every host that looks anything but well or whose periodic BMC read is
 * due.
 */
@Component
public class HostSignals {

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

    /** The signals of each watched host, from this services list; the BMCs of {@code bmcDue} are read whatever else. */
    public Map<Host, Signals> read(List<Host> watched, NovaServiceList services, Set<String> bmcDue) {
        Map<String, ComputeServiceInfo> byHost = services.services().stream()
                .collect(Collectors.toMap(ComputeServiceInfo::host, s -> s, (a, b) -> a));
        Map<Host, Signals> signals = new HashMap<>();
        for (Host host : watched) {
            signals.put(host, signalsOf(host, byHost.get(host.name()), services.novaDate(),
                    bmcDue.contains(host.name())));
        }
        return signals;
    }

    /**
     * The hosts whose BMC is read in this cycle even if they look well: never read, or not for the check
     * interval; the longest unread first, at most the configured number per cycle.
     */
    public Set<String> bmcChecksDue(List<Host> watched, Map<String, HostWatch> watches) {
        Instant due = clock.instant().minus(properties.bmcCheckInterval());
        return watched.stream().filter(Host::fenceable)
                .map(h -> watches.get(h.name()))
                .filter(w -> w.bmcReadAt() == null || w.bmcReadAt().isBefore(due))
                .sorted(Comparator.comparing(HostWatch::bmcReadAt, Comparator.nullsFirst(Comparator.naturalOrder())))
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
