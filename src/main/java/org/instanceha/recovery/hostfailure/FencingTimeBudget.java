package org.instanceha.recovery.hostfailure;

import java.time.Duration;

import org.instanceha.fencing.FencingProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when "Fence host" could outlive its job's lock: one run makes up to two BMC calls (read the
 * power state, power off), each bounded by {@code instanceha.fencing.call-timeout}, and must end, with its writes,
 * before {@code camunda.bpm.job-execution.lock-time-in-millis}; otherwise another node could take the same job
 * and fence (and evacuate) twice.
 */
@Component
public class FencingTimeBudget {

    /** What a job keeps of its lock for its own writes and commit after its last BMC call. */
    static final Duration COMMIT_MARGIN = Duration.ofSeconds(2);
    private static final long CAMUNDA_DEFAULT_LOCK_MILLIS = 300_000;

    public FencingTimeBudget(FencingProperties fencing, Environment environment) {
        check(fencing.callTimeout(), Duration.ofMillis(environment.getProperty(
                "camunda.bpm.job-execution.lock-time-in-millis", Long.class, CAMUNDA_DEFAULT_LOCK_MILLIS)));
    }

    static void check(Duration callTimeout, Duration lockTime) {
        Duration needed = callTimeout.multipliedBy(2).plus(COMMIT_MARGIN);
        if (needed.compareTo(lockTime) > 0) {
            throw new IllegalStateException("instanceha.fencing.call-timeout " + callTimeout.toMillis() + " ms is too "
                    + "long for camunda.bpm.job-execution.lock-time-in-millis " + lockTime.toMillis() + ": \"Fence host\" "
                    + "makes two BMC calls per run and must end " + COMMIT_MARGIN.toSeconds() + " s before its lock "
                    + "does. Shorten the call timeout to at most " + lockTime.minus(COMMIT_MARGIN).dividedBy(2).toMillis()
                    + " ms, or lengthen the lock time.");
        }
    }
}
