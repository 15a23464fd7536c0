package org.instanceha.nova;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long the calls to Keystone and Nova of the current thread may still take. A recovery job holds
 * its lock for a fixed time; if it ran longer, another engine node could take the same job while the
 * first still runs it. Within {@link #within(Duration, Supplier)} every call's connect and read timeouts
 * are cut to what is left, and a call that would start with less than {@link #LEAST} left is not sent at
 * all: it fails as {@link ComputeUnavailable}, so the job is retried later under a fresh lock. Outside
 * of it (HTTP requests, background checks) the configured timeouts apply unchanged.
 */
public final class CallDeadline {

    /** Less than this left, and a call is not worth starting. */
    static final Duration LEAST = Duration.ofMillis(250);

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private CallDeadline() {
    }

    /** Runs {@code work} with its calls bounded to {@code left} from now; a deadline already set and sooner stays. */
    public static <T> T within(Duration left, Supplier<T> work) {
        Long outer = DEADLINE.get();
        long deadline = System.nanoTime() + Math.max(0, left.toNanos());
        if (outer == null || deadline - outer < 0) {
            DEADLINE.set(deadline);
        }
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /** What is left of this thread's time; empty outside {@link #within}. */
    public static java.util.Optional<Duration> left() {
        Long deadline = DEADLINE.get();
        return deadline == null ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** A timeout of this thread's calls: the configured one, or what is left if that is less. */
    static Duration cap(Duration configured) {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return configured;
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return left.compareTo(configured) < 0 ? left : configured;
    }

    /** Refuses to start {@code what} when too little is left of this thread's time. */
    static void ensureTimeFor(String what) {
        Long deadline = DEADLINE.get();
        if (deadline != null && deadline - System.nanoTime() < LEAST.toNanos()) {
            throw new ComputeUnavailable("Not sent: " + what + ". The job's lock runs out before Nova could answer "
                    + "(camunda.bpm.job-execution.lock-time-in-millis); the job is tried again under a new lock.", null);
        }
    }
}
