package org.instanceha.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs wrong passwords without flooding the log: the first wrong one for a user, then at most one
 * line a minute per user with the count since the last line. Nothing here refuses anyone.
 */
@Component
public class FailedLogins {

    private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);
    private static final Duration QUIET = Duration.ofMinutes(1);
    /** Users tracked at once; beyond it the oldest entries are dropped (names of unknown users are caller input). */
    private static final int MAX_USERS = 10_000;

    private record Tally(Instant lastLogged, int sinceLastLog) {
    }

    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Clock clock;

    public FailedLogins(Clock clock) {
        this.clock = clock;
    }

    public void wrongPassword(String user) {
        if (tallies.size() >= MAX_USERS) {
            tallies.clear();
        }
        String shown = user.length() > 64 ? user.substring(0, 64) + "..." : user;
        Instant now = clock.instant();
        tallies.compute(user, (name, previous) -> {
            if (previous == null || !now.isBefore(previous.lastLogged().plus(QUIET))) {
                int count = previous == null ? 1 : previous.sinceLastLog() + 1;
                log.warn("Wrong password for user '{}' ({} since the last such line)", shown, count);
                return new Tally(now, 0);
            }
            return new Tally(previous.lastLogged(), previous.sinceLastLog() + 1);
        });
    }
}
