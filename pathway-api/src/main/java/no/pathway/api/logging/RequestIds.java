package no.pathway.api.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import no.pathway.core.value.IdentityNumbers;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a safe token (1-64 of
 * {@code A-Z a-z 0-9 . _ -}, and no national identity number in it, however split), otherwise a new one of 24 random
 * lower-case letters: no digits, because a UUID's digit runs split by its hyphens can spell a plausible identity
 * number, which every scan of answers and logs would then rightly flag. It is echoed
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
        return isSafe(given) ? given : generated();
    }

    /** 24 lower-case letters (about 112 bits): an id for finding lines or events, not a secret; no digits to misread. */
    public static String generated() {
        char[] id = new char[24];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(id);
    }

    static boolean isSafe(String given) {
        return given != null && SAFE.matcher(given).matches()
                && !IdentityNumbers.foundIn(given, IdentityNumbers.Rule.PLAUSIBLE);
    }
}
