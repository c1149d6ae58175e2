package no.pathway.api.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import no.pathway.core.value.IdentityNumbers;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a safe token (1-64 of
 * {@code A-Z a-z 0-9 . _ -}, and no national identity number in it, however split), otherwise a new UUID. It is echoed
 * in the response's {@code X-Request-Id} and put in the logging context as {@code requestId} for the request's
 * lines (the text pattern shows it, the JSON formats carry it as a field), so an integrator's id finds the service's
 * lines. An unsafe value is never echoed nor logged: it is replaced, not refused, since the id is a convenience.
 */
public class RequestIds extends OncePerRequestFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The caller's id when it is safe, else a new one. */
    static String idOf(String given) {
        return isSafe(given) ? given : UUID.randomUUID().toString();
    }

    static boolean isSafe(String given) {
        return given != null && SAFE.matcher(given).matches()
                && !IdentityNumbers.foundIn(given, IdentityNumbers.Rule.PLAUSIBLE);
    }
}
