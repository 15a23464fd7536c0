package org.instanceha.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.instanceha.common.DatabaseUnavailable;
import org.instanceha.common.FieldRules;
import org.instanceha.common.InvalidInputException;
import org.instanceha.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The dashboard's own error page: a malformed or unknown id is a 404, a bad filter or form field a
 * 400, each with its message; anything unexpected is a 500 page with no details, logged once.
 */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
public class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(response, 404, "Not found", e.getMessage(), model);
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        return page(response, 400, "Bad request", e.getMessage(), model);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badParameter(Exception e, Model model, HttpServletResponse response) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return page(response, 400, "Bad request", "The parameter '" + FieldRules.shortened(name)
                + "' is missing or not valid.", model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Dashboard page failed, the database cannot be reached: {}", e.getMessage());
            return page(response, 503, "Database unavailable", "The database cannot be reached just now; the page "
                    + "will work again when it is back.", model);
        }
        log.error("Dashboard page failed", e);
        return page(response, 500, "Something went wrong", "The page could not be shown; the error has been "
                + "logged.", model);
    }

    private static String page(HttpServletResponse response, int status, String title, String message,
                               Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }
}
