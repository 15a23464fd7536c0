package org.instanceha.recovery.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.instanceha.nova.Compute;
import org.instanceha.nova.Server;
import org.instanceha.recovery.RecoveryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The watch against a stand-in Nova that records what it was asked: the listings' windows and single reads. */
class EvacuationWatchTest {

    private static final Instant T = Instant.parse("2026-12-07T22:00:00Z");
    private final RecoveryProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "instanceha.recovery.evacuation-poll-interval", "1s", "instanceha.recovery.evacuation-timeout", "10m")))
            .bindOrCreate("instanceha.recovery", RecoveryProperties.class);
    private Instant now = T;
    private List<Server> changed = List.of();
    /** When set, answers the listings instead of {@link #changed} (a listing that hangs, fails, throws). */
    private volatile java.util.function.Supplier<List<Server>> lister;
    private final List<Instant> listedSince = new ArrayList<>();
    private final List<String> readAlone = new ArrayList<>();
    private final EvacuationWatch watch = new EvacuationWatch(nova(), properties, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private Compute nova() {
        return (Compute) Proxy.newProxyInstance(Compute.class.getClassLoader(), new Class<?>[] {Compute.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "serversChangedSince" -> {
                        synchronized (listedSince) {
                            listedSince.add((Instant) args[0]);
                        }
                        yield lister != null ? lister.get() : changed;
                    }
                    case "server" -> {
                        readAlone.add((String) args[0]);
                        yield Optional.empty();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Server server(String id, String status, String taskState, String host) {
        return new Server(id, id, status, "active", taskState, 1, host, host, true, Map.of(), 1, 512, null, "p");
    }

    /** The deadline of an evacuation sent at {@code sent}. */
    private Instant sentAt(Instant sent) {
        return sent.plus(properties.evacuationTimeout());
    }

    @Test
    void oneListingAnswersEveryCheckOfAPoll() {
        changed = List.of(server("a", "REBUILD", "rebuilding", "c2"), server("b", "ACTIVE", null, "c3"));

        Optional<Server> a = watch.current("a", sentAt(T.minusSeconds(2)));
        now = now.plusMillis(300);
        Optional<Server> b = watch.current("b", sentAt(T.minusSeconds(1)));

        assertThat(a).get().extracting(Server::taskState).isEqualTo("rebuilding");
        assertThat(b).get().extracting(Server::host).isEqualTo("c3");
        assertThat(listedSince).as("one listing, from the first evacuation sent, less the clock margin")
                .containsExactly(T.minusSeconds(2).minus(EvacuationWatch.CLOCK_MARGIN));
        assertThat(readAlone).isEmpty();
    }

    @Test
    void aLaterListingAsksWhatChangedSinceTheOneBeforeAndAServerItDoesNotShowIsUnchanged() {
        Instant sent = T.minus(Duration.ofMinutes(8));
        changed = List.of(server("a", "REBUILD", "rebuilding", "c2"));
        watch.current("a", sentAt(sent));

        now = T.plusSeconds(1);
        changed = List.of();
        Optional<Server> still = watch.current("a", sentAt(sent));
        now = T.plusSeconds(2);
        changed = List.of(server("a", "ACTIVE", null, "c2"));
        Optional<Server> moved = watch.current("a", sentAt(sent));

        assertThat(still).get().extracting(Server::taskState).isEqualTo("rebuilding");
        assertThat(moved).get().extracting(Server::taskState).isNull();
        assertThat(listedSince).as("since the evacuation was sent, then since the listing before")
                .containsExactly(sent.minus(EvacuationWatch.CLOCK_MARGIN), T.minus(EvacuationWatch.CLOCK_MARGIN),
                        T.plusSeconds(1).minus(EvacuationWatch.CLOCK_MARGIN));
        assertThat(readAlone).isEmpty();
    }

    @Test
    void aServerTheListingsNeverShowedIsReadAloneAndADeletedOneIsGone() {
        changed = List.of(server("gone", "DELETED", null, null));

        assertThat(watch.current("gone", sentAt(T))).isEmpty();
        assertThat(watch.current("unseen", sentAt(T))).isEmpty();

        assertThat(readAlone).containsExactly("unseen");
    }

    @Test
    void aViewOlderThanTwoSecondsIsNotUsedToRestoreThePowerState() {
        changed = List.of(server("a", "ACTIVE", null, "c2"));
        watch.current("a", sentAt(T));

        now = T.plus(EvacuationWatch.RECENT);
        assertThat(watch.recent("a")).isPresent();
        now = T.plus(EvacuationWatch.RECENT).plusMillis(1);
        assertThat(watch.recent("a")).isEmpty();
        assertThat(readAlone).containsExactly("a");
    }

    @Test
    void aListingFromBeforeAnEvacuationWasSentIsNeverItsAnswer() {
        changed = List.of(server("a", "ACTIVE", null, "c2"));
        watch.current("a", sentAt(T.minusSeconds(30)));

        // The same server evacuated again (from c2 now), 100 ms after that listing: neither that listing nor what
        // it showed of the old evacuation may answer; Nova's next listing does not show it, so it is read alone.
        now = T.plusMillis(200);
        changed = List.of();
        assertThat(watch.current("a", sentAt(T.plusMillis(100)))).isEmpty();

        assertThat(listedSince).hasSize(2);
        assertThat(readAlone).containsExactly("a");
    }

    private static java.util.concurrent.CompletableFuture<Optional<Server>> inThread(
            java.util.function.Supplier<Optional<Server>> check) {
        return java.util.concurrent.CompletableFuture.supplyAsync(check, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            t.start();
        });
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aListingThatFailsCostsTheChecksThatWaitedForItNoRetry() throws Exception {
        var started = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        lister = () -> {
            if (calls.incrementAndGet() == 1) {
                started.countDown();
                await(release);
                throw new org.instanceha.nova.ComputeUnavailable("Nova could not be reached: timeout", null);
            }
            return List.of(server("b", "ACTIVE", null, "c3"));
        };
        var first = inThread(() -> watch.current("a", sentAt(T)));
        await(started);
        var second = inThread(() -> watch.current("b", sentAt(T)));
        Thread.sleep(200); // the second check is waiting for the first one's listing
        release.countDown();

        assertThat(first).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withMessageContaining("Nova could not be reached");
        assertThat(second.get(5, java.util.concurrent.TimeUnit.SECONDS)).get().extracting(Server::host)
                .isEqualTo("c3");
        assertThat(calls.get()).as("the failed listing, then one more for the check that waited").isEqualTo(2);
    }

    @Test
    void aCheckWaitsForAnotherListingNoLongerThanItsJobsTime() throws Exception {
        var started = new java.util.concurrent.CountDownLatch(1);
        var never = new java.util.concurrent.CountDownLatch(1);
        lister = () -> {
            started.countDown();
            await(never);
            return List.of();
        };
        inThread(() -> watch.current("a", sentAt(T)));
        await(started);

        var waiting = inThread(() -> org.instanceha.nova.CallDeadline.within(Duration.ofMillis(300),
                () -> watch.current("b", sentAt(T))));

        assertThat(waiting).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withMessageContaining("did not come within");

        // Half a minute later that listing is left to its thread: the next check makes its own.
        now = T.plus(EvacuationWatch.LONGEST_WAIT).plusSeconds(1);
        lister = () -> List.of(server("b", "ACTIVE", null, "c3"));
        assertThat(watch.current("b", sentAt(T))).get().extracting(Server::host).isEqualTo("c3");
        never.countDown();
    }

    @Test
    void aListingThatThrowsAnErrorLeavesNoOneWaitingForever() {
        lister = () -> {
            throw new AssertionError("not an exception");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> watch.current("a", sentAt(T)))
                .isInstanceOf(AssertionError.class);

        lister = () -> List.of(server("a", "ACTIVE", null, "c2"));
        assertThat(watch.current("a", sentAt(T))).get().extracting(Server::host).isEqualTo("c2");
    }
}
