package org.instanceha.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An engine node killed with SIGKILL in the middle of a recovery: two nodes on one PostgreSQL (a schema
 * of their own), the simulated cloud in a third process, 50 protected instances on the failed host. The
 * host monitor's report reaches both nodes at the same moment (a monitor that retries, or two monitors):
 * one accepts it, the other answers 409, since duplicate detection holds across nodes. Node A is
 * killed at a random point of the recovery (after 0 to 45 of the 50 evacuations have succeeded); node B
 * must finish it with every instance evacuated exactly once (one evacuation migration record each in
 * Nova). A second test kills the only node and starts it again: the restarted node resumes the recovery
 * and finishes it the same way.
 *
 * <p>{@code -Dinstanceha.crash.trials=20} runs the long form (docs/testing.md): it first runs the same recovery
 * without a kill, to know what it takes, then the trials, and prints the tally with what each crash cost
 * (time to the final status against the recovery without a kill). {@code -Dinstanceha.crash.seed} replays
 * the kill points.
 */
@Tag("crash")
class NodeCrashIT {

    private static final int INSTANCES = 50;
    /**
     * A liveness bound, not a measurement: a killed node's jobs are taken over once their 20 s lock ran
     * out, and the rest of the recovery takes some 20 s; the former lock times (10 minutes, then 60 s) fail it.
     */
    private static final Duration AFTER_THE_KILL = Duration.ofSeconds(75);

    private record Trial(int killAfter, double killedAt, double afterKill, double total, Harness.Outcome outcome) {
    }

    @Test
    void aNodeKilledDuringARecoveryLeavesNothingUndoneAndNothingDoneTwice() throws Exception {
        int trials = Integer.getInteger("instanceha.crash.trials", 1);
        long seed = Long.getLong("instanceha.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("CRASH seed %d (-Dinstanceha.crash.seed=%d replays the kill points)%n", seed, seed);
        Double baseline = trials > 1 ? baseline() : null;
        List<Trial> results = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            try (Harness harness = new Harness(INSTANCES)) {
                Trial t = runTrial(harness, trial, random.nextInt(46), false);
                results.add(t);
                System.out.printf("CRASH trial %d: node A killed after %d of %d evacuations succeeded, %.1f s after"
                                + " the report; node B ended it %.1f s after the kill (%.1f s in all%s): %s, %d lost,"
                                + " %d evacuated twice, %d evacuations%n", trial, t.killAfter(), INSTANCES,
                        t.killedAt(), t.afterKill(), t.total(),
                        baseline == null ? "" : String.format(", %.1f s more than without a kill", t.total() - baseline),
                        t.outcome().status(), t.outcome().lost(), t.outcome().doubled(), t.outcome().evacuations());
            }
        }
        printTally(results, baseline);
        assertThat(results).allSatisfy(t -> {
            assertThat(t.outcome().clean()).as("trial %s", t).isTrue();
            assertThat(t.afterKill()).as("seconds from the kill to the final status").isLessThan(AFTER_THE_KILL.toSeconds());
        });
    }

    /** The only node is killed and started again: it resumes the recovery it was running and finishes it. */
    @Test
    void aSingleNodeRestartedDuringARecoveryResumesAndFinishesIt() throws Exception {
        try (Harness harness = new Harness(INSTANCES)) {
            Trial t = runTrial(harness, 1, 5, true);
            System.out.printf("CRASH restart: node A killed %.1f s after the report, restarted, ended it %.1f s after"
                    + " the kill (%.1f s in all): %s, %d lost, %d evacuated twice%n", t.killedAt(), t.afterKill(),
                    t.total(), t.outcome().status(), t.outcome().lost(), t.outcome().doubled());
            assertThat(t.outcome().clean()).as("%s", t).isTrue();
        }
    }

    /** The same recovery on two nodes without a kill: how long it takes, from the report to the final status. */
    private double baseline() throws Exception {
        try (Harness harness = new Harness(INSTANCES)) {
            Trial t = runTrial(harness, 0, -1, false);
            assertThat(t.outcome().clean()).as("%s", t).isTrue();
            System.out.printf("CRASH baseline: without a kill the recovery ended %.1f s after the report%n", t.total());
            return t.total();
        }
    }

