package no.pathway.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.pathway.api.http.InvalidRequest;
import no.pathway.core.value.FreeText;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A stated purpose must be short plain text without an identity number, or the request is refused (400). It
 * registers itself for every handler, so the security configuration need not know the access log.
 */
@Component
public class PurposeCheck implements HandlerInterceptor, WebMvcConfigurer {
    static final int MAX_PURPOSE = 200;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String purpose;
        try {
            purpose = request.getHeader(AccessLog.PURPOSE_HEADER);
        } catch (RequestRejectedException e) {
            // the firewall refuses control characters and the like when the header is first read
            throw new InvalidRequest(AccessLog.PURPOSE_HEADER, "must be plain text");
        }
        if (purpose != null) {
            FreeText.problem(purpose, MAX_PURPOSE).ifPresent(p -> {
                throw new InvalidRequest(AccessLog.PURPOSE_HEADER, p);
            });
        }
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }
}
