package org.instanceha.nova;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.openstack.internal.BaseOpenStackService;

/**
 * Microversioned Nova requests on openstack4j's session (the one bound to the current thread), its
 * catalog and its transport. openstack4j's own compute calls cannot send a microversion, and
 * several of them break on a modern Nova; these send {@code OpenStack-API-Version: compute X.Y},
 * read status and body directly, and turn errors into {@link ComputeException}s.
 */
final class NovaRequests extends BaseOpenStackService {

    private final ObjectMapper mapper;

    NovaRequests(ObjectMapper mapper) {
        super(ServiceType.COMPUTE);
        this.mapper = mapper;
    }

    /** How often a read that Nova answered with a 5xx is tried again at once, within the same call. */
    static final int READ_RETRIES = 2;

    /**
     * A read. One that Nova answers with a 5xx is tried again at once, {@link #READ_RETRIES} times, 100 ms
     * and then 200 ms later: a GET changes nothing, and a transient error in one page of a long listing
     * should not fail the whole task. Timeouts and unreachable endpoints are not retried here (the job
     * is, later), so that a job stays as short as its lock time assumes.
     */
    JsonNode get(String microversion, String path, Map<String, ?> query) {
        return retried(() -> {
            Invocation<Void> invocation = get(Void.class, path);
            query.forEach(invocation::param);
            return send(invocation, microversion, "GET " + path);
        });
    }

    /** A 5xx answer tried again at once, as {@link #get} does: for requests that change nothing when repeated. */
    private static JsonNode retried(java.util.function.Supplier<JsonNode> request) {
        for (int attempt = 0; ; attempt++) {
            try {
                return request.get();
            } catch (ComputeUnavailable e) {
                if (attempt >= READ_RETRIES || e.status() < 500) {
                    throw e;
                }
                pause(100L << attempt);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputeUnavailable("interrupted while retrying a Nova request", e);
        }
    }

    /** A GET's answer with the {@code Date} Nova's API server stamped on it (Nova's clock), or null without one. */
    record Dated(JsonNode json, String date) {
    }

    /** {@link #get}, keeping the answer's {@code Date}: once, no retry (a monitor's cycle asks again soon). */
    Dated getDated(String microversion, String path, Map<String, ?> query) {
        Invocation<Void> invocation = get(Void.class, path);
        query.forEach(invocation::param);
        String[] date = new String[1];
        JsonNode json = send(invocation, microversion, "GET " + path, date);
        return new Dated(json, date[0]);
    }

    /** A PUT sets what its body says, so a repeat changes nothing: retried on a 5xx like {@link #get}. */
    JsonNode put(String microversion, String path, String json) {
        return retried(() -> send(put(Void.class, path).json(json), microversion, "PUT " + path));
    }

    JsonNode post(String microversion, String path, String json) {
        return send(post(Void.class, path).json(json), microversion, "POST " + path);
    }

    private JsonNode send(Invocation<Void> invocation, String microversion, String what) {
        return send(invocation, microversion, what, null);
    }

    private JsonNode send(Invocation<Void> invocation, String microversion, String what, String[] date) {
        CallDeadline.ensureTimeFor(what);
        invocation.header("OpenStack-API-Version", "compute " + microversion)
                .header("X-OpenStack-Nova-API-Version", microversion);
        HttpResponse response;
        try {
            response = invocation.executeWithResponse();
        } catch (ConnectionException e) {
            throw new ComputeUnavailable("Nova could not be reached (" + what + "): " + e.getMessage(), e);
        } catch (ResponseException e) {
            throw translate(e.getStatus(), e.getMessage(), what);
        } catch (RuntimeException e) {
            throw new ComputeUnavailable("Nova call failed (" + what + "): " + e.getMessage(), e);
        }
        try (response) {
            if (date != null) {
                date[0] = response.header("Date");
            }
            int status = response.getStatus();
            String body = body(response);
            JsonNode json = parse(body);
            if (status >= 200 && status < 300) {
                return json;
            }
            throw translate(status, faultMessage(json, body), what);
        } catch (IOException e) {
            throw new ComputeUnavailable("Nova's answer could not be read (" + what + "): " + e.getMessage(), e);
        }
    }

    private static String body(HttpResponse response) throws IOException {
        try (InputStream in = response.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ComputeException translate(int status, String message, String what) {
        String said = "Nova answered " + status + " to " + what + ": " + message;
        if (status == 400 && message != null && message.contains("is still in use")) {
            return new ComputeServiceInUse(message);
        }
        return switch (status) {
            case 404 -> new ComputeNotFound(said);
            case 409 -> new ComputeConflict(said);
            case 401, 408, 429 -> new ComputeUnavailable(status, said);
            default -> status >= 500 ? new ComputeUnavailable(status, said) : new ComputeException(status, said, false);
        };
    }

    /** Nova's fault body is {@code {"<faultName>": {"code": N, "message": "..."}}}. */
    static String faultMessage(JsonNode json, String raw) {
        if (json != null && json.isObject()) {
            Iterator<JsonNode> values = json.elements();
            if (values.hasNext()) {
                JsonNode fault = values.next();
                if (fault.hasNonNull("message")) {
                    return fault.get("message").asText();
                }
            }
        }
        return raw == null || raw.isBlank() ? "(no message)" : raw.strip();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
