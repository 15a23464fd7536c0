package org.instanceha.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Nova's and Keystone's error bodies for the simulator's controllers. */
@RestControllerAdvice(assignableTypes = {SimulatedNovaController.class, SimulatedKeystoneController.class,
        SimulatedServerMetadataController.class})
public class SimulatorFaults {

    private static final MediaType NOVA_JSON = MediaType.parseMediaType("application/json; charset=UTF-8");

    @ExceptionHandler(NovaFault.class)
    ResponseEntity<Map<String, Object>> nova(NovaFault fault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", fault.status());
        body.put("message", fault.getMessage());
        return ResponseEntity.status(fault.status()).contentType(NOVA_JSON).body(Map.of(fault.faultName(), body));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return nova(NovaFault.badRequest("Invalid input for query parameters " + e.getName() + "."));
    }

    @ExceptionHandler(KeystoneUnauthorized.class)
    ResponseEntity<Map<String, Object>> unauthorized(KeystoneUnauthorized e, HttpServletRequest request) {
        return keystoneStatus(401)
                .header("WWW-Authenticate", "Keystone uri=\"" + SimulatedKeystoneController.identityUrl(request)
                        + "\"").body(keystoneBody(401, "Unauthorized", e.getMessage()));
    }

    static ResponseEntity.BodyBuilder keystoneStatus(int status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
    }

    static Map<String, Object> keystoneBody(int status, String title, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message);
        error.put("title", title);
        return Map.of("error", error);
    }
}
