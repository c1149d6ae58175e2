package no.pathway.api.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries, errors included, whoever writes it: a controller, a filter of the security
 * chain, or the container itself ({@link ProblemErrorReportValve}). They are set before anything else runs, so no
 * path can forget them. HSTS only on a request that arrived over TLS, also when a proxy terminated it and said so
 * in {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy=native}).
 *
 * <p>The API's content security policy allows nothing at all; the web application's pages load their own styles,
 * scripts and images, so their policy (own origin only) and referrer policy come from the pages' security chains,
 * whose header writers add a header only when none is there yet.
 */
public final class SecurityHeaders {
    static final String HSTS = "Strict-Transport-Security";
    /** The paths answered as API (JSON, problem+json), not as pages. */
    private static final String[] API_PREFIXES = {"/api/", "/actuator", "/v3/api-docs", "/dev/tokens"};

    private SecurityHeaders() {
    }

    /** The headers of an answer to a request for {@code path}. */
    public static void apply(HttpServletResponse response, boolean secure, String path) {
        if (isApi(path)) {
            apply(response, secure);
        } else {
            common(response, secure);
        }
    }

    /** The API's headers, for any answer the service writes as problem+json. */
    public static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        common(response, secure);
    }

    private static boolean isApi(String path) {
        for (String prefix : API_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void common(HttpServletResponse response, boolean secure) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (secure) {
            response.setHeader(HSTS, "max-age=31536000; includeSubDomains");
        }
    }
}
