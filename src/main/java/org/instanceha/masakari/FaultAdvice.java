package org.instanceha.masakari;

import java.util.Map;

import org.instanceha.common.ConflictException;
import org.instanceha.common.DatabaseUnavailable;
import org.instanceha.common.ExternalServiceException;
import org.instanceha.common.ForbiddenException;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every error of the API controllers into a Masakari fault body; never a stack trace. */
@RestControllerAdvice(basePackageClasses = FaultAdvice.class)
public class FaultAdvice {

    private static final Logger log = LoggerFactory.getLogger(FaultAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return fault(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return fault(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        return fault(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return fault(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Nova or Keystone could not answer a question the request depends on. */
    @ExceptionHandler(ExternalServiceException.class)
    ResponseEntity<Map<String, Object>> computeUnavailable(ExternalServiceException e) {
        log.warn("Nova could not answer: {}", e.getMessage());
        return fault(HttpStatus.SERVICE_UNAVAILABLE, "The compute service could not be asked: " + e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return fault(HttpStatus.BAD_REQUEST, "Malformed request body: the body must be valid JSON.");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return fault(HttpStatus.BAD_REQUEST, "Invalid request parameter.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> badMethod(HttpRequestMethodNotSupportedException e) {
        return fault(HttpStatus.METHOD_NOT_ALLOWED, "The method " + e.getMethod()
                + " is not allowed for this resource.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> badMediaType(HttpMediaTypeNotSupportedException e) {
        return fault(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request media type " + e.getContentType()
                + " is not supported; send application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return fault(HttpStatus.NOT_ACCEPTABLE, "Only application/json responses are available.");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> noRoute(Exception e) {
        return fault(HttpStatus.NOT_FOUND, "The resource could not be found.");
    }

    static final String DATABASE_UNAVAILABLE = "The database cannot be reached just now; try again shortly.";

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("API request failed, the database cannot be reached: {}", e.getMessage());
            return fault(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
        }
        log.error("Unexpected API error", e);
        return fault(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected API Error. The error has been logged; please report it to the cloud operator.");
    }

    static ResponseEntity<Map<String, Object>> fault(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Faults.body(status.value(), message));
    }
}
