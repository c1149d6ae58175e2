package no.pathway.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (the token's subject; the remote address before authentication): {@code perSecond}
 * requests a second with bursts up to {@code burst}; past that 429 with Retry-After. In memory, per instance.
 * Requests that fail authentication never get here; {@link FailedAuthenticationLimit} limits those.
 */
public class RateLimitFilter extends OncePerRequestFilter {
    private final TokenBuckets buckets;

    RateLimitFilter(double perSecond, int burst, Clock clock) {
        this.buckets = new TokenBuckets(perSecond, burst, clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String client = authentication != null && authentication.isAuthenticated()
                ? "client:" + authentication.getName() : "address:" + request.getRemoteAddr();
        if (!buckets.take(client)) {
            tooMany(response);
            return;
        }
        chain.doFilter(request, response);
    }

    static void tooMany(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; slow down and retry.");
    }
}
