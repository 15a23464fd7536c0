package org.instanceha.recovery.returning;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.returning.ReturnHostToService.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.instanceha.notification.RecoveryProgress;
import org.instanceha.notification.ReturnProperties;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeServiceInfo;
import org.instanceha.nova.NovaServiceList;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.springframework.stereotype.Component;

/**
 * "Check host heartbeat": whether the returning host's nova-compute still reports, its heartbeat younger than
 * {@code instanceha.returning.heartbeat-max-age} by Nova's clock. A host that failed again while it waited at the
 * gates is not returned; it stays out, and the host monitor starts again once it is healthy.
 */
@Reads({"notificationUuid", "hostname"})
@Writes({"hostAlive", "keepOutReason"})
@Component
public class CheckHostHeartbeat extends RecoveryTask {

    private final Compute compute;
    private final ReturnProperties properties;
    private final Clock clock;

    public CheckHostHeartbeat(RecoveryProgress progress, Compute compute, ReturnProperties properties, Clock clock) {
        super(progress);
        this.compute = compute;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String host = task.required(HOSTNAME);
        NovaServiceList services = compute.computeServicesNow();
        ComputeServiceInfo service = services.services().stream().filter(s -> s.host().equals(host)).findFirst()
                .orElse(null);
        Instant now = services.novaDate() != null ? services.novaDate() : clock.instant();
        Duration age = service == null || service.updatedAt() == null ? null
                : Duration.between(LocalDateTime.parse(service.updatedAt()).toInstant(ZoneOffset.UTC), now);
        boolean alive = age != null && age.compareTo(properties.heartbeatMaxAge()) <= 0;
        task.set(HOST_ALIVE, alive);
        if (alive) {
            task.success("nova-compute on " + host + " reports (heartbeat " + seconds(age) + " old by Nova's clock).");
        } else {
            String reason = service == null ? "Nova lists no nova-compute on " + host + " any more"
                    : "nova-compute on " + host + " stopped reporting (heartbeat " + seconds(age) + " old)";
            reason += ": it failed again before it returned, and stays out of service until it is healthy again.";
            task.set(KEEP_OUT_REASON, reason);
            task.error(reason);
        }
    }

    private static String seconds(Duration age) {
        return age == null ? "unknown" : String.format(Locale.ROOT, "%.1f s", age.toMillis() / 1000.0);
    }
}
