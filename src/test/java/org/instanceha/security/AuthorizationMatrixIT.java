package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application serves, read from Spring's handler mappings and from engine-rest's
 * resources (so that a new route cannot be forgotten), called anonymously, with a wrong password and
 * as a user without the admin role. The only anonymous routes are version discovery, health, the
 * dashboard's login pages and the error page; the simulated cloud checks its own tokens.
 */
class AuthorizationMatrixIT extends ApiIntegrationTest {

    /** Routes anyone may call: "METHOD /path", or a path alone for every method. */
    private static final Set<String> ANONYMOUS = Set.of("GET /", "GET /v1", "GET /v1/", "/dashboard/login",
            "/dashboard/forbidden", "/error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** "METHOD /path" for every route of ours, path variables filled with a well-formed id. */
    private List<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String id = pattern.startsWith("/simulator/") ? "1" : "00000000-0000-0000-0000-000000000000";
                String path = pattern.replaceAll("\\{projectId[^}]*}", "0123456789abcdef0123456789abcdef")
                        .replaceAll("\\{[^}]+}", id);
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST,
                        RequestMethod.PUT, RequestMethod.DELETE) : methods) {
                    routes.add(method + " " + path);
                }
            }
        }
        return new ArrayList<>(routes);
    }

    private static List<String> engineRestRoots() {
        Set<String> roots = new TreeSet<>();
        for (Class<?> type = DefaultProcessEngineRestServiceImpl.class; type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (path != null && !path.value().contains("{")) {
                    roots.add("/engine-rest" + (path.value().startsWith("/") ? "" : "/") + path.value());
                }
            }
        }
        return new ArrayList<>(roots);
    }

    private Response call(String route, String user, String password) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        var call = api.method(method, path, method.equals("POST") || method.equals("PUT") ? "{}" : null)
                .header("Accept", "application/json");
        return user == null ? call.anonymous().send() : call.as(user, password).send();
    }

    @Test
    void everyRouteButTheAnonymousOnesNeedsTheAdminRole() {
        List<String> routes = routes().stream().filter(r -> !r.contains(" /simulator/")).toList();
        assertThat(routes).as("the routes found").hasSizeGreaterThan(30)
                .contains("GET /v1/segments", "POST /v1/notifications", "GET /dashboard/vmoves");

        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            String path = route.substring(route.indexOf(' ') + 1);
            boolean dashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
            boolean safe = route.startsWith("GET ");
            if (ANONYMOUS.contains(route) || ANONYMOUS.contains(path)) {
                Response r = call(route, null, null);
                if (r.status() >= 500 || r.status() == 401) {
                    wrong.add(route + " anonymous: " + r.status());
                }
                continue;
            }
            Response anonymous = call(route, null, null);
            Response badPassword = call(route, TestUsers.ADMIN, "wrong-password");
            Response operator = call(route, TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD);
            if (!path.startsWith("/v1/")) {
                // The v1 API's readers and project members (ProjectUsersIT) are nobody anywhere else.
                for (String[] user : new String[][] {{TestUsers.READER, TestUsers.READER_PASSWORD},
                        {TestUsers.MEMBER_A, TestUsers.MEMBER_A_PASSWORD}}) {
                    Response r = call(route, user[0], user[1]);
                    if (dashboard && safe) {
                        expectLoginRedirect(wrong, route + " " + user[0] + " by HTTP Basic", r);
                    } else if (!dashboard && r.status() != 403) {
                        wrong.add(route + " " + user[0] + ": " + r.status());
                    }
                }
            }
            if (dashboard && safe) {
                expectLoginRedirect(wrong, route + " anonymous", anonymous);
                expectLoginRedirect(wrong, route + " wrong password", badPassword);
                expectLoginRedirect(wrong, route + " operator by HTTP Basic", operator);
            } else if (dashboard) {
                // a form post without a session has no CSRF token either: refused before anything else
                for (Response r : List.of(anonymous, badPassword, operator)) {
                    if (r.status() != 403 && r.status() != 302) {
                        wrong.add(route + ": " + r.status());
                    }
                }
            } else {
                expect(wrong, route + " anonymous", anonymous, 401, "unauthorized");
                expect(wrong, route + " wrong password", badPassword, 401, "unauthorized");
                expect(wrong, route + " operator", operator, 403, "forbidden");
            }
        }
        assertThat(wrong).as("routes that answered otherwise").isEmpty();
    }

    @Test
    void everyEngineRestResourceNeedsAValidLogin() {
        List<String> roots = engineRestRoots();
        assertThat(roots).as("engine-rest's resources").hasSizeGreaterThan(20)
                .contains("/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/deployment");

        List<String> wrong = new ArrayList<>();
        // Readers and project members have a Camunda login but no Camunda authorization: they see nothing.
        for (String resource : List.of("/engine-rest/process-instance", "/engine-rest/history/process-instance",
                "/engine-rest/task", "/engine-rest/variable-instance", "/engine-rest/history/variable-instance",
                "/engine-rest/history/activity-instance", "/engine-rest/incident")) {
            for (String[] user : new String[][] {{TestUsers.READER, TestUsers.READER_PASSWORD},
                    {TestUsers.MEMBER_A, TestUsers.MEMBER_A_PASSWORD}, {TestUsers.MEMBER_B, TestUsers.MEMBER_B_PASSWORD}}) {
                Response r = call("GET " + resource, user[0], user[1]);
                if (!(r.status() == 200 && r.text().equals("[]")) && r.status() != 403) {
                    wrong.add("GET " + resource + " " + user[0] + ": " + r.status() + " " + r.text());
                }
            }
        }
        for (String root : roots) {
            for (String method : List.of("GET", "POST")) {
                int anonymous = call(method + " " + root, null, null).status();
                int badPassword = call(method + " " + root, TestUsers.ADMIN, "wrong-password").status();
                if (anonymous != 401 || badPassword != 401) {
                    wrong.add(method + " " + root + ": anonymous " + anonymous + ", wrong password " + badPassword);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theSimulatedNovaChecksItsOwnTokens() {
        List<String> nova = routes().stream().filter(r -> r.contains(" /simulator/compute/v2.1/"))
                .filter(r -> !r.equals("GET /simulator/compute/v2.1/")).toList(); // Nova's version document is public
        assertThat(nova).hasSizeGreaterThan(5);

        List<String> wrong = new ArrayList<>();
        for (String route : nova) {
            int status = call(route, null, null).status();
            if (status != 401) {
                wrong.add(route + ": " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String what, Response r, int status, String fault) {
        if (r.status() != status || !r.text().contains("\"" + fault + "\"")) {
            wrong.add(what + ": " + r.status() + " " + r.text().substring(0, Math.min(120, r.text().length())));
        }
    }

    private static void expectLoginRedirect(List<String> wrong, String what, Response r) {
        String location = r.header("Location");
        if (r.status() != 302 || location == null || !location.endsWith("/dashboard/login")) {
            wrong.add(what + ": " + r.status() + " " + location);
        }
    }
}
