package org.instanceha.nova;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The Compute contract against a real cloud, named by the usual {@code OS_*} variables (for the test
 * bed: {@code eval "$(../shared/openstack/openstack-up.sh env)"}). Without {@code OS_AUTH_URL} it is
 * skipped, and says so. It changes the cloud: it kills a compute host, forces it down and evacuates
 * its servers, then revives it with the test bed's script ({@code INSTANCEHA_TESTBED_SCRIPT}, by
 * default {@code ../shared/openstack/openstack-up.sh}). Never point it at a production cloud.
 */
@EnabledIfEnvironmentVariable(named = "OS_AUTH_URL", matches = ".+", disabledReason = "SKIPPED: OS_AUTH_URL is not set, "
        + "so the Compute contract ran against the simulator only. For a real cloud: "
        + "eval \"$(../shared/openstack/openstack-up.sh env)\" and run the tests again.")
class RealCloudComputeIT extends ComputeContract {

    private static final int PAGE_SIZE = 1;
    private static Compute compute;
    private static Compute reference;
    private static File script;
    /**
     * Hosts this run killed and revived. The test bed's fake driver keeps its instances in memory, so a
     * restarted nova-compute no longer knows the servers left on it: tests that act on a server avoid them.
     */
    private static final Set<String> restarted = new java.util.HashSet<>();

    @BeforeAll
    static void connect() {
        String authUrl = System.getenv("OS_AUTH_URL");
        compute = adapter(authUrl, PAGE_SIZE);
        reference = adapter(authUrl, 1000);
        script = new File(System.getenv().getOrDefault("INSTANCEHA_TESTBED_SCRIPT",
                "../shared/openstack/openstack-up.sh"));
    }

    private static Compute adapter(String authUrl, int pageSize) {
        OpenStackProperties properties = new OpenStackProperties(authUrl, env("OS_USERNAME", "admin"),
                env("OS_PASSWORD", null), env("OS_PROJECT_NAME", "admin"), env("OS_USER_DOMAIN_NAME", "Default"),
                env("OS_PROJECT_DOMAIN_NAME", "Default"), System.getenv("OS_REGION_NAME"),
                env("OS_INTERFACE", "public"), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(5),
                pageSize, 1.0, 1.0);
        KeystoneSession session = new KeystoneSession(properties,
                new StaticListableBeanFactory().getBeanProvider(DefaultCloud.class), Clock.systemUTC());
        return new OpenStack4jCompute(session, properties, new com.fasterxml.jackson.databind.ObjectMapper());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    Compute compute() {
        return compute;
    }

    @Override
    int pageSize() {
        return PAGE_SIZE;
    }

    @Override
    CloudUnderTest cloud() {
        return new CloudUnderTest() {
            @Override
            public String hostWithServers(int count) {
                return reference.hypervisors().stream()
                        .filter(h -> h.up() && h.enabled())
                        .map(HypervisorCapacity::host)
                        .filter(h -> !restarted.contains(h))
                        .filter(h -> reference.serversOnHost(h).stream().filter(s -> "active".equals(s.vmState()))
                                .count() >= count)
                        .max(Comparator.comparingInt(h -> reference.serversOnHost(h).size()))
                        .orElseThrow(() -> new AssertionError("no healthy host with " + count + " servers"));
            }

            @Override
            public Set<String> serverIdsOn(String host) {
                return reference.serversOnHost(host).stream().map(Server::id).collect(Collectors.toSet());
            }

            @Override
            public void killHost(String host) {
                run("fail-host", host);
            }

            @Override
            public void restoreHost(String host) {
                run("revive-host", host);
                restarted.add(host);
            }

            @Override
            public boolean canInjectFaults() {
                return false;
            }

            @Override
            public void failNextRequests(int count, int status) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void hangNextRequest() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void issueTokensLiving(int seconds) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int tokensIssued() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int requestsWithInvalidToken() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration evacuationPatience() {
                return Duration.ofMinutes(4);
            }
        };
    }

    private static void run(String command, String host) {
        Assumptions.assumeTrue(script.canExecute(), "the test bed script " + script + " is needed to " + command);
        try {
            Process process = new ProcessBuilder(script.getPath(), command, host).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(script + " " + command + " " + host + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
