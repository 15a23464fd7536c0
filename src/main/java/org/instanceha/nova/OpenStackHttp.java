package org.instanceha.nova;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client of our own calls to OpenStack (those openstack4j does not make: a caller's token
 * validated, a project user's login, Nova as a project user sees it, the cloud's health), built once with the
 * connect timeout of {@code instanceha.openstack.*} and the JVM's trust store (the one openstack4j uses too;
 * {@code -Djavax.net.ssl.trustStore} adds a private CA, docs/operator-guide.md). Each request gets the read
 * timeout, cut to what is left of the calling job's time ({@link CallDeadline}). Bodies are read with Spring's
 * {@link ObjectMapper}.
 */
@Component
public class OpenStackHttp {

    private final HttpClient client;
    private final OpenStackProperties properties;
    private final ObjectMapper json;

    public OpenStackHttp(OpenStackProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .sslContext(jvmTrustStore()).build();
    }

    private static SSLContext jvmTrustStore() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Sends the request with a JSON {@code Accept} and the read timeout, and reads its body as text.
     *
     * @param service whom the call is to, for an error message ("Keystone", "Nova")
     * @param what    what the call is for, in the words of an error message ("validate a token")
     * @throws ComputeException (retryable) when the endpoint cannot be reached or does not answer in time
     */
    public HttpResponse<String> send(HttpRequest.Builder request, String service, String what) {
        try {
            return client.send(request.timeout(CallDeadline.cap(properties.readTimeout()))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ComputeException(0, service + " could not be reached to " + what + ": " + e.getMessage(), true,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeException(0, "Interrupted while asking " + service + " to " + what, true, e);
        }
    }

    /** The status of a plain GET of {@code url}, its body left unread (a health probe). */
    public int probe(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(properties.readTimeout()).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A JSON body read; an empty object for an empty or unreadable body. */
    public JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Spring's mapper, for the request bodies the callers build. */
    public ObjectMapper json() {
        return json;
    }

    /** The message of an OpenStack fault body ({@code {"<faultName>": {"code": N, "message": ...}}}), or null. */
    public static String faultMessage(JsonNode body) {
        if (body != null && body.isObject()) {
            Iterator<JsonNode> faults = body.elements();
            if (faults.hasNext()) {
                JsonNode fault = faults.next();
                if (fault.hasNonNull("message") && !fault.get("message").asText().isBlank()) {
                    return fault.get("message").asText();
                }
            }
        }
        return null;
    }
}
