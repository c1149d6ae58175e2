package no.pathway.api.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries, errors included, whoever writes it: a controller, a filter of the security
 * chain, or the container itself ({@link ProblemErrorReportValve}). They are set before anything else runs, so no
 * path can forget them. HSTS only on a request that arrived over TLS, also when a proxy terminated it and said so
 * in {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy=native}).
 */
public final class SecurityHeaders {
    static final String HSTS = "Strict-Transport-Security";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (secure) {
            response.setHeader(HSTS, "max-age=31536000; includeSubDomains");
        }
    }
}
