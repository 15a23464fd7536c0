package org.instanceha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard over plain HTTP, as a browser without JavaScript: a session cookie, CSRF tokens, no redirects. */
public final class DashboardBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    /** Its client, for requests the helpers do not make. */
    public final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public DashboardBrowser(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form and follows its redirect, as a browser does; returns the page it lands on. */
    public String submit(String path, String form) throws Exception {
        HttpResponse<String> answer = post(path, form);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(302);
        return get(answer.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body();
    }

    public String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        assertThat(m.find()).as("a CSRF token on " + path).isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    public DashboardBrowser logIn(String user, String password) throws Exception {
        post("/dashboard/login", "username=" + user + "&password=" + password + "&_csrf=" + csrf("/dashboard/login"));
        return this;
    }

    /** {@code keystone} mode: a project user's login with their OpenStack user, password and project. */
    public HttpResponse<String> projectLogIn(String user, String password, String project) throws Exception {
        return post("/dashboard/project-login", "username=" + user + "&password=" + password + "&project=" + project
                + "&domain=Default&_csrf=" + csrf("/dashboard/login"));
    }
}
