package no.pathway.api.ui.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors of the pages as pages (the API's advice answers problem+json): the status, a sentence, no detail of the
 * request. A pathway that is not there and one the person may not see get the very same page, as in the API.
 */
@ControllerAdvice(basePackages = "no.pathway.api.ui")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final PageModel pageModel;

    PageErrors(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return page(request, response, model, locale, HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(Forbidden.class)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return page(request, response, model, locale, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(InvalidRequest.class)
    String invalid(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        return page(request, response, model, locale, HttpStatus.BAD_REQUEST, "error.invalid");
    }

    /** Spring MVC's own refusals (wrong method, a missing parameter) keep their status; anything else is ours. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model,
                      Locale locale) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.resolve(refusal.getStatusCode().value());
            return page(request, response, model, locale, status == null ? HttpStatus.BAD_REQUEST : status,
                    "error.invalid");
        }
        // the type and where, never the message: messages of lower layers may quote input
        StackTraceElement[] where = e.getStackTrace();
        log.error("Unexpected error of type {} on a page, at {}", e.getClass().getName(),
                where.length == 0 ? "?" : where[0]);
        return page(request, response, model, locale, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    /** The error page: a heading and a sentence ({@code <key>.title}, {@code <key>}), in the usual frame. */
    private String page(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                        HttpStatus status, String message) {
        pageModel.fill(model, request, locale);
        response.setStatus(status.value());
        model.addAttribute("message", message);
        return "start/error";
    }
}
