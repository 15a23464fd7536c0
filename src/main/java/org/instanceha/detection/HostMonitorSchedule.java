package org.instanceha.detection;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the host monitor's cycle every {@code instanceha.detection.interval} (0: never on its own). */
@Component
public class HostMonitorSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HostMonitorSchedule.class);

    private final HostMonitor monitor;
    private final DetectionProperties properties;
    private ScheduledExecutorService scheduler;

    public HostMonitorSchedule(HostMonitor monitor, DetectionProperties properties) {
        this.monitor = monitor;
        this.properties = properties;
    }

    private void cycleQuietly() {
        try {
            monitor.cycle();
        } catch (RuntimeException e) {
            log.warn("A host monitor cycle failed; the next one comes in {}: {}", properties.interval(), e.toString());
        }
    }

    @Override
    public void start() {
        if (properties.mode() == DetectionProperties.Mode.OFF || properties.interval().isZero()
                || properties.interval().isNegative()) {
            log.info("The host monitor does not run on its own (instanceha.detection.mode {}, interval {})",
                    properties.mode(), properties.interval());
            return;
        }
        log.info("The host monitor looks every {} ({}; stale after {}, confirmed over {} cycles)",
                properties.interval(), properties.mode(), properties.staleAfter(), properties.confirmCycles());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "host-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::cycleQuietly, properties.interval().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
