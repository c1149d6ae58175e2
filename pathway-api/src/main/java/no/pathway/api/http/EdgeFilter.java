package no.pathway.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter but the request id's ({@code logging.RequestIds}): sets the {@link SecurityHeaders} on
 * every answer before anything else runs, and lets no exception through to the container, whose own logging would
 * quote its message. Whatever escapes the filters and the controllers is logged by type ({@link QuietErrors}) and
 * answered as problem+json: 400 for a request the firewall rejected, 500 for anything else.
 */
public class EdgeFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(EdgeFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        SecurityHeaders.apply(response, request.isSecure(), request.getRequestURI());
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Throwable cause = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            boolean rejected = cause instanceof RequestRejectedException;
            if (!rejected && !(cause instanceof ClientAbortException)) {
                QuietErrors.error(log, "Request failed outside the controllers", cause);
            }
            if (!response.isCommitted()) {
                response.resetBuffer();
                SecurityHeaders.apply(response, request.isSecure());
                Problem.of(rejected ? 400 : 500).writeTo(response);
            }
        }
    }
}
