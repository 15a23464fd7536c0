package org.instanceha.fencing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Redfish over HTTPS through Java's HTTP client, with HTTP basic authentication, as ClusterLabs'
 * {@code fence_redfish} speaks it: the power state is the system's {@code PowerState}, power off is its
 * {@code ComputerSystem.Reset} action with {@code ForceOff}, power on the same with {@code On}. The BMC's
 * certificate must chain to its {@code ca_certificate}, unless {@code verify_tls} is false. Without a
 * {@code systems_uri}, the first system of the service root's collection. Every call, all its requests
 * together, ends within {@code instanceha.fencing.call-timeout}.
 */
@Component
public class Redfish implements BmcAdapter {

    static final String SERVICE_ROOT = "/redfish/v1/";

    private final ObjectMapper mapper;

    private final FencingProperties properties;

    public Redfish(FencingProperties properties, ObjectMapper mapper) {
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    public Bmc.Protocol protocol() {
        return Bmc.Protocol.REDFISH;
    }

    @Override
    public PowerState powerState(Bmc bmc) {
        Call call = new Call(bmc);
        String state = call.get(call.system()).path("PowerState").asText("");
        return switch (state) {
            case "Off" -> PowerState.OFF;
            case "On", "PoweringOn", "PoweringOff", "Paused" -> PowerState.ON;
            default -> throw new FencingException(FencingException.Failure.REFUSED, "The Redfish BMC " + address(bmc)
                    + " answered PowerState '" + state + "'.");
        };
    }

    @Override
    public void powerOff(Bmc bmc) {
        reset(bmc, "ForceOff");
    }

    @Override
    public void powerOn(Bmc bmc) {
        reset(bmc, "On");
    }

    private void reset(Bmc bmc, String type) {
        Call call = new Call(bmc);
        String system = call.system();
        String target = call.get(system).path("Actions").path("#ComputerSystem.Reset").path("target")
                .asText(system.replaceAll("/$", "") + "/Actions/ComputerSystem.Reset");
        call.post(target, "{\"ResetType\":\"" + type + "\"}");
    }

    private static String address(Bmc bmc) {
        return bmc.host() + ":" + bmc.port();
    }

    /** One call's requests, sharing a client and a deadline. */
    private final class Call {
        private final Bmc bmc;
        private final HttpClient client;
        private final long deadline;

        Call(Bmc bmc) {
            this.bmc = bmc;
            this.deadline = System.nanoTime() + properties.callTimeout().toNanos();
            this.client = HttpClient.newBuilder().sslContext(sslContext(bmc)).connectTimeout(properties.callTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        String system() {
            if (bmc.systemsUri() != null) {
                return bmc.systemsUri();
            }
            String collection = get(SERVICE_ROOT).path("Systems").path("@odata.id").asText(null);
            JsonNode first = collection == null ? null : get(collection).path("Members").path(0).path("@odata.id");
            if (first == null || !first.isTextual()) {
                throw new FencingException(FencingException.Failure.REFUSED, "The Redfish BMC " + address(bmc)
                        + " lists no system: give its systems_uri.");
            }
            return first.asText();
        }

        JsonNode get(String path) {
            return send(request(path).GET().build());
        }

        void post(String path, String body) {
            send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpRequest.Builder request(String path) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw noAnswer();
            }
            String credentials = bmc.username() + ":" + (bmc.password() == null ? "" : bmc.password());
            return HttpRequest.newBuilder(URI.create("https://" + hostPart() + ":" + bmc.port() + path))
                    .timeout(left).header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }

        private String hostPart() {
            return bmc.host().contains(":") && !bmc.host().startsWith("[") ? "[" + bmc.host() + "]" : bmc.host();
        }

        private JsonNode send(HttpRequest request) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw noAnswer();
            } catch (SSLException e) {
                throw new FencingException(FencingException.Failure.REFUSED, "The Redfish BMC " + address(bmc)
                        + " did not pass the TLS check (" + e.getMessage() + "): give its ca_certificate, or set "
                        + "verify_tls to false.");
            } catch (java.net.ConnectException e) {
                throw new FencingException(FencingException.Failure.NO_ANSWER, "The Redfish BMC " + address(bmc)
                        + " did not answer: nothing accepts connections on that address and port.");
            } catch (IOException e) {
                throw new FencingException(FencingException.Failure.NO_ANSWER, "The Redfish BMC " + address(bmc)
                        + " did not answer: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                        + ".");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw noAnswer();
            }
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(256 * 1024);
                if (status == 401 || status == 403) {
                    throw new FencingException(FencingException.Failure.WRONG_CREDENTIALS, "The Redfish BMC "
                            + address(bmc) + " refused the credentials of user " + bmc.username() + " (wrong credentials,"
                            + " HTTP " + status + ").");
                }
                if (status / 100 != 2) {
                    throw new FencingException(FencingException.Failure.REFUSED, "The Redfish BMC " + address(bmc)
                            + " answered HTTP " + status + " to " + request.method() + " " + request.uri().getPath()
                            + ".");
                }
                return bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
            } catch (IOException e) {
                throw new FencingException(FencingException.Failure.REFUSED, "The Redfish BMC " + address(bmc)
                        + " answered something that is not JSON to " + request.uri().getPath() + ".");
            }
        }

        private FencingException noAnswer() {
            return new FencingException(FencingException.Failure.NO_ANSWER, "The Redfish BMC " + address(bmc)
                    + " did not answer within " + properties.callTimeout().toSeconds() + " s.");
        }
    }

    /** A CA file is a small regular file: never a device, a pipe or a directory, which could be read forever. */
    static final int MAX_CA_FILE_BYTES = 1024 * 1024;

    private static byte[] caFile(Bmc bmc) throws IOException {
        Path file = Path.of(bmc.caCertificate());
        if (!Files.isRegularFile(file)) {
            throw new IOException("it is not a regular file");
        }
        if (Files.size(file) > MAX_CA_FILE_BYTES) {
            throw new IOException("it is larger than " + MAX_CA_FILE_BYTES + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_CA_FILE_BYTES);
        }
    }

    private static SSLContext sslContext(Bmc bmc) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust;
            if (!bmc.verifyTls()) {
                trust = new TrustManager[] {new AnyCertificate()};
            } else if (bmc.caCertificate() != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(
                        new java.io.ByteArrayInputStream(caFile(bmc)))) {
                    store.setCertificateEntry("ca-" + i++, certificate);
                }
                if (i == 0) {
                    throw new java.security.cert.CertificateException("it holds no certificate");
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                trust = factory.getTrustManagers();
            } else {
                return SSLContext.getDefault();
            }
            context.init(null, trust, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new FencingException(FencingException.Failure.UNUSABLE, "The ca_certificate " + bmc.caCertificate()
                    + " of the Redfish BMC " + address(bmc) + " cannot be read as PEM certificates: "
                    + e.getMessage());
        }
    }
}
