package org.instanceha.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.DashboardBrowser;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Test;

/** Who may see the dashboard, CSRF on its forms, and the API's rules behind its forms, over plain HTTP. */
class DashboardAccessIT extends ApiIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.segment.BmcCredentials credentials;
    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.segment.HostRepository hostRows;

    @Test
    void anonymousVisitorsAreSentToTheLoginAndBrowsersAtTheRootToTheDashboard() throws Exception {
        DashboardBrowser anonymous = new DashboardBrowser(port);

        HttpResponse<String> page = anonymous.get("/dashboard/vmoves");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/login");
        HttpResponse<String> root = anonymous.http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/")).header("Accept", "text/html,application/xhtml+xml")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/");
    }

    @Test
    void pagesSendAContentSecurityPolicyAndTheSessionCookieIsSameSite() throws Exception {
        DashboardBrowser anonymous = new DashboardBrowser(port);
        HttpResponse<String> login = anonymous.get("/dashboard/login");

        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
        HttpResponse<String> loggedIn = anonymous.post("/dashboard/login", "username=" + TestUsers.ADMIN
                + "&password=" + TestUsers.ADMIN_PASSWORD + "&_csrf=" + anonymous.csrf("/dashboard/login"));
        assertThat(loggedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly")
                        .as("plain HTTP: TlsIT shows Secure over TLS").doesNotContain("Secure"));
        assertThat(anonymous.get("/dashboard/notifications").headers().firstValue("Content-Security-Policy"))
                .isPresent();
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() throws Exception {
        // Project members of the local mode have the v1 API's project view only; the dashboard's is Keystone's.
        for (String[] user : new String[][] {{TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD},
                {TestUsers.MEMBER_A, TestUsers.MEMBER_A_PASSWORD}, {TestUsers.MEMBER_B, TestUsers.MEMBER_B_PASSWORD}}) {
            DashboardBrowser browser = new DashboardBrowser(port).logIn(user[0], user[1]);
            for (String page : new String[] {"/dashboard/notifications", "/dashboard/vmoves", "/dashboard/segments",
                    "/dashboard/my-instances"}) {
                HttpResponse<String> answer = browser.get(page);
                assertThat(answer.statusCode()).as(user[0] + " " + page).isEqualTo(403);
                assertThat(answer.body()).contains("may not use the dashboard");
            }
        }
    }

    @Test
    void malformedIdsAndFiltersGetTheDashboardsOwnNotFoundOrBadRequestPage() throws Exception {
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send()
                .json().at("/segment/uuid").asText();

        for (String path : new String[] {"/dashboard/segments/not-a-uuid", "/dashboard/notifications/not-a-uuid",
                "/dashboard/segments/" + segment + "/hosts/not-a-uuid", "/dashboard/notifications/x/progress"}) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("id=\"problem\"").contains("Not found");
        }
        for (String path : new String[] {"/dashboard/notifications?status=x", "/dashboard/notifications?type=DISK",
                "/dashboard/notifications?after=abc"}) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("id=\"problem\"").contains("Bad request")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void formsNeedTheirCsrfTokenAndFollowTheApisRules() throws Exception {
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(admin.get("/dashboard/notifications").statusCode()).isEqualTo(200);

        assertThat(admin.post("/dashboard/segments", "name=forged&recoveryMethod=auto&serviceType=COMPUTE")
                .statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM segments").query(Long.class).single()).isZero();

        String token = admin.csrf("/dashboard/segments");
        HttpResponse<String> created = admin.post("/dashboard/segments",
                "name=seg1&recoveryMethod=auto&serviceType=COMPUTE&enabled=true&_csrf=" + token);
        assertThat(created.statusCode()).isEqualTo(302);
        String segmentPage = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(admin.get(segmentPage).body()).contains("Segment seg1 created.");
        assertThat(admin.submit("/dashboard/segments", "name=seg1&recoveryMethod=auto&serviceType=COMPUTE&_csrf=" + token))
                .contains("Failover segment with name seg1 already exists.");
        assertThat(admin.submit("/dashboard/segments", "name=+lead&recoveryMethod=auto&serviceType=COMPUTE&_csrf=" + token))
                .contains("Can not start or end with whitespace");

        assertThat(admin.submit(segmentPage + "/hosts", "name=compute1&type=COMPUTE&controlAttributes=SSH&priority=0&_csrf="
                + token)).contains("Host compute1 added.");
        assertThat(admin.submit(segmentPage + "/hosts", "name=compute9&type=COMPUTE&controlAttributes=SSH&priority=0&_csrf="
                + token)).contains("Compute service with name compute9 could not be found.");
        String host = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute1' AND deleted = 0").query(String.class).single();
        assertThat(admin.submit(segmentPage + "/hosts/" + host,
                "name=compute1&type=COMPUTE&controlAttributes=IPMI&priority=5&reserved=true&_csrf=" + token))
                .contains("Host compute1 saved.");
        assertThat(jdbc.sql("SELECT priority FROM hosts WHERE uuid = :u").param("u", host).query(Integer.class).single())
                .isEqualTo(5);
        jdbc.sql("UPDATE hosts SET on_maintenance = TRUE").update();
        assertThat(admin.submit(segmentPage + "/hosts/" + host + "/clear-maintenance", "_csrf=" + token))
                .contains("Maintenance cleared.");
        assertThat(jdbc.sql("SELECT on_maintenance FROM hosts WHERE uuid = :u").param("u", host).query(Boolean.class)
                .single()).isFalse();
    }

    @Test
    void aReaderSeesEveryPageWithoutItsFormsOrTheBmcsAndChangesNothing() throws Exception {
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg-read", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        novaHasComputeHosts("compute4");
        String bmc = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree("""
                {"protocol": "redfish", "host": "10.0.0.24", "username": "root", "password": "x", "verify_tls": false}""")
                .toString();
        String host = api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "compute4", "type": "COMPUTE", "control_attributes": %s}}""".formatted(bmc))
                .send().json().at("/host/uuid").asText();
        DashboardBrowser reader = new DashboardBrowser(port).logIn(TestUsers.READER, TestUsers.READER_PASSWORD);
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        for (String page : List.of("/dashboard/notifications", "/dashboard/vmoves", "/dashboard/hosts",
                "/dashboard/segments", "/dashboard/segments/" + segment, "/dashboard/segments/" + segment + "/plan",
                "/dashboard/segments/" + segment + "/hosts/" + host)) {
            HttpResponse<String> answer = reader.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).doesNotContain("10.0.0.24").doesNotContain("method=\"post\" class=\"card")
                    .doesNotContain("class=\"danger\"");
        }
        assertThat(reader.get("/dashboard/segments/" + segment).body()).contains("compute4")
                .contains("(shown to administrators)");
        assertThat(admin.get("/dashboard/segments/" + segment).body()).contains("redfish root@10.0.0.24:443")
                .contains("id=\"delete-segment\"");
        // The reader's session has a CSRF token (logout), but a change is the administrators'.
        HttpResponse<String> refused = reader.post("/dashboard/segments/" + segment + "/delete", "_csrf="
                + reader.csrf("/dashboard/segments"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.get("/v1/segments/" + segment).send().status()).isEqualTo(200);
    }

    @Test
    void aHostsBmcShowsOnItsPagesWithoutItsPasswordAndSavingKeepsIt() throws Exception {
        String secret = "Bmc-Pa55-" + java.util.UUID.randomUUID();
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg-bmc", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        novaHasComputeHosts("compute4");
        String bmc = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree("""
                {"protocol": "redfish", "host": "10.0.0.24", "username": "root", "password": "%s", "verify_tls": false}"""
                .formatted(secret)).toString();
        String host = api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "compute4", "type": "COMPUTE", "control_attributes": %s}}""".formatted(bmc))
                .send().json().at("/host/uuid").asText();
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        String segmentPage = admin.get("/dashboard/segments/" + segment).body();
        String hostPage = admin.get("/dashboard/segments/" + segment + "/hosts/" + host).body();

        assertThat(segmentPage).contains("redfish root@10.0.0.24:443").doesNotContain(secret);
        assertThat(hostPage).contains("redfish root@10.0.0.24:443").doesNotContain(secret);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("name=\"controlAttributes\" value=\"([^\"]*)\"")
                .matcher(hostPage);
        assertThat(shown.find()).isTrue();
        String masked = org.springframework.web.util.HtmlUtils.htmlUnescape(shown.group(1));
        String token = admin.csrf("/dashboard/segments/" + segment + "/hosts/" + host);
        assertThat(admin.submit("/dashboard/segments/" + segment + "/hosts/" + host, "name=compute4&type=COMPUTE"
                + "&controlAttributes=" + java.net.URLEncoder.encode(masked, java.nio.charset.StandardCharsets.UTF_8)
                + "&priority=0&_csrf=" + token)).contains("Host compute4 saved.");
        String stored = jdbc.sql("SELECT control_attributes FROM hosts WHERE uuid = :u").param("u", host)
                .query(String.class).single();
        assertThat(credentials.of(hostRows.findByUuid(host).orElseThrow()).orElseThrow().password()).isEqualTo(secret);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.simulator.SimulatedBmcs bmcs;

    /** A host of segment "seg-test" with a Redfish BMC of the simulator on this port with this password. */
    private String hostWithBmc(String segment, String name, int bmcPort, String password) {
        novaHasComputeHosts(name);
        String bmc = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree("""
                {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin", "password": "%s",
                 "systems_uri": "/redfish/v1/Systems/%s", "verify_tls": false}""".formatted(bmcPort, password, name))
                .toString();
        return api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": %s}}""".formatted(name, bmc))
                .send().json().at("/host/uuid").asText();
    }

    @Test
    void theHostPagesTestButtonSaysWhatTheBmcAnswersAndTheSegmentPageWhichHostsAreFenceable() throws Exception {
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg-test", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        String good = hostWithBmc(segment, "compute1", bmcs.port(), "test-bmc-password");
        String wrong = hostWithBmc(segment, "compute2", bmcs.port(), "Wrong-Pa55");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String silent = hostWithBmc(segment, "compute3", closed, "test-bmc-password");
        novaHasComputeHosts("compute4");
        api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "compute4", "type": "COMPUTE", "control_attributes": "SSH"}}""").send();
        cloud.setPower("compute1", false);
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String token = admin.csrf("/dashboard/segments/" + segment + "/hosts/" + good);

        assertThat(admin.submit("/dashboard/segments/" + segment + "/hosts/" + good + "/test-bmc", "_csrf=" + token))
                .contains("BMC test: Off").contains("compute1 is powered off");
        assertThat(cloud.findHost("compute1").orElseThrow().poweredOn()).as("a test switches nothing").isFalse();
        assertThat(admin.submit("/dashboard/segments/" + segment + "/hosts/" + wrong + "/test-bmc", "_csrf=" + token))
                .contains("BMC test: wrong credentials").doesNotContain("Wrong-Pa55");
        long start = System.nanoTime();
        assertThat(admin.submit("/dashboard/segments/" + segment + "/hosts/" + silent + "/test-bmc", "_csrf=" + token))
                .contains("BMC test: no answer");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        String segmentPage = admin.get("/dashboard/segments/" + segment).body();
        assertThat(segmentPage.split("fenceable</span>", -1)).as("three hosts of four are fenceable").hasSize(4);
    }

    @Test
    void novaComputeHostsInNoSegmentAreOfferedAndSeveralAreAddedAtOnceWithTheirFlagsAndBmc() throws Exception {
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg-wizard", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        novaHasComputeHosts("compute1", "compute2", "compute3", "compute4");
        api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "compute4", "type": "COMPUTE", "control_attributes": "SSH"}}""").send();
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String page = admin.get("/dashboard/segments/" + segment).body();
        assertThat(page).contains("data-host=\"compute1\"", "data-host=\"compute2\"", "data-host=\"compute3\"")
                .as("compute4 is in a segment already").doesNotContain("name=\"add.compute4\"");
        String secret = "Wizard-Pa55-" + java.util.UUID.randomUUID();
        String token = admin.csrf("/dashboard/segments/" + segment);

        String after = admin.submit("/dashboard/segments/" + segment + "/add-hosts", String.join("&",
                "add.compute1=true", "protocol.compute1=redfish", "bmcHost.compute1=10.0.0.21", "username.compute1=root",
                "password.compute1=" + secret, "insecure.compute1=true",
                "systems.compute1=/redfish/v1/Systems/compute1", "management.compute1=10.0.1.21:22",
                "add.compute2=true", "reserved.compute2=true", "maintenance.compute2=true", "protocol.compute2=none",
                "add.compute3=true", "protocol.compute3=ipmi", "bmcHost.compute3=10.0.0.23", "password.compute3=x",
                "_csrf=" + token));

        assertThat(after).contains("Added compute1, compute2 (2 host(s)).")
                .contains("Not added: compute3: ").contains("username").doesNotContain(secret)
                .doesNotContain("name=\"add.compute1\"");
        assertThat(jdbc.sql("SELECT reserved, on_maintenance FROM hosts WHERE name = 'compute2' AND deleted = 0")
                .query((rs, i) -> rs.getBoolean(1) && rs.getBoolean(2)).single()).isTrue();
        String stored = jdbc.sql("SELECT control_attributes FROM hosts WHERE name = 'compute1' AND deleted = 0")
                .query(String.class).single();
        assertThat(stored).contains("\"protocol\":\"redfish\"", "\"verify_tls\":false", "sealed:v2:",
                        "\"systems_uri\":\"/redfish/v1/Systems/compute1\"", "\"management_address\":\"10.0.1.21:22\"")
                .doesNotContain(secret);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hosts WHERE name = 'compute3' AND deleted = 0").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aFencingRecoveryShowsItsEvidenceOnTheNotificationsPagesAndNeverTheBmcPassword() throws Exception {
        String password = "test-bmc-password";
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg-fenced", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        for (String name : java.util.List.of("compute1", "compute2", "compute3")) {
            novaHasComputeHosts(name);
            api.post("/v1/segments/" + segment + "/hosts", """
                    {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": "SSH"}}""".formatted(name)).send();
        }
        String host = hostWithBmc(segment, "compute4", bmcs.port(), password);
        cloud.failHost("compute4");
        String notification = api.post("/v1/notifications", """
                {"notification": {"type": "COMPUTE_HOST", "hostname": "compute4", "generated_time": "%s",
                 "payload": {"event": "STOPPED", "host_status": "UNKNOWN"}}}""".formatted(
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))).send().json()
                .at("/notification/notification_uuid").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> api.get(
                "/v1/notifications/" + notification).send().json().at("/notification/status").asText()
                .equals("finished"));
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        StringBuilder pages = new StringBuilder();
        for (String path : java.util.List.of("/dashboard/notifications/" + notification,
                "/dashboard/notifications/" + notification + "?tab=progress",
                "/dashboard/notifications/" + notification + "/progress", "/dashboard/notifications",
                "/dashboard/segments/" + segment, "/dashboard/segments/" + segment + "/hosts/" + host,
                "/dashboard/vmoves")) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            pages.append(page.body());
        }
        assertThat(pages).contains("Host compute4 fenced: its BMC (redfish admin@127.0.0.1:" + bmcs.port()
                + ") answered Off").doesNotContain(password);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.detection.HostMonitor monitor;

    /** A segment of that name with compute1..4, none with a BMC; returns its uuid. */
    private String segmentOfFourHostsWithoutBmc(String name) {
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "%s", "recovery_method": "auto", "service_type": "COMPUTE"}}""".formatted(name))
                .send().json().at("/segment/uuid").asText();
        for (String host : java.util.List.of("compute1", "compute2", "compute3", "compute4")) {
            novaHasComputeHosts(host);
            api.post("/v1/segments/" + segment + "/hosts", """
                    {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": "SSH"}}""".formatted(host)).send();
        }
        return segment;
    }

    @Test
    void theHostsPageShowsWhatTheHostMonitorSeesOfEachHost() throws Exception {
        String segment = segmentOfFourHostsWithoutBmc("seg-watched");
        cloud.failHost("compute4");
        long end = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            monitor.cycle();
            Thread.sleep(300);
        }
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        String page = admin.get("/dashboard/hosts").body();

        assertThat(page).contains("data-host=\"compute4\" data-verdict=\"not protectable\"")
                .contains("cannot be protected until it has a BMC")
                .contains("data-host=\"compute1\" data-verdict=\"healthy\"")
                .contains("mode <strong>report</strong>").contains("<td class=\"bmc\">not read yet</td>");
        assertThat(new DashboardBrowser(port).get("/dashboard/hosts").statusCode()).as("anonymous").isEqualTo(302);
        String compute4 = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute4' AND deleted = 0").query(String.class)
                .single();
        assertThat(admin.get("/dashboard/segments/" + segment + "/hosts/" + compute4).body())
                .contains("id=\"host-not-protectable\"").contains("until it has a BMC");
    }

    @org.springframework.beans.factory.annotation.Autowired
    HostFailureSimulation simulation;

    @Test
    void theDemosFailureButtonsReportNothingAndTheHostMonitorNoticesEach() throws Exception {
        String segment = api.post("/v1/segments", """
                {"segment": {"name": "seg-demo", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();
        java.util.Map<String, String> uuids = new java.util.HashMap<>();
        for (String name : java.util.List.of("compute1", "compute2", "compute3", "compute4")) {
            novaHasComputeHosts(name);
            String bmc = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree("""
                    {"protocol": "redfish", "host": "127.0.0.1", "port": %d, "username": "admin",
                     "password": "test-bmc-password", "systems_uri": "/redfish/v1/Systems/%s", "verify_tls": false,
                     "management_address": "%s"}""".formatted(bmcs.port(), name, simulation.managementAddress(name)))
                    .toString();
            uuids.put(name, api.post("/v1/segments/" + segment + "/hosts", """
                    {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": %s}}""".formatted(name, bmc))
                    .send().json().at("/host/uuid").asText());
        }
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String token = admin.csrf("/dashboard/segments/" + segment);
        monitor.cycle();
        assertThat(admin.get("/dashboard/hosts").body()).as("every BMC read in the first cycle")
                .containsPattern("<td class=\"bmc\">on \\(20[0-9-]+T");

        assertThat(admin.submit("/dashboard/segments/" + segment + "/hosts/" + uuids.get("compute4")
                + "/simulate/cut-power", "_csrf=" + token)).contains("The power of compute4 is cut")
                .contains("Nothing was reported");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications").query(Long.class).single()).isZero();
        Thread.sleep(300);
        monitor.cycle();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications").query(Long.class).single())
                .as("a power loss is reported by the next cycle: its management address went silent, its BMC says Off")
                .isEqualTo(1);
        assertThat(admin.submit("/dashboard/segments/" + segment + "/hosts/" + uuids.get("compute3")
                + "/simulate/stop-nova-compute", "_csrf=" + token)).contains("The nova-compute of compute3 stopped");
        long end = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            monitor.cycle();
            Thread.sleep(300);
        }

        assertThat(jdbc.sql("SELECT h.name || ' ' || n.type || ' ' || n.payload FROM notifications n JOIN hosts h ON "
                + "h.uuid = n.source_host_uuid ORDER BY h.name")
                .query(String.class).list()).satisfiesExactly(
                        n -> assertThat(n).startsWith("compute3 PROCESS").contains("nova-compute"),
                        n -> assertThat(n).startsWith("compute4 COMPUTE_HOST").contains("\"host_status\":\"NORMAL\""));
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM hosts WHERE "
                + "on_maintenance").query(Long.class).single() == 2);
        monitor.cycle();
        assertThat(admin.get("/dashboard/hosts").body()).as("on maintenance since their reports: watched no more")
                .contains("data-host=\"compute1\" data-verdict=\"healthy\"").doesNotContain("data-host=\"compute4\"")
                .doesNotContain("data-host=\"compute3\"");
    }

    @Test
    void thePlanAndTheRecoveryProgressShowEachInstancesRestartTier() throws Exception {
        String segment = segmentOfFourHostsWithoutBmc("seg-tiers");
        cloud.addServer("db-1", "compute4", "1", "demo", java.util.Map.of("instanceha:priority", "1"));
        DashboardBrowser admin = new DashboardBrowser(port).logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        assertThat(admin.get("/dashboard/segments/" + segment + "/plan").body())
                .containsPattern("data-instance=\"db-1\">\\s*<td>db-1</td><td class=\"tier\"[^>]*>1</td>")
                .containsPattern("id=\"tolerated\" class=\"ok\">at least 2</strong>")
                .contains("id=\"failures-to-tolerate\">1</strong>", "(met)");
        String page = "/dashboard/segments/" + segment;
        assertThat(admin.submit(page + "/policy", "returnToService=auto&failuresToTolerate=9&failureDomain=host&_csrf="
                + admin.csrf(page))).as("a forged value outside the form's choices")
                .contains("9 is greater than the maximum of 3").contains("id=\"policy-tolerate\">1</strong>");
        assertThat(admin.submit(page + "/policy", "returnToService=auto&failuresToTolerate=2&failureDomain=host&_csrf="
                + admin.csrf(page))).contains("Policy saved.").contains("id=\"policy-tolerate\">2</strong>")
                .contains("id=\"policy-storage\">shared</strong>").contains("local_ephemeral: ask")
                .contains("not_evacuable: skip");
        String notification = api.post("/v1/notifications", """
                {"notification": {"type": "COMPUTE_HOST", "hostname": "compute4", "generated_time": "%s",
                 "payload": {"event": "STOPPED", "host_status": "NORMAL"}}}""".formatted(
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))).send().json()
                .at("/notification/notification_uuid").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> api.get(
                "/v1/notifications/" + notification).send().json().at("/notification/status").asText()
                .equals("finished"));

        String progress = admin.get("/dashboard/notifications/" + notification + "/progress").body();
        assertThat(progress).contains("<th>Tier</th>")
                .containsPattern("<td>db-1</td>\\s*<td class=\"tier\"[^>]*>1</td>")
                .containsPattern("<td>vm10</td>\\s*<td class=\"tier\"[^>]*>3</td>");
    }
}
