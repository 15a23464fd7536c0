package org.instanceha.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An engine node killed with SIGKILL in the middle of a recovery: two nodes on one PostgreSQL (a schema
 * of their own), the simulated cloud in a third process, 50 protected instances on the failed host. Node
 * A takes the notification and is killed once evacuations are under way; node B must finish the
 * recovery with every instance evacuated exactly once (one evacuation migration record each in Nova),
 * before a liveness bound (4 minutes) that a long job lock time would exceed. Prints each trial's
 * figures; how long node B took is a figure, not an assertion. A second test kills the only node and starts
 * it again: the restarted node resumes the recovery and finishes it the same way. {@code -Dinstanceha.crash.trials=20} runs the long form (README).
 */
@Tag("crash")
class NodeCrashIT {

    private static final int INSTANCES = 50;
    private static final Path LOGS = Path.of("target", "crash");
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the application in a JVM of its own, with the test's class path. */
    private Process start(String name, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", applicationClassPath(), "org.instanceha.InstanceHaApplication"));
        command.addAll(List.of(args));
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** The application's class path: the test's, without the test classes (their bpmn/ would deploy twice). */
    private static String applicationClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static void awaitReady(int port, Process process) throws Exception {
        HttpApi api = new HttpApi(port);
        Instant until = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(until)) {
            assertThat(process.isAlive()).as("process on port " + port + " died; see target/crash").isTrue();
            try {
                if (api.get("/actuator/health/liveness").anonymous().send().status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no answer on port " + port + " within 180 s");
    }

    private static String seed() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                projects: [{id: 688563ac36c44d0f8dbce4d0ab0a3f7f, name: admin}, {id: f2e949be43074e8fa5be0a3d22bd0eae, name: demo}]
                users:
                  - {id: 76c55a022c7d4a1e85e1cab6f58538e8, name: admin, password: secret, project: admin, roles: [reader, admin, member]}
                  - {id: 77bfba4c52a9468d8aa09a3f67667cb7, name: demo, password: secret, project: demo, roles: [reader, member]}
                flavors: [{id: "1", name: m1.tiny, vcpus: 1, ram: 512, disk: 1}]
                hosts:
                  - {name: failing, vcpus: 64, memory_mb: 65536}
                  - {name: target1, vcpus: 64, memory_mb: 65536}
                  - {name: target2, vcpus: 64, memory_mb: 65536}
                  - {name: target3, vcpus: 64, memory_mb: 65536}
                aggregates: []
                servers:
                """);
        for (int i = 1; i <= INSTANCES; i++) {
            yaml.append("  - {name: vm").append(i).append(", host: failing, flavor: \"1\", metadata: {HA_Enabled: \"True\"}}\n");
        }
        Path file = Files.createTempFile("crash-cloud", ".yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    private static void freshSchema(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS crash CASCADE");
            s.execute("CREATE SCHEMA crash");
        }
    }

    @Test
    void aNodeKilledDuringARecoveryLeavesNothingUndoneAndNothingDoneTwice() throws Exception {
        int trials = Integer.getInteger("instanceha.crash.trials", 1);
        for (int trial = 1; trial <= trials; trial++) {
            runTrial(trial, false);
            stopEverything();
            processes.clear();
        }
    }

    /** The only node is killed and started again: it resumes the recovery it was running and finishes it. */
    @Test
    void aSingleNodeRestartedDuringARecoveryResumesAndFinishesIt() throws Exception {
        runTrial(1, true);
    }

    /**
     * One trial: node A takes the notification and is killed; then node B, already running beside it
     * ({@code restart} false), or node A started again ({@code restart} true), must finish the recovery.
     */
    private void runTrial(int trial, boolean restart) throws Exception {
        String url = System.getProperty("instanceha.test.db.url", "jdbc:postgresql://localhost:5432/instanceha_test");
        String user = System.getProperty("instanceha.test.db.username", "instanceha");
        String password = System.getProperty("instanceha.test.db.password", "instanceha");
        freshSchema(url, user, password);

        int cloudPort = freePort();
        Process cloud = start("cloud-" + trial, Map.of(), "--server.port=" + cloudPort,
                "--spring.datasource.url=jdbc:h2:mem:cloud", "--instanceha.simulator.enabled=true",
                "--instanceha.simulator.seed=file:" + seed(), "--instanceha.simulator.evacuation-time=3s",
                "--instanceha.openstack.password=secret", "--instanceha.auth.admin-password=cloud-only-password",
                "--camunda.bpm.job-execution.enabled=false");
        awaitReady(cloudPort, cloud);

        Map<String, String> db = new HashMap<>(Map.of("INSTANCEHA_DB_URL", url + (url.contains("?") ? "&" : "?")
                + "currentSchema=crash", "INSTANCEHA_DB_USERNAME", user, "INSTANCEHA_DB_PASSWORD", password));
        String[] node = {"--spring.profiles.active=postgres",
                // Camunda looks for its tables in every schema unless told which: the PostgreSQL pass has
                // its own in public.
                "--camunda.bpm.database.schema-name=crash", "--camunda.bpm.database.table-prefix=crash.",
                "--instanceha.openstack.auth-url=http://localhost:" + cloudPort + "/simulator/identity/v3",
                "--instanceha.openstack.password=secret", "--instanceha.auth.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--instanceha.recovery.evacuation-poll-interval=1s"};
        int portA = freePort();
        Process a = start("node-a-" + trial, db, with(node, "--server.port=" + portA));
        awaitReady(portA, a);
        int portB = freePort();
        if (!restart) {
            Process b = start("node-b-" + trial, db, with(node, "--server.port=" + portB));
            awaitReady(portB, b);
        }

        HttpApi nodeA = new HttpApi(portA);
        HttpApi nodeB = new HttpApi(portB);
        String segment = nodeA.post("/v1/segments", """
                {"segment": {"name": "crash", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        for (String host : List.of("failing", "target1", "target2", "target3")) {
            assertThat(nodeA.post("/v1/segments/" + segment + "/hosts", """
                    {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": "SSH"}}""".formatted(host))
                    .send().status()).isEqualTo(201);
        }
        Instant reported = Instant.now();
        String notification = nodeA.post("/v1/notifications", """
                {"notification": {"type": "COMPUTE_HOST", "hostname": "failing", "generated_time": "%s",
                 "payload": {"event": "STOPPED", "host_status": "NORMAL", "cluster_status": "OFFLINE"}}}"""
                .formatted(LocalDateTime.now(ZoneOffset.UTC))).send().json().at("/notification/notification_uuid")
                .asText();

        // Kill A once some evacuations have ended and others are in flight.
        awaitMoves(nodeA, notification, m -> m >= 5, Duration.ofSeconds(120));
        a.destroyForcibly().waitFor();
        Instant killed = Instant.now();
        if (restart) {
            Process again = start("node-a-restarted-" + trial, db, with(node, "--server.port=" + portB));
            awaitReady(portB, again);
        }

        // A liveness bound, not a measurement: well above a 60 s lock, well below the former 10 minutes.
        JsonNode done = awaitEnd(nodeB, notification, Duration.ofMinutes(4));
        Instant ended = Instant.now();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        JsonNode moves = nodeB.get("/v1/notifications/" + notification + "/vmoves?limit=1000").version("1.3").send()
                .json().get("vmoves");
        assertThat(moves).hasSize(INSTANCES).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("succeeded");
            assertThat(m.get("dest_host").asText()).startsWith("target");
        });

        HttpApi nova = new HttpApi(cloudPort);
        String token = nova.issueToken("admin");
        JsonNode migrations = nova.get("/simulator/compute/v2.1/os-migrations?migration_type=evacuation").anonymous()
                .header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.59").send().json()
                .get("migrations");
        Map<String, Integer> evacuations = new HashMap<>();
        migrations.forEach(m -> evacuations.merge(m.get("instance_uuid").asText(), 1, Integer::sum));
        assertThat(evacuations).as("every instance evacuated exactly once").hasSize(INSTANCES)
                .allSatisfy((instance, count) -> assertThat(count).as(instance).isEqualTo(1));

        System.out.printf("CRASH trial %d: %d instances, node A killed %.1f s after the report, %s finished"
                        + " %.1f s after the kill (%.1f s in all); %d evacuations, each once%n", trial, INSTANCES,
                restart ? "node A restarted" : "node B",
                Duration.between(reported, killed).toMillis() / 1000.0,
                Duration.between(killed, ended).toMillis() / 1000.0,
                Duration.between(reported, ended).toMillis() / 1000.0, migrations.size());
    }

    private static String[] with(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    private static void awaitMoves(HttpApi api, String notification, java.util.function.IntPredicate succeeded,
                                   Duration atMost) throws Exception {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            JsonNode moves = api.get("/v1/notifications/" + notification + "/vmoves?limit=1000").version("1.3")
                    .send().json().path("vmoves");
            int count = 0;
            for (JsonNode m : moves) {
                count += m.get("status").asText().equals("succeeded") ? 1 : 0;
            }
            if (succeeded.test(count)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the recovery did not get under way within " + atMost);
    }

    private static JsonNode awaitEnd(HttpApi api, String notification, Duration atMost) throws Exception {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            JsonNode n = api.get("/v1/notifications/" + notification).version("1.1").send().json().get("notification");
            if (List.of("finished", "error", "failed", "ignored").contains(n.get("status").asText())) {
                return n;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("notification " + notification + " did not end within " + atMost
                + " after node A was killed; see target/crash");
    }
}
