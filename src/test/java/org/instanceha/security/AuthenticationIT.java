package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code local} mode: HTTP Basic against Camunda's identity service, and the webapps' own login. */
@Tag("local-auth")
class AuthenticationIT extends ApiIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    AdminPasswordSync adminPasswordSync;

    @Test
    void versionDiscoveryAndHealthNeedNoAuthentication() {
        Response root = api.get("/").anonymous().header("Accept", "application/json").send();
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().at("/versions/0/id").asText()).isEqualTo("v1.0");
        assertThat(root.json().at("/versions/0/version").asText()).isEqualTo("1.3");
        assertThat(root.json().at("/versions/0/min_version").asText()).isEqualTo("1.0");
        assertThat(root.json().at("/versions/0/links/0/href").asText()).isEqualTo("http://localhost:" + port + "/v1/");

        Response v1 = api.get("/v1/").anonymous().send();
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.json().at("/version/status").asText()).isEqualTo("CURRENT");
        assertThat(api.get("/v1").anonymous().send().status()).isEqualTo(200);

        Response health = api.get("/actuator/health").anonymous().send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void anonymousCallsAreUnauthorized() {
        Response segments = api.get("/v1/segments").anonymous().send();
        assertThat(segments.status()).isEqualTo(401);
        assertThat(segments.json().at("/unauthorized/code").asInt()).isEqualTo(401);
        assertThat(segments.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.post("/v1/segments", "{}").anonymous().send().status()).isEqualTo(401);
        assertThat(api.get("/v1/p1/segments/x/hosts").anonymous().send().status()).isEqualTo(401);

        assertThat(api.get("/engine-rest/process-definition").anonymous().send().status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        var user = identityService.newUser("typo" + System.nanoTime());
        user.setPassword("right-password");
        identityService.saveUser(user);
        identityService.createMembership(user.getId(), "camunda-admin");

        assertThat(api.get("/v1/segments").as(user.getId(), "right-password").send().status()).isEqualTo(200);
        Response wrong = api.get("/v1/segments").as(user.getId(), "wrong-password").send();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().at("/unauthorized/message").asText()).isNotBlank();
        assertThat(api.get("/engine-rest/process-definition").as(user.getId(), "wrong-password").send().status())
                .isEqualTo(401);
        assertThat(api.get("/v1/segments").as("nobody-" + System.nanoTime(), "x").send().status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsNeverLockOutTheRightOne() {
        for (int i = 0; i < 12; i++) {
            assertThat(api.get("/v1/segments").as(TestUsers.ADMIN, "guess-" + i).send().status()).isEqualTo(401);
        }

        assertThat(api.get("/v1/segments").as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).send().status())
                .as("the right password, at once after twelve wrong ones").isEqualTo(200);
        assertThat(api.get("/engine-rest/process-definition").send().status()).isEqualTo(200);
        assertThat(identityService.checkPassword(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void aStartWithTheConfiguredPasswordLiftsALockAnEarlierVersionLeft() {
        jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = :until WHERE ID_ = :admin")
                .param("until", java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().plusYears(1)))
                .param("admin", TestUsers.ADMIN).update();
        assertThat(api.get("/v1/segments").send().status()).as("locked as an earlier version left it").isEqualTo(401);

        adminPasswordSync.run(null);

        assertThat(api.get("/v1/segments").send().status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = :admin").param("admin", TestUsers.ADMIN)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aUserWithoutARoleOfOursIsForbidden() {
        Response r = api.get("/v1/segments").as(TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD).send();

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/forbidden/code").asInt()).isEqualTo(403);
        assertThat(r.json().at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow os_masakari_api:segments:index to be performed.");
        assertThat(api.post("/v1/segments", """
                {"segment": {"name": "s", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .as(TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD).send().status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM segments").query(Long.class).single()).isZero();
    }

    @Test
    void theAdministratorUsesEngineRest() {
        Response r = api.get("/engine-rest/process-definition").send();

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
    }

    @Test
    void cockpitAndTasklistOpenForTheConfiguredAdministrator() throws Exception {
        for (String app : new String[] {"cockpit", "tasklist"}) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://localhost:" + port + "/camunda";
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                    URI.create(base + "/app/" + app + "/default/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + TestUsers.ADMIN + "&password="
                            + TestUsers.ADMIN_PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).as(app + ": " + login.body()).isEqualTo(200);
            HttpResponse<String> me = browser.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.body()).contains("\"userId\":\"admin\"").contains("\"" + app + "\"");
        }
    }

    @Test
    void cockpitAndTasklistRefuseReadersAndProjectMembers() throws Exception {
        String base = "http://localhost:" + port + "/camunda";
        for (String[] user : new String[][] {{TestUsers.READER, TestUsers.READER_PASSWORD},
                {TestUsers.MEMBER_A, TestUsers.MEMBER_A_PASSWORD}, {TestUsers.MEMBER_B, TestUsers.MEMBER_B_PASSWORD}}) {
            for (String app : new String[] {"cockpit", "tasklist", "admin"}) {
                HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app
                        + "/default/")).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/admin/auth/user/default/login/" + app))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user[0] + "&password=" + user[1]))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).as(user[0] + " into " + app + ": " + login.body()).isEqualTo(403);
            }
        }
    }

    @Test
    void webappLoginRefusesAWrongPassword() throws Exception {
        var user = identityService.newUser("webtypo" + System.nanoTime());
        user.setPassword("right-password");
        identityService.saveUser(user);
        identityService.createMembership(user.getId(), "camunda-admin");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/camunda";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/app/cockpit/default/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user.getId() + "&password=wrong"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(401);
        for (int i = 0; i < 11; i++) {
            assertThat(webappLogin(browser, base, page, user.getId(), "wrong-" + i)).isEqualTo(401);
        }
        assertThat(webappLogin(browser, base, page, user.getId(), "right-password"))
                .as("the right password after twelve wrong ones").isEqualTo(200);
    }

    private static int webappLogin(HttpClient browser, String base, HttpResponse<String> page, String user,
                                   String password) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
