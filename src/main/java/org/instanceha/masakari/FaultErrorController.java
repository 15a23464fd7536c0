package org.instanceha.masakari;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.instanceha.common.DatabaseUnavailable;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring's default {@code /error} JSON: errors raised outside the controllers (a filter, the
 * servlet container) also get a Masakari fault body, and never a stack trace.
 */
@RestController
public class FaultErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // called directly, not as the error page of a failed request: there is no such resource
            return FaultAdvice.fault(HttpStatus.NOT_FOUND, "The resource could not be found.");
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
                && DatabaseUnavailable.causes(error)) {
            // raised before a controller, by authentication against Camunda's identity tables, say
            return FaultAdvice.fault(HttpStatus.SERVICE_UNAVAILABLE, FaultAdvice.DATABASE_UNAVAILABLE);
        }
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = switch (status) {
            case NOT_FOUND -> "The resource could not be found.";
            case UNAUTHORIZED -> "The request you have made requires authentication.";
            case FORBIDDEN -> "Policy doesn't allow this operation to be performed.";
            case METHOD_NOT_ALLOWED -> "The method is not allowed for this resource.";
            default -> status.is5xxServerError()
                    ? "Unexpected API Error. The error has been logged; please report it to the cloud operator."
                    : status.getReasonPhrase();
        };
        return FaultAdvice.fault(status, message);
    }
}
