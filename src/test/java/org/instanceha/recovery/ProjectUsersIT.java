package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.HttpApi.Response;
import org.instanceha.TestUsers;
import org.instanceha.masakari.PolicyRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Project users: a host with instances of two projects (demo, "A", and alt, "B") and three restart priorities
 * fails. The administrator sees it all; the reader reads it all but BMC details and writes nothing; a member
 * of A follows A's instances and sees nothing of B's, and the other way round. Runs with HTTP Basic against
 * Camunda groups (local mode) and again with the simulator's Keystone tokens (keystone pass).
 */
class ProjectUsersIT extends RecoveryApiSupport {

    private record Caller(String name, String user, String password) {
    }

    private static final Caller ADMIN = new Caller("admin", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    private static final Caller READER = new Caller("reader", TestUsers.READER, TestUsers.READER_PASSWORD);
    private static final Caller MEMBER_A = new Caller("member of A", TestUsers.MEMBER_A, TestUsers.MEMBER_A_PASSWORD);
    private static final Caller MEMBER_B = new Caller("member of B", TestUsers.MEMBER_B, TestUsers.MEMBER_B_PASSWORD);

    /** The rules each caller may use under the default policy: the test's own statement of the defaults. */
    private static final Map<Caller, Set<String>> ALLOWED = Map.of(
            READER, Set.of("os_masakari_api:versions:index", "os_masakari_api:segments:index",
                    "os_masakari_api:segments:detail", "instanceha:segments:recovery_plan",
                    "instanceha:segments:policy:detail",
                    "os_masakari_api:os-hosts:index", "os_masakari_api:os-hosts:detail",
                    "os_masakari_api:notifications:index", "os_masakari_api:notifications:detail",
                    "os_masakari_api:vmoves:index", "os_masakari_api:vmoves:detail"),
            MEMBER_A, Set.of("os_masakari_api:versions:index", "os_masakari_api:segments:index",
                    "os_masakari_api:segments:detail", "os_masakari_api:notifications:index",
                    "os_masakari_api:notifications:detail", "os_masakari_api:vmoves:index",
                    "os_masakari_api:vmoves:detail"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Failure(String segment, String host, String notification, List<String> serversOfA,
                           List<String> serversOfB) {
    }

    /** compute4 with vm10..12 (A, priority 3), A's a-db (1) and B's b-db (1), b-app (2) and b-batch (5) fails. */
    private Failure aHostOfTwoProjectsFails() {
        String segment = segment("auto", true);
        var aDb = cloud.addServer("a-db", "compute4", "1", "demo", Map.of("HA_Enabled", "True",
                "instanceha:priority", "1"));
        var bDb = cloud.addServer("b-db", "compute4", "1", "alt", Map.of("HA_Enabled", "True",
                "instanceha:priority", "1"));
        var bApp = cloud.addServer("b-app", "compute4", "1", "alt", Map.of("instanceha:priority", "2"));
        var bBatch = cloud.addServer("b-batch", "compute4", "1", "alt", Map.of("instanceha:priority", "5"));
        String host = api.get("/v1/segments/" + segment + "/hosts?name=compute4").send().json().get("hosts")
                .findValuesAsText("uuid").stream().findFirst().orElseThrow();
        String notification = hostFails("compute4");
        JsonNode done = awaitEnd(notification);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("finished");
        List<String> a = new ArrayList<>(List.of(aDb.id(), aDb.name()));
        for (String name : List.of("vm10", "vm11", "vm12")) {
            a.add(name);
        }
        return new Failure(segment, host, notification, a,
                List.of(bDb.id(), bDb.name(), bApp.id(), bApp.name(), bBatch.id(), bBatch.name()));
    }

    private Response get(Caller caller, String path) {
        return api.get(path).as(caller.user(), caller.password()).version("1.3").send();
    }

    @Test
    void eachProjectFollowsOnlyItsOwnInstancesRecoveryTierByTier() {
        Failure failure = aHostOfTwoProjectsFails();

        // Tier by tier, whichever project: every move of an earlier tier settled before a later tier's started.
        record Move(String name, int priority, Timestamp start, Timestamp settled) {
        }
        List<Move> moves = jdbc.sql("""
                SELECT v.instance_name, t.priority, v.start_time, v.evacuation_settled_at FROM vmoves v
                JOIN restart_tiers t ON t.notification_uuid = v.notification_uuid AND t.instance_uuid = v.instance_uuid
                WHERE v.notification_uuid = :n AND v.status = 'succeeded'""").param("n", failure.notification())
                .query((rs, i) -> new Move(rs.getString(1), rs.getInt(2), rs.getTimestamp(3), rs.getTimestamp(4)))
                .list();
        assertThat(moves).extracting(Move::name).containsExactlyInAnyOrder("a-db", "b-db", "b-app", "b-batch",
                "vm10", "vm11", "vm12");
        assertThat(moves).extracting(Move::priority).contains(1, 2, 3, 5);
        for (Move earlier : moves) {
            for (Move later : moves) {
                if (earlier.priority() < later.priority()) {
                    assertThat(later.start()).as("%s (%d) after %s (%d)", later.name(), later.priority(),
                            earlier.name(), earlier.priority()).isAfterOrEqualTo(earlier.settled());
                }
            }
        }

        for (var member : List.of(MEMBER_A, MEMBER_B)) {
            List<String> own = member == MEMBER_A ? failure.serversOfA() : failure.serversOfB();
            List<String> others = member == MEMBER_A ? failure.serversOfB() : failure.serversOfA();
            Response list = get(member, "/v1/notifications");
            assertThat(list.status()).as(member.name() + ": " + list).isEqualTo(200);
            assertThat(list.json().get("notifications").findValuesAsText("notification_uuid"))
                    .containsExactly(failure.notification());
            Response detail = get(member, "/v1/notifications/" + failure.notification());
            assertThat(detail.json().at("/notification/recovery_workflow_details").isMissingNode())
                    .as("the workflow's messages name every project's instances").isTrue();
            Response vmoves = get(member, "/v1/notifications/" + failure.notification() + "/vmoves");
            assertThat(vmoves.json().get("vmoves").findValuesAsText("instance_name"))
                    .containsExactlyInAnyOrderElementsOf(own.stream().filter(s -> !s.matches("[0-9a-f-]{36}"))
                            .toList());
            for (Response r : List.of(list, detail, vmoves)) {
                for (String other : others) {
                    assertThat(mentions(r.text(), other)).as(member.name() + " sees nothing of the other project: "
                            + other + " in " + r.text()).isFalse();
                }
            }
            // Another project's move by its id: not found, as a move that does not exist.
            String othersMove = jdbc.sql("SELECT uuid FROM vmoves WHERE notification_uuid = :n AND instance_name = :i")
                    .param("n", failure.notification()).param("i", member == MEMBER_A ? "b-db" : "a-db")
                    .query(String.class).single();
            Response foreign = get(member, "/v1/notifications/" + failure.notification() + "/vmoves/" + othersMove);
            assertFault(foreign, 404, "itemNotFound", "No vm move with id " + othersMove + ".");
        }
    }

    /**
     * The dashboard's "My instances" (keystone mode): each member logs in with their OpenStack password and
     * follows their own instances' evacuations, and sees nothing of the other project's. In local mode there
     * is no project login.
     */
    @Test
    void eachMemberFollowsItsInstancesRecoveryOnTheDashboard() throws Exception {
        if (!org.instanceha.HttpApi.KEYSTONE) {
            var browser = new org.instanceha.DashboardBrowser(port);
            assertThat(browser.get("/dashboard/login").body()).doesNotContain("project-login");
            var refused = browser.projectLogIn("demo", "secret", "demo");
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/login");
            return;
        }
        Failure failure = aHostOfTwoProjectsFails();
        for (String project : List.of("demo", "alt")) {
            var browser = new org.instanceha.DashboardBrowser(port);
            var login = browser.projectLogIn(project, "secret", project);
            assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/my-instances");
            String page = browser.get("/dashboard/my-instances").body();
            List<String> own = project.equals("demo") ? failure.serversOfA() : failure.serversOfB();
            List<String> others = project.equals("demo") ? failure.serversOfB() : failure.serversOfA();
            for (String name : own.stream().filter(s -> !s.matches("[0-9a-f-]{36}")).toList()) {
                assertThat(page).as(project + " sees its " + name).contains("<td>" + name + "</td>");
            }
            assertThat(page).contains(failure.notification()).contains("succeeded");
            for (String other : others) {
                assertThat(mentions(page, other)).as(project + " sees nothing of the other project: " + other).isFalse();
            }
            assertThat(browser.get("/dashboard/notifications").body()).doesNotContain(failure.notification());
        }
    }

    @Test
    void aNotificationOfOneProjectIsNotFoundForAnother() {
        segment("auto", true);
        // compute3's servers (vm7, vm8, vm9) are all of project demo.
        String notification = hostFails("compute3");
        awaitEnd(notification);

        assertThat(get(MEMBER_A, "/v1/notifications").json().get("notifications")
                .findValuesAsText("notification_uuid")).containsExactly(notification);
        assertThat(get(MEMBER_B, "/v1/notifications").json().get("notifications")).isEmpty();
        Response hidden = get(MEMBER_B, "/v1/notifications/" + notification);
        assertFault(hidden, 404, "itemNotFound", "No notification with id " + notification + ".");
        assertFault(get(MEMBER_B, "/v1/notifications/" + notification + "/vmoves"), 404, "itemNotFound", null);
        assertThat(get(READER, "/v1/notifications/" + notification).json()
                .at("/notification/recovery_workflow_details").isArray()).isTrue();
    }

    @Test
    void aRestartedInstanceIsItsProjectsAndNoOtherProjects() {
        segment("auto", true);
        var crashed = cloud.addServer("b-crashed", "compute3", "1", "alt", Map.of("HA_Enabled", "True"));
        Response r = api.post("/v1/notifications", """
                {"notification": {"type": "VM", "hostname": "compute3", "generated_time": "%s",
                 "payload": {"event": "LIFECYCLE", "instance_uuid": "%s", "vir_domain_event": "STOPPED_FAILED"}}}"""
                .formatted(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), crashed.id())).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String notification = r.json().at("/notification/notification_uuid").asText();
        assertThat(awaitEnd(notification).get("status").asText()).isEqualTo("finished");

        assertThat(get(MEMBER_B, "/v1/notifications").json().get("notifications")
                .findValuesAsText("notification_uuid")).containsExactly(notification);
        assertThat(get(MEMBER_A, "/v1/notifications").json().get("notifications")).isEmpty();
        assertFault(get(MEMBER_A, "/v1/notifications/" + notification), 404, "itemNotFound", null);
    }

    @Test
    void readersReadEverythingButBmcDetailsAndMembersSeeSegmentsInSummary() {
        Failure failure = aHostOfTwoProjectsFails();
        String hostPath = "/v1/segments/" + failure.segment() + "/hosts/" + failure.host();

        assertThat(get(ADMIN, hostPath).json().at("/host/control_attributes").asText()).isEqualTo("SSH");
        Response asReader = get(READER, hostPath);
        assertThat(asReader.status()).isEqualTo(200);
        assertThat(asReader.json().at("/host/control_attributes").isNull()).isTrue();
        assertThat(get(READER, "/v1/notifications/" + failure.notification() + "/vmoves").json().get("vmoves"))
                .hasSize(7);

        JsonNode summary = get(MEMBER_B, "/v1/segments/" + failure.segment()).json().get("segment");
        assertThat(summary.get("name").asText()).isEqualTo("seg-auto");
        assertThat(summary.get("recovery_method").asText()).isEqualTo("auto");
        assertThat(summary.get("host_count").asInt()).isEqualTo(5);
        assertThat(summary.get("enabled").asBoolean()).isTrue();
        assertThat(summary.has("description")).isFalse();
        assertFault(get(MEMBER_B, hostPath), 403, "forbidden",
                "Policy doesn't allow os_masakari_api:os-hosts:detail to be performed.");
        assertFault(get(MEMBER_A, "/v1/segments/" + failure.segment() + "/recovery-plan"), 403, "forbidden", null);

        // engine-rest: a Camunda login without Camunda authorizations sees none of the recovery's history.
        for (String resource : List.of("/engine-rest/history/process-instance", "/engine-rest/history/variable-instance",
                "/engine-rest/history/activity-instance")) {
            assertThat(api.get(resource).send().json().size()).as("admin " + resource).isPositive();
            for (var caller : List.of(READER, MEMBER_A, MEMBER_B)) {
                Response r = api.get(resource).as(caller.user(), caller.password()).send();
                assertThat(r.status() == 403 || r.text().equals("[]")).as(caller.name() + " " + resource + ": " + r)
                        .isTrue();
            }
        }
    }

    /**
     * Every route of the v1 API, read from Spring's handler mappings with its policy rule, called with real
     * ids by the reader and the members: each answers 403 exactly where the default policy says; then by the
     * administrator, whom none refuses.
     */
    @Test
    void everyV1RouteAnswersEachCallerAsTheDefaultPolicySays() {
        Failure failure = aHostOfTwoProjectsFails();
        String vmove = jdbc.sql("SELECT uuid FROM vmoves WHERE notification_uuid = :n AND instance_name = 'a-db'")
                .param("n", failure.notification()).query(String.class).single();
        Map<String, String> ids = Map.of("segmentId", failure.segment(), "hostId", failure.host(),
                "notificationId", failure.notification(), "vmoveId", vmove);

        Map<String, String> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Method method = e.getValue().getMethod();
            if (!method.getDeclaringClass().getPackageName().equals("org.instanceha.masakari")
                    || method.getDeclaringClass().getSimpleName().equals("FaultErrorController")) {
                continue;
            }
            PolicyRule rule = method.getAnnotation(PolicyRule.class);
            assertThat(rule).as(method + " names its policy rule").isNotNull();
            for (String pattern : e.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{projectId[^}]*}", TestUsers.PROJECT_A);
                for (var id : ids.entrySet()) {
                    path = path.replace("{" + id.getKey() + "}", id.getValue());
                }
                for (RequestMethod verb : e.getKey().getMethodsCondition().getMethods()) {
                    routes.put(verb + " " + path, rule.value());
                }
            }
        }
        assertThat(routes).hasSizeGreaterThan(30).containsKeys("GET /v1/notifications", "DELETE /v1/segments/"
                + failure.segment());

        List<String> wrong = new ArrayList<>();
        for (var caller : List.of(READER, MEMBER_A, MEMBER_B)) {
            Set<String> allowed = ALLOWED.get(caller == MEMBER_B ? MEMBER_A : caller);
            for (var route : routes.entrySet()) {
                String verb = route.getKey().substring(0, route.getKey().indexOf(' '));
                String path = route.getKey().substring(verb.length() + 1);
                Response r = api.method(verb, path, verb.equals("POST") || verb.equals("PUT") ? "{}" : null)
                        .as(caller.user(), caller.password()).version("1.3").send();
                boolean mayUse = allowed.contains(route.getValue());
                // B's member may read the notification (it moved B's instances too), but not A's move.
                boolean bFindsNothing = caller == MEMBER_B && path.endsWith(vmove);
                int expected = !mayUse ? 403 : bFindsNothing ? 404 : 200;
                if (r.status() != expected) {
                    wrong.add(caller.name() + " " + route.getKey() + " (" + route.getValue() + "): " + r.status()
                            + " " + r.text().substring(0, Math.min(100, r.text().length())));
                }
            }
        }
        // Then the administrator, who may use every rule: no route refuses it ("{}" bodies are refused as bad
        // input). Deletes last, the host's before its segment's; with and without the project id, once.
        List<String> forAdmin = new ArrayList<>(routes.keySet());
        forAdmin.sort(java.util.Comparator.comparing((String r) -> r.startsWith("DELETE"))
                .thenComparing(r -> r.contains("/hosts/") ? 0 : 1));
        for (String route : forAdmin) {
            String verb = route.substring(0, route.indexOf(' '));
            String path = route.substring(verb.length() + 1);
            if (verb.equals("DELETE") && path.startsWith("/v1/" + TestUsers.PROJECT_A)) {
                continue;
            }
            Response r = api.method(verb, path, verb.equals("POST") || verb.equals("PUT") ? "{}" : null)
                    .as(ADMIN.user(), ADMIN.password()).version("1.3").send();
            if (r.status() == 401 || r.status() == 403 || r.status() >= 500) {
                wrong.add("admin " + route + ": " + r.status() + " " + r.text().substring(0, Math.min(100,
                        r.text().length())));
            }
        }
        assertThat(wrong).as("routes that answered otherwise").isEmpty();
    }

    /**
     * Whether the text names this server (its name or its id) as a whole: a short name such as "a-db" also occurs
     * inside random ids ("...4a20-aada-db6e..."), which names nothing.
     */
    private static boolean mentions(String text, String server) {
        return java.util.regex.Pattern.compile("(?<![0-9A-Za-z-])" + java.util.regex.Pattern.quote(server)
                + "(?![0-9A-Za-z-])").matcher(text).find();
    }
}
