package no.pathway.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriUtils;

/**
 * Refuses a call to the API that carries a query parameter its handler does not declare: 400 problem+json naming
 * each one, before the handler runs (so nothing is read, logged or changed). Without this a parameter a caller
 * believed in (an {@code at} on {@code /gaps}) was silently ignored and the answer looked like one to the question
 * asked (docs/security.md, "Unknown parameters"). The names a handler accepts are its {@link RequestParam}s; a
 * handler taking a map of them accepts any. Only the query string counts: the API's bodies are JSON, and the pages'
 * form fields ({@code _csrf}, {@code lang}) never reach this interceptor, which is registered for the API only.
 */
public final class KnownParameters implements HandlerInterceptor {
    /** A name plain enough to echo; any other is reported without its name. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    static final String UNKNOWN = "is not a parameter of this call";
    static final String UNNAMED = "(unnamed)";
    /** Every name is accepted. */
    private static final Set<String> ANY = Set.of("*");

    private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> names = accepted.computeIfAbsent(method, KnownParameters::declared);
        if (names == ANY) {
            return true;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : queryNames(request.getQueryString())) {
            if (!names.contains(name)) {
                boolean plain = PLAIN_NAME.matcher(name).matches();
                problems.add(new FieldProblem(plain ? name : UNNAMED, plain ? UNKNOWN
                        : UNKNOWN + " (its name is not shown: it is not a plain name)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.stream().distinct().toList());
        }
        return true;
    }

    /** The names of the query parameters a handler method declares, or {@link #ANY}. */
    static Set<String> declared(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType()) && !StringUtils.hasText(param.name())) {
                return ANY;
            }
            String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
            if (name == null) {
                throw new IllegalStateException("compile with -parameters or name the @RequestParam of " + method);
            }
            names.add(name);
        }
        return Set.copyOf(names);
    }

    /** The decoded names in a raw query string, in order, each once. */
    static Set<String> queryNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String raw = equals < 0 ? pair : pair.substring(0, equals);
            try {
                names.add(UriUtils.decode(raw.replace('+', ' '), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(raw); // a broken escape: not a plain name, so reported unnamed
            }
        }
        return names;
    }
}
