package org.instanceha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The files operators deploy next to the engine: the Prometheus alert rules pass {@code promtool check
 * rules} and their own unit tests ({@code promtool test rules}, Debian's {@code prometheus} package; .ci/run
 * installs it), and the Grafana dashboard is valid JSON whose every panel asks Prometheus something.
 * RecoveryMetricsIT checks that every metric both use is served.
 */
public class DeployFilesTest {

    static final Path RULES = Path.of("deploy/prometheus/instanceha-alerts.yml");
    static final Path RULE_TESTS = Path.of("deploy/prometheus/instanceha-alerts.test.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/instanceha-dashboard.json");

    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(Path.of("deploy/prometheus").toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed: apt-get install prometheus (see .ci/run)", e);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    @Test
    void theAlertRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
        assertThat(promtool("check", "rules", RULES.getFileName().toString())).contains("SUCCESS: 12 rules found");
        assertThat(promtool("test", "rules", RULE_TESTS.getFileName().toString())).contains("SUCCESS");
    }

    @Test
    void theGrafanaDashboardAsksPrometheusInEveryPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.get("uid").asText()).isEqualTo("instanceha");
        int queried = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("expr").asText()).as(panel.get("title").asText()).contains("instanceha_");
                queried++;
            }
        }
        assertThat(queried).isGreaterThanOrEqualTo(15);
    }

    /** Every instanceha_ metric name the rules and the dashboard use. */
    public static java.util.Set<String> metricNamesUsed() throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Path file : List.of(RULES, DASHBOARD)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("instanceha_[a-z_]+")
                    .matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }
}