    /**
     * One trial: node A and node B take the report at the same moment, and one of them accepts it; node A is
     * killed once {@code killAfter} evacuations have succeeded (never, when negative); then node B ({@code
     * restart} false), or node A started again ({@code restart} true), must end the recovery.
     */
    private Trial runTrial(Harness harness, int trial, int killAfter, boolean restart) throws Exception {
        harness.freshSchema();
        harness.startCloud("cloud-" + trial);
        Map<String, String> db = harness.nodeEnvironment(harness.dbUrl);
        int portA = Harness.freePort();
        Process a = harness.start("node-a-" + trial, db, harness.nodeArguments("--server.port=" + portA));
        Harness.awaitReady(portA, a);
        int portB = Harness.freePort();
        if (!restart) {
            Process b = harness.start("node-b-" + trial, db, harness.nodeArguments("--server.port=" + portB));
            Harness.awaitReady(portB, b);
        }

        HttpApi nodeA = new HttpApi(portA);
        HttpApi nodeB = new HttpApi(portB);
        harness.registerHosts(nodeA);
        Instant reported = Instant.now();
        String notification = restart ? report(nodeA) : reportToBoth(nodeA, nodeB);

        Instant killed = null;
        if (killAfter >= 0) {
            Harness.awaitMoves(nodeA, notification, m -> m >= killAfter, Duration.ofSeconds(120));
            a.destroyForcibly().waitFor();
            killed = Instant.now();
            if (restart) {
                Process again = harness.start("node-a-restarted-" + trial, db,
                        harness.nodeArguments("--server.port=" + portB));
                Harness.awaitReady(portB, again);
            }
        }

        JsonNode done = Harness.awaitEnd(nodeB, notification, Duration.ofMinutes(4));
        Instant ended = Instant.now();
        Instant from = killed == null ? ended : killed;
        return new Trial(killAfter, seconds(reported, from), seconds(from, ended), seconds(reported, ended),
                harness.outcome(nodeB, notification, done));
    }

    private static String report(HttpApi node) {
        HttpApi.Response accepted = node.post("/v1/notifications", Harness.failureReport()).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().at("/notification/notification_uuid").asText();
    }

    /** The same report to both nodes at once: exactly one accepts it, the other refuses it as a duplicate. */
    private static String reportToBoth(HttpApi nodeA, HttpApi nodeB) {
        String report = Harness.failureReport();
        CompletableFuture<HttpApi.Response> toA = CompletableFuture.supplyAsync(
                () -> nodeA.post("/v1/notifications", report).send());
        CompletableFuture<HttpApi.Response> toB = CompletableFuture.supplyAsync(
                () -> nodeB.post("/v1/notifications", report).send());
        List<HttpApi.Response> answers = List.of(toA.join(), toB.join());
        assertThat(answers).as("one report, two nodes: %s", answers).extracting(HttpApi.Response::status)
                .containsExactlyInAnyOrder(202, 409);
        HttpApi.Response accepted = answers.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        return accepted.json().at("/notification/notification_uuid").asText();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void printTally(List<Trial> results, Double baseline) {
        int lost = results.stream().mapToInt(t -> t.outcome().lost()).sum();
        int doubled = results.stream().mapToInt(t -> t.outcome().doubled()).sum();
        long unfinished = results.stream().filter(t -> !"finished".equals(t.outcome().status())).count();
        double worstAfterKill = results.stream().mapToDouble(Trial::afterKill).max().orElse(0);
        double worstTotal = results.stream().mapToDouble(Trial::total).max().orElse(0);
        double meanTotal = results.stream().mapToDouble(Trial::total).average().orElse(0);
        System.out.printf("CRASH tally: %d trials, %d instances, %d lost, %d evacuated twice, %d not finished; to the"
                        + " final status %.1f s on average, at most %.1f s (at most %.1f s after the kill)%s%n",
                results.size(), results.size() * INSTANCES, lost, doubled, unfinished, meanTotal, worstTotal,
                worstAfterKill, baseline == null ? ""
                        : String.format("; without a kill %.1f s, so a crash cost at most %.1f s", baseline,
                        worstTotal - baseline));
    }
}
