package org.instanceha.masakari;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.common.JsonValues;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/** Masakari's error body: {@code {"<faultName>": {"code": N, "message": "..."}}}. */
public final class Faults {

    private static final ObjectMapper JSON = JsonValues.MAPPER;

    private Faults() {
    }

    public static String faultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            default -> "masakariFault";
        };
    }

    public static Map<String, Object> body(int status, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", status);
        fault.put("message", message);
        return Map.of(faultName(status), fault);
    }

    /** Writes a fault directly, for code that runs outside Spring MVC (filters, security handlers). */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body(status, message));
    }
}
