package org.instanceha.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.Server;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first recovery after a start is what a real failure meets. On a fresh JVM its first Nova calls ran cold
 * code: on the test bed, the first listing of a host's servers took 1.7 s where later ones take 0.1 s, all of it
 * on the way to the first evacuation. So at start, in the background, the node makes the reads a recovery makes
 * (the compute services, a host's servers, one server, the hypervisors), read-only, and logs what they took: of a
 * registered host, else of the first host Nova lists.
 * A Nova that does not answer then is no reason not to start: it is logged, and a recovery pays the cost.
 */
@Component
public class RecoveryPathWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RecoveryPathWarmUp.class);

    private final Compute compute;
    private final HostRepository hosts;
    private final RecoveryProperties properties;

    public RecoveryPathWarmUp(Compute compute, HostRepository hosts, RecoveryProperties properties) {
        this.compute = compute;
        this.hosts = hosts;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        if (properties.warmUp()) {
            Thread thread = new Thread(this::run, "recovery-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The reads of a recovery, once; what each took, in words (also logged). */
    public String run() {
        List<String> took = new ArrayList<>();
        try {
            List<org.instanceha.nova.ComputeServiceInfo> services = timed(took, "compute services",
                    compute::computeServices);
            Optional<String> host = hosts.registeredNames().stream().sorted().findFirst()
                    .or(() -> services.stream().map(org.instanceha.nova.ComputeServiceInfo::host).sorted().findFirst());
            if (host.isPresent()) {
                List<Server> servers = timed(took, "servers of " + host.get(), () -> compute.serversOnHost(host.get()));
                took.set(took.size() - 1, took.get(took.size() - 1) + " (" + servers.size() + ")");
                if (!servers.isEmpty()) {
                    timed(took, "one server", () -> compute.server(servers.get(0).id()));
                }
            }
            timed(took, "hypervisors", compute::hypervisors);
            String said = "Warmed the recovery path with Nova's reads: " + String.join(", ", took) + ".";
            log.info(said);
            return said;
        } catch (ComputeException | IllegalStateException e) {
            String said = "Could not warm the recovery path (" + e.getMessage() + "): the first recovery pays for it.";
            log.warn(said);
            return said;
        }
    }

    private static <T> T timed(List<String> took, String what, java.util.function.Supplier<T> read) {
        long started = System.nanoTime();
        T result = read.get();
        took.add(what + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return result;
    }
}
