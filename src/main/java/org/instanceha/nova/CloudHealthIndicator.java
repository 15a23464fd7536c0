package org.instanceha.nova;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the cloud can be reached, for {@code /actuator/health} and its readiness group: Keystone
 * answers its version document, and Nova answers an authenticated services query. A node that cannot
 * reach either cannot recover anything, so it is not ready, and the details say why. One check at
 * most every {@value #CACHE_SECONDS} seconds, however often probes ask.
 */
@Component("cloud")
public class CloudHealthIndicator implements HealthIndicator {

    static final int CACHE_SECONDS = 5;
    /** A host no cloud has: the query lists no service, and costs Nova one small GET. */
    private static final String PROBE_HOST = "instance-ha-health-probe";

    private final KeystoneSession session;
    private final Compute compute;
    private final OpenStackHttp http;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.MIN;

    public CloudHealthIndicator(KeystoneSession session, Compute compute, OpenStackHttp http, Clock clock) {
        this.session = session;
        this.compute = compute;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plusSeconds(CACHE_SECONDS))) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    private Health check() {
        String keystone;
        try {
            keystone = session.authUrl();
            int status = http.probe(keystone);
            if (status >= 500) {
                return Health.down().withDetail("keystone", keystone)
                        .withDetail("reason", "Keystone answered " + status + ".").build();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("reason", "Keystone could not be reached: " + e.getMessage()).build();
        }
        try {
            compute.computeService(PROBE_HOST);
        } catch (RuntimeException e) {
            return Health.down().withDetail("keystone", keystone)
                    .withDetail("reason", "Nova could not be asked: " + e.getMessage()).build();
        }
        return Health.up().withDetail("keystone", keystone).withDetail("nova", "answers").build();
    }
}
