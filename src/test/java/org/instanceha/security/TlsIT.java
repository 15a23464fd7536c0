package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.instanceha.InstanceHaApplication;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * instance-ha on {@code server.ssl} with a certificate of its own, as docs/operator-guide.md ("TLS") sets it up:
 * the API answers over TLS to a client that trusts the certificate, and every cookie (the dashboard's session,
 * Cockpit's XSRF token) is marked Secure. Its own in-memory database and engine name, as the other second
 * contexts (OwnSettingsContext says why).
 */
@Tag("local-auth")
@SpringBootTest(classes = InstanceHaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:instanceha-tls;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "camunda.bpm.process-engine-name=tls"})
class TlsIT {

    private static Path tls;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void certificate(DynamicPropertyRegistry registry) throws Exception {
        registry.add("server.ssl.certificate", () -> tls().resolve("tls.crt").toString());
        registry.add("server.ssl.certificate-private-key", () -> tls().resolve("tls.key").toString());
    }

    /** A certificate and its key, made as the operator guide's "TLS" section makes them. */
    private static synchronized Path tls() {
        if (tls == null) {
            try {
                tls = Files.createTempDirectory("instanceha-tls");
                Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext",
                        "subjectAltName=DNS:localhost", "-keyout", "tls.key", "-out", "tls.crt")
                        .directory(tls.toFile()).redirectErrorStream(true).start();
                String output = new String(openssl.getInputStream().readAllBytes());
                assertThat(openssl.waitFor()).as(output).isZero();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return tls;
    }

    private HttpClient trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(tls().resolve("tls.crt"))) {
            trusted.setCertificateEntry("instanceha", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).cookieHandler(new CookieManager()).build();
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    @Test
    void theApiAnswersOverTlsOnlyToAClientThatTrustsTheCertificate() throws Exception {
        HttpResponse<String> version = trusting().send(HttpRequest.newBuilder(url("/v1/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("\"href\":\"https://localhost:" + port + "/v1/\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url("/v1/")).build(), HttpResponse.BodyHandlers.ofString())))
                .as("a client that does not trust it").isInstanceOf(SSLHandshakeException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/segments")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()))
                .as("plain HTTP gets no answer of the application").satisfiesAnyOf(
                        thrown -> assertThat(thrown).isInstanceOf(IOException.class),
                        thrown -> assertThat(thrown).isNull());
    }

    @Test
    void everyCookieIsSecureAndTheDashboardSendsHsts() throws Exception {
        HttpClient browser = trusting();
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(url("/dashboard/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestUsers.ADMIN + "&password="
                        + TestUsers.ADMIN_PASSWORD + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cockpit = browser.send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/notifications");
        List<String> cookies = new java.util.ArrayList<>(loginPage.headers().allValues("Set-Cookie"));
        cookies.addAll(login.headers().allValues("Set-Cookie"));
        cookies.addAll(cockpit.headers().allValues("Set-Cookie"));
        assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
