package org.instanceha.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for 20 s in the middle of a recovery (every connection to PostgreSQL cut, new
 * ones refused, through a relay in front of it) and comes back. Meanwhile the v1 API answers 503 with a
 * fault body and readiness is DOWN; afterwards the node recovers by itself and the recovery completes,
 * every instance evacuated exactly once. Prints how long the recovery took after the database was back.
 */
@Tag("crash")
class DatabaseOutageIT {

    private static final int INSTANCES = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void aRecoverySurvivesTwentySecondsWithoutItsDatabase() throws Exception {
        try (Harness harness = new Harness(INSTANCES)) {
            harness.freshSchema();
            harness.startCloud("cloud-outage");
            URI db = URI.create(harness.dbUrl.substring("jdbc:".length()));
            try (TcpProxy proxy = new TcpProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort())) {
                String relayed = "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath()
                        + (db.getQuery() == null ? "" : "?" + db.getQuery());
                int port = Harness.freePort();
                Process node = harness.start("node-outage", harness.nodeEnvironment(relayed),
                        harness.nodeArguments("--server.port=" + port));
                Harness.awaitReady(port, node);
                HttpApi api = new HttpApi(port);
                String notification = harness.hostFails(api);
                Harness.awaitMoves(api, notification, m -> m >= 3, Duration.ofSeconds(120));

                proxy.cut();
                Instant cut = Instant.now();
                int unavailable = 0;
                JsonNode fault = null;
                int readiness = 0;
                while (Duration.between(cut, Instant.now()).compareTo(OUTAGE) < 0) {
                    HttpApi.Response r = api.get("/v1/notifications/" + notification).send();
                    assertThat(r.status()).as("during the outage: " + r).isIn(503);
                    fault = r.json();
                    unavailable++;
                    readiness = api.get("/actuator/health/readiness").anonymous().send().status();
                    Thread.sleep(1000);
                }
                proxy.restore();
                Instant back = Instant.now();
                assertThat(fault.at("/masakariFault/code").asInt()).as(fault.toString()).isEqualTo(503);
                assertThat(fault.at("/masakariFault/message").asText())
                        .isEqualTo("The database cannot be reached just now; try again shortly.");
                assertThat(readiness).as("readiness during the outage").isEqualTo(503);

                JsonNode done = Harness.awaitEnd(api, notification, Duration.ofMinutes(3));
                Instant ended = Instant.now();
                int evacuations = harness.assertEveryInstanceEvacuatedOnce(api, notification, done);
                assertThat(api.get("/actuator/health/readiness").anonymous().send().status()).isEqualTo(200);
                System.out.printf("DB OUTAGE %d s during a %d-instance recovery: %d requests answered 503 meanwhile;"
                                + " finished %.1f s after the database was back, %d evacuations, each once%n",
                        OUTAGE.toSeconds(), INSTANCES, unavailable,
                        Duration.between(back, ended).toMillis() / 1000.0, evacuations);
            }
        }
    }
}
