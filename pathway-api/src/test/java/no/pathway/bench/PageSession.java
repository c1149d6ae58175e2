package no.pathway.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person logged in to the web application over plain HTTP, as a browser would be: it asks for a page, follows the
 * redirects to the development provider's login page, submits the form (role, municipalities, name, CSRF token)
 * and comes back through the authorization-code flow with a session cookie. Redirects and cookies are the
 * client's; no script runs, so what is timed is the server's HTML answer.
 */
final class PageSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final String subject;

    private PageSession(String base, String subject) {
        this.base = base;
        this.subject = subject;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Logs in through the development provider, starting from {@code landing} (a page that needs the login). */
    static PageSession logIn(String base, String role, List<String> municipalities, String name, String landing)
            throws IOException, InterruptedException {
        PageSession session = new PageSession(base, subjectOf(role, municipalities, name));
        HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(URI.create(base + landing)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (!login.uri().getPath().startsWith("/dev/login")) {
            throw new IllegalStateException(landing + " did not lead to the login page but to " + login.uri());
        }
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        String form = "role=" + role + municipalities.stream().map(m -> "&municipality=" + m).collect(Collectors.joining())
                + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> landed = session.http.send(HttpRequest.newBuilder(login.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || !landed.uri().getPath().equals(URI.create(base + landing).getPath())) {
            throw new IllegalStateException("the login ended at " + landed.uri() + " (" + landed.statusCode() + ")");
        }
        return session;
    }

    /** The development provider's subject for this choice (DevGrant): the same choice, the same person. */
    static String subjectOf(String role, List<String> municipalities, String name) {
        String key = role + "|" + String.join(",", municipalities) + "|" + name;
        return "dev-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The subject the provider gives this person: what "assigned to me" matches. */
    String subject() {
        return subject;
    }

    /** A page's HTML; it must answer 200 at that very page (not a login page after a lost session). */
    String page(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.uri().getPath().equals(URI.create(base + pathAndQuery).getPath())) {
            throw new IllegalStateException(pathAndQuery + " answered " + r.statusCode() + " at " + r.uri());
        }
        return r.body();
    }
}
