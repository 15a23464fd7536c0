package org.instanceha.recovery.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.instanceha.recovery.planning.FailureTolerance.Domain;
import org.instanceha.recovery.planning.TargetPlanner.Candidate;
import org.instanceha.recovery.planning.TargetPlanner.Instance;
import org.instanceha.segment.RecoveryMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * CPU time of the failure tolerance ({@link FailureTolerance}): N = 1 and 2 over 500 hosts and 10,000 instances
 * (a roomy segment where every set fits, and a tight one where many pairs do not), and N = 1 over the demo cloud.
 * Prints figures, asserts only that the answers are those of the cloud; run by bench/failure-tolerance.sh.
 */
@Tag("planner-benchmark")
class FailureToleranceBenchmarkTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int[][] FLAVORS = {{1, 2048}, {2, 4096}, {4, 8192}, {8, 16384}};

    private record Cloud(List<Domain> domains, Map<String, List<Instance>> instances, List<Candidate> candidates) {
    }

    @Test
    void measuresTheToleranceOfFiveHundredHostsAndOfTheDemoCloud() throws Exception {
        Cloud demo = demoCloud();
        FailureTolerance.of(RecoveryMethod.AUTO, 0, demo.domains(), demo.instances(), demo.candidates());
        long demoCpu = cpu(() -> FailureTolerance.of(RecoveryMethod.AUTO, 0, demo.domains(), demo.instances(),
                demo.candidates()));
        FailureTolerance.Result demoResult = FailureTolerance.of(RecoveryMethod.AUTO, 0, demo.domains(),
                demo.instances(), demo.candidates());
        assertThat(demoResult.tolerated()).isEqualTo(1);

        StringBuilder out = new StringBuilder("\nBENCHMARK failure tolerance (CPU time of one thread)\n");
        out.append(String.format("  demo cloud, N = 1: %d sets, %.2f ms%n", demoResult.sets(), demoCpu / 1e6));
        for (String kind : List.of("roomy", "tight")) {
            Cloud cloud = kind.equals("roomy") ? cloud(500, 20, 65_536, 131_072, 0, 42)
                    : cloud(500, 20, 0, 32_768, 3, 42);
            FailureTolerance.Result[] result = new FailureTolerance.Result[1];
            long ns = cpu(() -> result[0] = FailureTolerance.of(RecoveryMethod.AUTO, 1, cloud.domains(),
                    cloud.instances(), cloud.candidates()));
            out.append(String.format("  500 hosts, 10,000 instances, %s, N up to 2: tolerated %d, %d sets, %.1f s%s%n",
                    kind, result[0].tolerated(), result[0].sets(), ns / 1e9, result[0].worstCase() == null ? ""
                            : ", worst case " + result[0].worstCase().hosts() + " leaves "
                            + result[0].worstCase().missing().size() + " behind"));
        }
        System.out.println(out);
    }

    private static long cpu(Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /**
     * {@code hosts} hosts of 256 vCPUs, each running {@code perHost} instances of random flavors (1 to 8 vCPUs, 2 to
     * 16 GB) with {@code minFreeMb} to {@code maxFreeMb} free; the first {@code bigHosts} also run a 64 GB instance
     * and have 70 GB more free, so that only they can take another's: losing two of three of them leaves one behind.
     */
    private static Cloud cloud(int hosts, int perHost, long minFreeMb, long maxFreeMb, int bigHosts, long seed) {
        Random random = new Random(seed);
        List<Domain> domains = new ArrayList<>();
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String host = String.format("compute%03d", h);
            List<Instance> onHost = new ArrayList<>();
            int vcpus = 0;
            long ram = 0;
            for (int i = 0; i < perHost; i++) {
                int[] flavor = FLAVORS[random.nextInt(FLAVORS.length)];
                onHost.add(new Instance(host + "-vm" + i, host + "-vm" + i, flavor[0], flavor[1], TargetPlanner.PROTECTED));
                vcpus += flavor[0];
                ram += flavor[1];
            }
            long free = minFreeMb + (long) (random.nextDouble() * (maxFreeMb - minFreeMb));
            if (h < bigHosts) {
                onHost.add(new Instance(host + "-big", host + "-big", 16, 65_536, TargetPlanner.PROTECTED));
                vcpus += 16;
                ram += 65_536;
                free += 71_680;
            }
            domains.add(new Domain(host, List.of(host)));
            instances.put(host, onHost);
            candidates.add(new Candidate(host, Math.max(0, 256 - vcpus), free, 0, false, vcpus, ram));
        }
        return new Cloud(domains, instances, candidates);
    }

    /** The demo cloud (the simulator's default seed): its hosts, their free room, their servers. */
    @SuppressWarnings("unchecked")
    private static Cloud demoCloud() throws Exception {
        Map<String, Object> seed;
        try (InputStream in = FailureToleranceBenchmarkTest.class.getResourceAsStream("/simulator/default-cloud.yaml")) {
            seed = new Yaml().load(in);
        }
        Map<String, int[]> flavors = new LinkedHashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) seed.get("flavors")) {
            flavors.put(String.valueOf(f.get("id")), new int[] {(Integer) f.get("vcpus"), (Integer) f.get("ram")});
        }
        Map<String, List<Instance>> instances = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) seed.get("servers")) {
            int[] f = flavors.get(String.valueOf(s.get("flavor")));
            String name = (String) s.get("name");
            instances.computeIfAbsent((String) s.get("host"), h -> new ArrayList<>())
                    .add(new Instance(name, name, f[0], f[1], TargetPlanner.PROTECTED));
        }
        List<Domain> domains = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Map<String, Object> h : (List<Map<String, Object>>) seed.get("hosts")) {
            String host = (String) h.get("name");
            List<Instance> on = instances.getOrDefault(host, List.of());
            int vcpus = on.stream().mapToInt(Instance::vcpus).sum();
            long ram = on.stream().mapToLong(Instance::ramMb).sum();
            domains.add(new Domain(host, List.of(host)));
            if (!Boolean.TRUE.equals(h.get("disabled"))) {
                candidates.add(new Candidate(host, (Integer) h.get("vcpus") - vcpus,
                        ((Integer) h.get("memory_mb")) - ram, 0, false, vcpus, ram));
            }
        }
        return new Cloud(domains, instances, candidates);
    }
}
