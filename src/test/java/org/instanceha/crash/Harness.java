package org.instanceha.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi;
import org.instanceha.TestUsers;
import org.instanceha.notification.NotificationStatus;

/**
 * What the tests that kill or cut off parts of the application share: the application started as JVMs of
 * its own (the simulated cloud with its own H2, engine nodes on the PostgreSQL of the test run, in a schema
 * {@code crash} of their own), a failed host with protected instances, and checks through the v1 API and
 * the simulator's migration records. Logs of every process go to {@code target/crash}.
 */
final class Harness implements AutoCloseable {

    static final Path LOGS = Path.of("target", "crash");

    final String dbUrl = System.getProperty("instanceha.test.db.url", "jdbc:postgresql://localhost:5432/instanceha_test");
    final String dbUser = System.getProperty("instanceha.test.db.username", "instanceha");
    final String dbPassword = System.getProperty("instanceha.test.db.password", "instanceha");
    private final List<Process> processes = new ArrayList<>();
    private final int instances;
    int cloudPort;

    Harness(int instances) {
        this.instances = instances;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        processes.clear();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} ports in a row that are free now (the simulator's management ports). */
    static int freePorts(int count) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freePort();
            boolean all = true;
            for (int i = 1; i < count && all; i++) {
                try (ServerSocket next = new ServerSocket(first + i)) {
                    all = next.getLocalPort() == first + i;
                } catch (java.io.IOException taken) {
                    all = false;
                }
            }
            if (all) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row");
    }

