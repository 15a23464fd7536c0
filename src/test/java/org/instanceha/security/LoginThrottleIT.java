package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Password guessing is slowed per user and address and per address: tries beyond the free ones wait, tries that
 * crowd in are answered 429 unchecked; the right password is never refused for long, and other users and
 * addresses go on as before. The test profile gives 50 free tries over 10 s (then one every 200 ms) and lets two
 * tries of a key wait at once, so that a crowd of thirty finds some answered 429 however slow the machine.
 */
@Tag("local-auth")
class LoginThrottleIT extends ApiIntegrationTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    LoginThrottleProperties throttle;

    private static final int CROWD = 30;

    private String aUser() {
        String id = "guessed" + System.nanoTime();
        var user = identityService.newUser(id);
        user.setPassword("the-right-password");
        identityService.saveUser(user);
        identityService.createMembership(id, "camunda-admin");
        return id;
    }

    private static <T> List<T> atOnce(int tries, java.util.function.Supplier<T> aTry) {
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            List<CompletableFuture<T>> answers = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                answers.add(CompletableFuture.supplyAsync(aTry, pool));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private double throttled(String how) {
        var counter = meters.find("instanceha_login_tries_throttled_total").tag("how", how).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void guessesThatCrowdInAreRefusedUncheckedAndTheRightPasswordStillGetsIn() {
        String user = aUser();
        double refusedBefore = throttled("refused");
        // The free tries at once: spent sequentially on a slow machine, the bucket would refill meanwhile.
        assertThat(atOnce(throttle.freeTries(), () -> api.get("/v1/segments").as(user, "guess").send().status()))
                .containsOnly(401);

        List<Response> crowd = atOnce(CROWD, () -> api.get("/v1/segments").as(user, "guess").send());

        assertThat(crowd).extracting(Response::status).as("at most two wait their turn and are checked")
                .contains(429).contains(401).containsOnly(401, 429);
        assertThat(crowd).filteredOn(r -> r.status() == 429).allSatisfy(refused -> {
            assertThat(refused.header("Retry-After")).matches("[0-9]+");
            assertThat(refused.json().at("/overLimit/message").asText()).contains("Too many wrong passwords");
        });
        assertThat(throttled("refused")).isGreaterThan(refusedBefore);
        assertThat(api.get("/v1/segments").as(user, "the-right-password").send().status())
                .as("the right password, once the crowd is answered").isEqualTo(200);
        assertThat(api.get("/v1/segments").as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).send().status())
                .as("another user from the same address").isEqualTo(200);
    }

    @Test
    void anotherAddressIsNotSlowedByThisOnesGuesses() throws IOException {
        String user = aUser();
        // The free tries at once: spent sequentially on a slow machine, the bucket would refill meanwhile.
        assertThat(atOnce(throttle.freeTries(), () -> api.get("/engine-rest/process-definition").as(user, "guess")
                .send().status())).containsOnly(401);
        assertThat(atOnce(CROWD, () -> api.get("/engine-rest/process-definition").as(user, "guess").send().status()))
                .as("engine-rest's own password check is slowed too").contains(429);

        String answer = getFrom("127.0.0.2", "/v1/segments", user, "guess");

        assertThat(answer).as("a wrong password from another address is checked at once").startsWith("HTTP/1.1 401");
        assertThat(getFrom("127.0.0.2", "/v1/segments", user, "the-right-password")).startsWith("HTTP/1.1 200");
    }

    @Test
    void theCamundaLoginIsSlowedAndTheDashboardSaysWhenToTryAgain() throws Exception {
        String user = aUser();
        // The free tries at once: spent sequentially on a slow machine, the bucket would refill meanwhile.
        assertThat(atOnce(throttle.freeTries(), () -> camundaLogin(user, "guess"))).containsOnly(401);
        assertThat(atOnce(CROWD, () -> camundaLogin(user, "guess"))).as("Cockpit's login").contains(429);

        String other = aUser();
        assertThat(atOnce(throttle.freeTries(), () -> dashboardLogin(other, "guess")))
                .allSatisfy(location -> assertThat(location).endsWith("/dashboard/login?error"));
        List<String> crowd = atOnce(CROWD, () -> dashboardLogin(other, "guess"));
        assertThat(crowd).anySatisfy(location -> assertThat(location).matches(".*/dashboard/login\\?throttled=[0-9]+"));
        assertThat(new org.instanceha.DashboardBrowser(port).get("/dashboard/login?throttled=7").body())
                .contains("try again in 7 s");
    }

    /** Where the dashboard's login sends a browser after this try. */
    private String dashboardLogin(String user, String password) {
        try {
            var browser = new org.instanceha.DashboardBrowser(port);
            var answer = browser.post("/dashboard/login", "username=" + user + "&password=" + password + "&_csrf="
                    + browser.csrf("/dashboard/login"));
            return answer.headers().firstValue("Location").orElse(answer.statusCode() + "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status of a login to Cockpit, as its page sends it. */
    private int camundaLogin(String user, String password) {
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://localhost:" + port + "/camunda";
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/app/cockpit/default/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return browser.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET sent from a local address of our choice (the whole of 127/8 is this machine). */
    private String getFrom(String address, String path, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + basic + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
