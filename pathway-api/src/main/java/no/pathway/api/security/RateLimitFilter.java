package no.pathway.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (the token's subject; the remote address before authentication): {@code perSecond}
 * requests a second with bursts up to {@code burst}; past that 429 with Retry-After. In memory, per instance.
 */
public class RateLimitFilter extends OncePerRequestFilter {
    private static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String client = authentication != null && authentication.isAuthenticated()
                ? "client:" + authentication.getName() : "address:" + request.getRemoteAddr();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, clock.millis()));
        if (!bucket.take(perSecond, burst, clock.millis())) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from this client; slow down and retry.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Tokens refill continuously at perSecond up to burst. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** A clock stepping back (NTP) neither refills nor drains. */
        synchronized boolean take(double perSecond, int burst, long now) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * perSecond / 1000.0);
                last = now;
            }
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
