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
                        listedSince.add((Instant) args[0]);
                        yield changed;
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
}
