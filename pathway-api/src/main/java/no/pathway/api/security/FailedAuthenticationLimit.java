package no.pathway.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that fail authentication (no token, a garbage, expired or wrongly signed one), limited per remote
 * address: {@code perSecond} failures a second with bursts up to {@code burst}. Once an address has used them up,
 * its requests are answered 429 before any token is looked at, until the bucket refills. Sits before bearer
 * authentication; the entry point that answers 401 charges the failure ({@link #failed}).
 */
class FailedAuthenticationLimit extends OncePerRequestFilter {
    private final TokenBuckets failures;

    FailedAuthenticationLimit(double perSecond, int burst, Clock clock) {
        this.failures = new TokenBuckets(perSecond, burst, clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!failures.has(request.getRemoteAddr())) {
            RateLimitFilter.tooMany(response);
            return;
        }
        chain.doFilter(request, response);
    }

    void failed(HttpServletRequest request) {
        failures.take(request.getRemoteAddr());
    }
}