    static int freePortUnchecked() {
        try {
            return freePort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the application in a JVM of its own, with the test's class path and the JVM options of a node. */
    Process start(String name, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@deploy/jvm.options", "-Xmx512m", "-cp", applicationClassPath(), "org.instanceha.InstanceHaApplication"));
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

    static void awaitReady(int port, Process process) {
        HttpApi api = new HttpApi(port);
        await("an answer on port " + port).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(process.isAlive()).as("process on port " + port + " died; see target/crash").isTrue();
                    try {
                        return api.get("/actuator/health/liveness").anonymous().send().status() == 200;
                    } catch (RuntimeException e) {
                        return false; // not listening yet
                    }
                });
    }

    /** The simulated cloud, alone in its process: host "failing" with the instances, three empty targets. */
    void startCloud(String name, String... more) throws Exception {
        cloudPort = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + cloudPort,
                "--spring.datasource.url=jdbc:h2:mem:cloud", "--instanceha.simulator.enabled=true",
                "--instanceha.simulator.seed=file:" + seed(), "--instanceha.simulator.evacuation-time=3s",
                "--instanceha.openstack.password=secret", "--instanceha.auth.admin-password=cloud-only-password",
                "--camunda.bpm.job-execution.enabled=false", "--instanceha.detection.mode=off"));
        if (java.util.Arrays.stream(more).noneMatch(a -> a.startsWith("--instanceha.simulator.bmc-tls-dir="))) {
            // Its BMCs' key and certificate in a folder of its own: clouds of other test JVMs make theirs meanwhile.
            args.add("--instanceha.simulator.bmc-tls-dir=" + LOGS.resolve(name + "-bmc").toAbsolutePath());
        }
        args.addAll(List.of(more));
        Process cloud = start(name, Map.of(), args.toArray(String[]::new));
        awaitReady(cloudPort, cloud);
    }

    private String seed() throws Exception {
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
        for (int i = 1; i <= instances; i++) {
            yaml.append("  - {name: vm").append(i).append(", host: failing, flavor: \"1\", metadata: {HA_Enabled: \"True\"}}\n");
        }
        Path file = Files.createTempFile("crash-cloud", ".yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS crash CASCADE");
            s.execute("CREATE SCHEMA crash");
        }
    }

    /** The environment of an engine node: the test run's PostgreSQL at {@code url}, schema crash. */
    Map<String, String> nodeEnvironment(String url) {
        return new HashMap<>(Map.of("INSTANCEHA_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=crash",
                "INSTANCEHA_DB_USERNAME", dbUser, "INSTANCEHA_DB_PASSWORD", dbPassword));
    }

    /** An engine node's arguments against the simulated cloud, plus {@code more}. */
    String[] nodeArguments(String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                // Camunda looks for its tables in every schema unless told which: the PostgreSQL pass has
                // its own in public.
                "--camunda.bpm.database.schema-name=crash", "--camunda.bpm.database.table-prefix=crash.",
                "--instanceha.openstack.auth-url=http://localhost:" + cloudPort + "/simulator/identity/v3",
                "--instanceha.openstack.password=secret", "--instanceha.auth.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--instanceha.secrets.key=crash-test-secrets-key-5d1c",
                "--instanceha.recovery.evacuation-poll-interval=1s"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Registers the cloud's four hosts in a segment and reports "failing" dead; returns the notification. */
    String hostFails(HttpApi node) {
        registerHosts(node);
        HttpApi.Response accepted = node.post("/v1/notifications", failureReport()).send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().at("/notification/notification_uuid").asText();
    }

    /** A segment with the cloud's four hosts. */
    void registerHosts(HttpApi node) {
        registerHosts(node, host -> "SSH");
    }

    /** A segment with the cloud's four hosts, each with these control attributes. */
    void registerHosts(HttpApi node, java.util.function.UnaryOperator<String> controlAttributes) {
        String segment = node.post("/v1/segments", """
                {"segment": {"name": "crash", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        for (String host : List.of("failing", "target1", "target2", "target3")) {
            var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            body.putObject("host").put("name", host).put("type", "COMPUTE")
                    .put("control_attributes", controlAttributes.apply(host));
            assertThat(node.post("/v1/segments/" + segment + "/hosts", body.toString()).send().status())
                    .isEqualTo(201);
        }
    }

    /** What a host monitor sends when "failing" dies, generated now. */
    static String failureReport() {
        return """
                {"notification": {"type": "COMPUTE_HOST", "hostname": "failing", "generated_time": "%s",
                 "payload": {"event": "STOPPED", "host_status": "NORMAL", "cluster_status": "OFFLINE"}}}"""
                .formatted(LocalDateTime.now(ZoneOffset.UTC));
    }

    static void awaitMoves(HttpApi api, String notification, java.util.function.IntPredicate succeeded,
                           Duration atMost) {
        await("the recovery under way").atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            int count = 0;
            for (JsonNode m : api.get("/v1/notifications/" + notification + "/vmoves?limit=1000").version("1.3")
                    .send().json().path("vmoves")) {
                count += m.get("status").asText().equals("succeeded") ? 1 : 0;
            }
            return succeeded.test(count);
        });
    }

    static JsonNode awaitEnd(HttpApi api, String notification, Duration atMost) {
        return await("notification " + notification + " ended (see target/crash)").atMost(atMost)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    try {
                        return api.get("/v1/notifications/" + notification).version("1.1").send().json()
                                .get("notification");
                    } catch (RuntimeException e) {
                        return null; // the node is not answering yet
                    }
                }, n -> n != null && NotificationStatus.finalWireNames().contains(n.get("status").asText()));
    }

    /**
     * How a recovery ended: instances not recovered onto a target ({@code lost}), instances Nova evacuated
     * more than once ({@code doubled}), and Nova's evacuation migration records in all.
     */
    record Outcome(String status, int lost, int doubled, int evacuations) {
        boolean clean() {
            return "finished".equals(status) && lost == 0 && doubled == 0;
        }
    }

    Outcome outcome(HttpApi node, String notification, JsonNode done) {
        JsonNode moves = node.get("/v1/notifications/" + notification + "/vmoves?limit=1000").version("1.3").send()
                .json().get("vmoves");
        java.util.Set<String> recovered = new java.util.HashSet<>();
        moves.forEach(m -> {
            if (m.get("status").asText().equals("succeeded") && m.get("dest_host").asText().startsWith("target")) {
                recovered.add(m.get("instance_uuid").asText());
            }
        });
        HttpApi nova = new HttpApi(cloudPort);
        String token = nova.issueToken("admin");
        JsonNode migrations = nova.get("/simulator/compute/v2.1/os-migrations?migration_type=evacuation").anonymous()
                .header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.59").send().json()
                .get("migrations");
        Map<String, Integer> evacuations = new HashMap<>();
        migrations.forEach(m -> evacuations.merge(m.get("instance_uuid").asText(), 1, Integer::sum));
        int doubled = (int) evacuations.values().stream().filter(count -> count > 1).count();
        return new Outcome(done.get("status").asText(), instances - recovered.size(), doubled, migrations.size());
    }

    /**
     * The recovery is complete and was done once: every VM move succeeded onto a target, and Nova holds one
     * evacuation migration record per instance. Returns how many evacuations Nova recorded.
     */
    int assertEveryInstanceEvacuatedOnce(HttpApi node, String notification, JsonNode done) {
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        Outcome outcome = outcome(node, notification, done);
        assertThat(outcome.lost()).as("instances not recovered").isZero();
        assertThat(outcome.doubled()).as("instances evacuated more than once").isZero();
        assertThat(outcome.evacuations()).as("evacuations in Nova").isEqualTo(instances);
        return outcome.evacuations();
    }
}
