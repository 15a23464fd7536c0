package org.instanceha.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with 10,000 notifications and 100,000 VM moves and prints the p95 answer time
 * of the notifications page, a notification's Recovery Progress and the VM Moves page, over HTTP
 * with a logged-in session. Figures, not assertions (docs/performance.md, "Benchmark: dashboard pages"); it
 * asserts only that the pages answer with their rows. Runs on H2 and, in the PostgreSQL pass, there.
 */
@Tag("page-benchmark")
class DashboardPageBenchmarkIT extends ApiIntegrationTest {

    private static final int NOTIFICATIONS = 10_000;
    private static final int MOVES_PER_NOTIFICATION = 10;
    private static final int WARM_UP = 20;
    private static final int SAMPLES = 60;

    @Autowired
    JdbcTemplate jdbcTemplate;

    /**
     * Deletes the 110,000 rows the measurement filled in, without a time limit: the next test's cleanup gives
     * a database time only for what a recovery leaves (on H2 these deletes take longer than that).
     */
    @AfterEach
    void deleteTheVolume() {
        jdbcTemplate.update("DELETE FROM vmoves");
        jdbcTemplate.update("DELETE FROM notifications");
    }

    @Test
    void measuresTheP95OfTheDashboardPagesWithVolume() throws Exception {
        String segment = UUID.randomUUID().toString();
        String host = UUID.randomUUID().toString();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        List<Object[]> notifications = new ArrayList<>();
        List<Object[]> moves = new ArrayList<>();
        String newest = null;
        for (int i = 0; i < NOTIFICATIONS; i++) {
            String uuid = UUID.randomUUID().toString();
            Timestamp at = Timestamp.valueOf(start.plusMinutes(i));
            notifications.add(new Object[] {uuid, at, host, i % 7 == 0 ? "error" : "finished", segment, at});
            for (int m = 0; m < MOVES_PER_NOTIFICATION; m++) {
                moves.add(new Object[] {UUID.randomUUID().toString(), uuid, UUID.randomUUID().toString(), "vm-" + i + "-" + m,
                        "compute4", m % 9 == 0 ? null : "compute1", at, at, m % 9 == 0 ? "failed" : "succeeded",
                        m % 9 == 0 ? "No host has room" : null, at});
            }
            newest = uuid;
        }
        long filling = System.nanoTime();
        jdbcTemplate.batchUpdate("""
                INSERT INTO notifications (notification_uuid, generated_time, source_host_uuid, type, payload, status,
                                           failover_segment_uuid, created_at)
                VALUES (?, ?, ?, 'COMPUTE_HOST', '{"event":"STOPPED"}', ?, ?, ?)""", notifications);
        jdbcTemplate.batchUpdate("""
                INSERT INTO vmoves (uuid, notification_uuid, instance_uuid, instance_name, source_host, dest_host,
                                    start_time, end_time, type, status, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'evacuation', ?, ?, ?)""", moves);
        double fillSeconds = (System.nanoTime() - filling) / 1e9;
        String database = jdbcTemplate.getDataSource().getConnection().getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equals(database)) {
            // Steady state: autovacuum would have analysed tables this size; do not measure stale statistics.
            jdbcTemplate.execute("ANALYZE notifications");
            jdbcTemplate.execute("ANALYZE vmoves");
        }

        HttpClient browser = loggedIn();
        double[] list = p95(browser, "/dashboard/notifications", "notifications");
        double[] detail = p95(browser, "/dashboard/notifications/" + newest + "?tab=progress", "vm-" + (NOTIFICATIONS - 1));
        double[] vmoves = p95(browser, "/dashboard/vmoves", "vm-" + (NOTIFICATIONS - 1) + "-");

        System.out.printf("%nBENCHMARK dashboard pages on %s, %,d notifications and %,d VM moves (filled in %.1f s),"
                        + " %d requests each after %d warm-up:%n  notifications page  p50 %.1f ms  p95 %.1f ms%n"
                        + "  notification detail p50 %.1f ms  p95 %.1f ms%n  VM Moves page       p50 %.1f ms  p95 %.1f ms%n%n",
                database, NOTIFICATIONS, NOTIFICATIONS * MOVES_PER_NOTIFICATION, fillSeconds, SAMPLES, WARM_UP,
                list[0], list[1], detail[0], detail[1], vmoves[0], vmoves[1]);
    }

    private HttpClient loggedIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(url("/dashboard/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(url("/dashboard/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestUsers.ADMIN + "&password="
                        + TestUsers.ADMIN_PASSWORD + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/dashboard/notifications");
        return browser;
    }

    /** p50 and p95 of the answer time of a page, in ms; each answer must be 200 and contain {@code expected}. */
    private double[] p95(HttpClient browser, String path, String expected) throws Exception {
        double[] times = new double[SAMPLES];
        for (int i = -WARM_UP; i < SAMPLES; i++) {
            long started = System.nanoTime();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - started) / 1e6;
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains(expected);
            if (i >= 0) {
                times[i] = ms;
            }
        }
        Arrays.sort(times);
        return new double[] {times[SAMPLES / 2], times[(int) Math.ceil(SAMPLES * 0.95) - 1]};
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
