package org.instanceha.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redfish BMC for every host of the simulated cloud, over HTTPS on a port of its own (Redfish is HTTPS, and
 * ClusterLabs' {@code fence_redfish} speaks nothing else), as one service whose systems are the hosts:
 * {@code /redfish/v1/Systems/<host>}, with {@code PowerState} and the {@code ComputerSystem.Reset} action
 * ({@code ForceOff}, {@code On}, {@code GracefulShutdown}, {@code ForceRestart}). HTTP basic authentication with
 * the configured user. Its certificate is self-signed, made by the JDK's {@code keytool} on first start under
 * {@code instanceha.simulator.bmc-tls-dir}, whose {@code bmc.pem} a host's {@code ca_certificate} may name.
 */
public class SimulatedBmcs implements AutoCloseable {

    static final String ROOT = "/redfish/v1";
    private static final Logger log = LoggerFactory.getLogger(SimulatedBmcs.class);
    private final ObjectMapper mapper;
    private static final String STORE_PASS = "simulator-bmc";

    private final SimulatedCloud cloud;
    private final String credentials;
    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "simulated-bmc");
        thread.setDaemon(true);
        return thread;
    });
    private final Path certificate;

    public SimulatedBmcs(SimulatedCloud cloud, SimulatorProperties properties, ObjectMapper mapper)
            throws IOException {
        this.cloud = cloud;
        this.mapper = mapper;
        this.credentials = properties.bmcPassword() == null ? null
                : properties.bmcUsername() + ":" + properties.bmcPassword();
        Path dir = Path.of(properties.bmcTlsDir());
        this.certificate = dir.resolve("bmc.pem");
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", properties.bmcPort()), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(sslContext(dir)));
        server.createContext(ROOT, this::handle);
        server.setExecutor(threads);
        server.start();
        log.info("Simulated Redfish BMCs on https://127.0.0.1:{}{}/Systems/<host> (certificate {})", port(), ROOT,
                certificate.toAbsolutePath());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The PEM file of the BMCs' certificate, for a host's {@code ca_certificate}. */
    public Path certificate() {
        return certificate;
    }

    /** The systems URI of a host's BMC. */
    public static String systemsUri(String host) {
        return ROOT + "/Systems/" + host;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || credentials == null || !auth.equals("Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"simulated BMC\"");
                answer(exchange, 401, Map.of("error", Map.of("message", "Authentication required")));
                return;
            }
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            List<String> parts = List.of(path.substring(ROOT.length()).split("/"));
            String method = exchange.getRequestMethod();
            if (path.equals(ROOT) && method.equals("GET")) {
                answer(exchange, 200, Map.of("@odata.id", ROOT + "/", "Id", "RootService", "RedfishVersion", "1.6.0",
                        "Systems", Map.of("@odata.id", ROOT + "/Systems")));
            } else if (path.equals(ROOT + "/Systems") && method.equals("GET")) {
                answer(exchange, 200, Map.of("@odata.id", ROOT + "/Systems",
                        "Members", cloud.computeHosts().stream().map(h -> Map.of("@odata.id", systemsUri(h.name()))).toList(),
                        "Members@odata.count", cloud.computeHosts().size()));
            } else if (parts.size() == 3 && parts.get(1).equals("Systems") && method.equals("GET")
                    && cloud.findHost(parts.get(2)).isPresent()) {
                answer(exchange, 200, system(parts.get(2)));
            } else if (parts.size() == 5 && parts.get(1).equals("Systems") && method.equals("POST")
                    && path.endsWith("/Actions/ComputerSystem.Reset") && cloud.findHost(parts.get(2)).isPresent()) {
                reset(exchange, parts.get(2));
            } else {
                answer(exchange, 404, Map.of("error", Map.of("message", "No resource " + path)));
            }
        } catch (RuntimeException e) {
            log.warn("Simulated BMC request {} failed", exchange.getRequestURI(), e);
        }
    }

    private Map<String, Object> system(String host) {
        return Map.of("@odata.id", systemsUri(host), "Id", host, "Name", host,
                "PowerState", cloud.findHost(host).orElseThrow().bmcSaysOn() ? "On" : "Off",
                "Actions", Map.of("#ComputerSystem.Reset", Map.of("target",
                        systemsUri(host) + "/Actions/ComputerSystem.Reset",
                        "ResetType@Redfish.AllowableValues", List.of("On", "ForceOff", "GracefulShutdown",
                                "ForceRestart"))));
    }

    private void reset(HttpExchange exchange, String host) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = mapper.readTree(in.readNBytes(4096));
        } catch (IOException e) {
            answer(exchange, 400, Map.of("error", Map.of("message", "The body is not JSON")));
            return;
        }
        String type = body == null ? "" : body.path("ResetType").asText("");
        switch (type) {
            case "ForceOff", "GracefulShutdown" -> cloud.setPower(host, false);
            case "On" -> cloud.setPower(host, true);
            case "ForceRestart" -> {
                cloud.setPower(host, false);
                cloud.setPower(host, true);
            }
            default -> {
                answer(exchange, 400, Map.of("error", Map.of("message", "Unsupported ResetType '" + type + "'")));
                return;
            }
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("OData-Version", "4.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The BMCs' key and certificate, made once by keytool. */
    private SSLContext sslContext(Path dir) throws IOException {
        Path store = dir.resolve("bmc.p12");
        if (!Files.exists(store) || !Files.exists(certificate)) {
            Files.createDirectories(dir);
            Files.deleteIfExists(store);
            keytool("-genkeypair", "-alias", "bmc", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", STORE_PASS);
            keytool("-exportcert", "-rfc", "-alias", "bmc", "-keystore", store.toString(), "-storepass", STORE_PASS,
                    "-file", certificate.toString());
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, STORE_PASS.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, STORE_PASS.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the simulated BMCs' key store " + store + " cannot be read", e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}
