package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever may change a host must not be able to send its stored BMC password to an address of their own: a
 * listener that a changed address points at, with the mask in place of the password, hears nothing from the host
 * monitor; the same change with the password given reaches it (so the listener would have heard).
 */
@org.junit.jupiter.api.Tag("workflow")
class BmcPasswordRedirectIT extends DetectionSupport {

    private HttpsServer listener;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopListener() {
        if (listener != null) {
            listener.stop(0);
        }
    }

    /** An HTTPS server that writes down every Authorization header it is sent, and answers 401. */
    private int listen(Path dir) throws Exception {
        Path store = dir.resolve("listener.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "listener", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                "listener").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "listener".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "listener".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        listener = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.setHttpsConfigurator(new HttpsConfigurator(tls));
        listener.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            heard.add(authorization == null ? "(none)" : authorization);
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        listener.start();
        return listener.getAddress().getPort();
    }

    @Test
    void theMaskWithAnotherAddressIsRefusedAndTheListenerHearsNothing(@TempDir Path dir) throws Exception {
        int port = listen(dir);
        watched(bmc("compute4", managementAddress()));
        String segment = jdbc.sql("SELECT uuid FROM segments WHERE name = 'watched'").query(String.class).single();
        String host = jdbc.sql("SELECT uuid FROM hosts WHERE name = 'compute4'").query(String.class).single();
        String path = "/v1/segments/" + segment + "/hosts/" + host;
        String shown = api.get(path).send().json().at("/host/control_attributes").asText();
        String elsewhere = shown.replace("\"port\":" + bmcs.port(), "\"port\":" + port);
        assertThat(elsewhere).contains("\"password\":\"******\"").isNotEqualTo(shown);

        Response refused = api.put(path, body(elsewhere)).send();
        cyclesFor(Duration.ofSeconds(2));

        assertFault(refused, 400, "badRequest", "'password'");
        assertThat(heard).as("nothing was sent to the listener").isEmpty();

        Response given = api.put(path, body(elsewhere.replace("******", "test-bmc-password"))).send();
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        cyclesFor(Duration.ofSeconds(2));

        assertThat(heard).as("with the password given, the BMC at the new address is asked")
                .contains("Basic " + Base64.getEncoder().encodeToString("admin:test-bmc-password"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    private static String body(String controlAttributes) {
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.putObject("host").put("control_attributes", controlAttributes);
        return body.toString();
    }
}
