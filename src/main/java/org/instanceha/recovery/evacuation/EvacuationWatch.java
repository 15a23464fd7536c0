package org.instanceha.recovery.evacuation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.instanceha.nova.CallDeadline;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeUnavailable;
import org.instanceha.nova.Server;
import org.instanceha.recovery.RecoveryProperties;
import org.springframework.stereotype.Component;

/**
 * Where the servers this node is evacuating stand, read for all of them at once. A check uses the last listing of
 * the servers Nova changed, if that listing began within half a poll interval; otherwise it makes one, and checks
 * that come meanwhile take its answer. A listing asks for what changed since the one before (since the evacuation
 * was sent, for a server not seen yet), less a minute for clocks apart; a watched server it does not show has not
 * changed, and keeps the state seen before. So a listing's size follows the cloud's changes of about a minute,
 * not of a long evacuation's whole time. With the checks on one grid ({@link EvacuationPollGrid}) that is one request per poll for every
 * evacuation in flight, where a read per server per poll made Nova's API the bottleneck of a large recovery.
 * A server the listing does not show (a clock more than the margin ahead of Nova's) is read alone; one it shows
 * {@code DELETED} is gone. In memory: a node started anew lists anew, and entries of evacuations past their
 * deadline are dropped.
 */
@Component
public class EvacuationWatch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvacuationWatch.class);
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
    /** How old a listing "Restore power state" may use: well under any job lock time (CallDeadline needs 2.25 s). */
    static final Duration RECENT = Duration.ofSeconds(2);
    /** The longest a caller without a job's deadline (the wake-up) waits for a listing another thread makes. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Compute compute;
    private final RecoveryProperties properties;
    private final Clock clock;
    /** Server id to the deadline of its evacuation, which was sent an evacuation timeout before it. */
    private final Map<String, Instant> watched = new ConcurrentHashMap<>();
    /** The last state seen of each watched server (changed only by a listing, one at a time). */
    private final Map<String, Server> known = new ConcurrentHashMap<>();
    private Listing last;
    private CompletableFuture<Listing> underway;
    private Instant underwaySince;

    private record Listing(Instant began, Map<String, Server> servers) {
    }

    public EvacuationWatch(Compute compute, RecoveryProperties properties, Clock clock) {
        this.compute = compute;
        this.properties = properties;
        this.clock = clock;
    }

    /** The server as Nova shows it now, its evacuation (due by {@code deadline}) watched until it settles. */
    public Optional<Server> current(String serverId, Instant deadline) {
        Instant previous = watched.put(serverId, deadline);
        if (previous != null && !previous.equals(deadline)) {
            known.remove(serverId); // a new evacuation of it: what was seen of the old one says nothing
        }
        Instant sent = deadline.minus(properties.evacuationTimeout());
        Instant recentEnough = clock.instant().minus(properties.evacuationPollInterval().dividedBy(2));
        return from(fresh(sent.isAfter(recentEnough) ? sent : recentEnough), serverId);
    }

    /**
     * The servers of a listing that began within {@code maxAge} (made now if there is none), by id, with what the
     * listings before showed of watched servers that have not changed since; empty when nothing is watched.
     */
    public Map<String, Server> look(Duration maxAge) {
        return watched.isEmpty() ? Map.of() : fresh(clock.instant().minus(maxAge)).servers();
    }

    /**
     * The server as the last listing showed it, if that began within {@link #RECENT}; else read now. Does not watch
     * it. On the node whose check just judged the evacuation, the last listing is that check's or newer; a node that
     * takes the job over after a crash does so a job lock time later (20 s), so a listing of the last 2 s never
     * shows it from before its evacuation settled.
     */
    public Optional<Server> recent(String serverId) {
        Listing listing;
        synchronized (this) {
            listing = last != null && !last.began().isBefore(clock.instant().minus(RECENT)) ? last : null;
        }
        return listing == null ? compute.server(serverId) : from(listing, serverId);
    }

    /** The evacuation of this server moved or failed: later listings need not cover it. */
    public void settled(String serverId) {
        watched.remove(serverId);
    }

    private Optional<Server> from(Listing listing, String serverId) {
        Server server = listing.servers().get(serverId);
        if (server == null) {
            return compute.server(serverId);
        }
        return "DELETED".equals(server.status()) ? Optional.empty() : Optional.of(server);
    }

    /**
     * The last listing if it began at or after {@code notBefore}, else a new one; one at a time: checks that come
     * while one is under way take its answer (or its failure: their jobs are retried as any Nova call's), unless it
     * began too early for them (a check of an evacuation sent after it began), who then make the next one. A caller
     * whose wait ended in another's failure tries once more before it fails: one hung request then costs every
     * waiting check no retry. No one
     * waits for another's listing longer than its own job's time ({@link CallDeadline}) or {@link #LONGEST_WAIT};
     * a listing under way longer than that is left to its thread, and the next caller makes a new one.
     */
    private Listing fresh(Instant notBefore) {
        boolean othersFailed = false;
        while (true) {
            CompletableFuture<Listing> answer;
            boolean mine = false;
            synchronized (this) {
                if (last != null && !last.began().isBefore(notBefore)) {
                    return last;
                }
                if (underway == null || underway.isCompletedExceptionally()
                        || underwaySince.isBefore(clock.instant().minus(LONGEST_WAIT))) {
                    underway = new CompletableFuture<>();
                    underwaySince = clock.instant();
                    mine = true;
                }
                answer = underway;
            }
            if (mine) {
                lead(answer);
            }
            Listing listing;
            try {
                listing = await(answer);
            } catch (RuntimeException e) {
                if (mine || othersFailed) {
                    throw e;
                }
                // Another's listing failed (a request that hung, its job's time running out): one more, once, so
                // that one failure does not use up a retry of every check that waited for it.
                othersFailed = true;
                continue;
            }
            if (!listing.began().isBefore(notBefore)) {
                return listing;
            }
        }
    }

    /**
     * Makes the listing {@code answer} waits for; whatever happens, it completes, and it is no longer under way
     * before it does (a waiter that wakes and comes back must not find it again).
     */
    private void lead(CompletableFuture<Listing> answer) {
        Listing listing;
        try {
            listing = list();
        } catch (Throwable e) {
            synchronized (this) {
                if (underway == answer) {
                    underway = null;
                }
            }
            answer.completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            if (last == null || last.began().isBefore(listing.began())) {
                last = listing;
            }
            if (underway == answer) {
                underway = null;
            }
        }
        answer.complete(listing);
    }

    private Listing await(CompletableFuture<Listing> answer) {
        Duration patience = CallDeadline.left().filter(left -> left.compareTo(LONGEST_WAIT) < 0).orElse(LONGEST_WAIT);
        try {
            return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new ComputeUnavailable("Listing Nova's servers failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ComputeUnavailable("Nova's servers, listed for every evacuation in flight, did not come within "
                    + patience.toMillis() + " ms; the check is tried again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeUnavailable("Interrupted while waiting for Nova's servers", e);
        }
    }

    /** Run by one thread at a time ({@link #fresh(Instant)}). */
    private Listing list() {
        Instant began = clock.instant();
        watched.values().removeIf(deadline -> deadline.isBefore(began.minus(CLOCK_MARGIN)));
        known.keySet().retainAll(watched.keySet());
        Instant since = watched.entrySet().stream().filter(w -> !known.containsKey(w.getKey()))
                .map(w -> w.getValue().minus(properties.evacuationTimeout())).min(Comparator.naturalOrder())
                .orElse(began);
        if (last != null && last.began().isBefore(since)) {
            since = last.began();
        }
        since = since.minus(CLOCK_MARGIN);
        Map<String, Server> shown = new HashMap<>(known);
        List<Server> changed = compute.serversChangedSince(since);
        for (Server server : changed) {
            shown.put(server.id(), server);
            if (watched.containsKey(server.id())) {
                known.put(server.id(), server);
            }
        }
        log.debug("Listed {} server(s) Nova changed since {} for {} evacuation(s) in flight", changed.size(), since,
                watched.size());
        return new Listing(began, shown);
    }
}
