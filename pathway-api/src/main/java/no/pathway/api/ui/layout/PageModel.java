package no.pathway.api.ui.layout;

import java.util.stream.Collectors;
import java.util.Arrays;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pathway.api.security.Caller;
import no.pathway.api.security.CallerArgumentResolver;
import no.pathway.api.security.Role;
import no.pathway.api.ui.login.PersonLogin;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's layout shows: who is logged in, the menu for their roles, the language switch. */
@ControllerAdvice(basePackages = "no.pathway.api.ui")
@Order(0)
class PageModel {
    /** The person in the header: the same caller the API would see for their token. */
    record Me(String name, List<Role> roles, List<String> municipalities) {
    }

    /** A link to this very page in another language. */
    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    private final Menu menu;
    private final CallerArgumentResolver callers;

    PageModel(Menu menu, CallerArgumentResolver callers) {
        this.menu = menu;
        this.callers = callers;
    }

    /** The same for a page an exception handler writes, which gets no model attributes of its own. */
    void fill(Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("me", me());
        model.addAttribute("menu", menu(request));
        model.addAttribute("languages", languages(request, locale));
    }

    @ModelAttribute("me")
    Me me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        PersonLogin person = PersonLogin.of(authentication);
        if (person == null) {
            return null;
        }
        Caller caller = callers.of((JwtAuthenticationToken) authentication);
        return new Me(person.displayName(), caller.roles().stream().sorted().toList(),
                caller.municipalities().stream().sorted().map(Municipalities::label).toList());
    }

    @ModelAttribute("menu")
    List<Menu.Item> menu(HttpServletRequest request) {
        return menu.items(roles(), request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** Links to the page asked for (not the error page it was forwarded to), with its query, in each language. */
    @ModelAttribute("languages")
    List<LanguageLink> languages(HttpServletRequest request, Locale locale) {
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwardedFrom != null ? forwardedFrom.toString() : request.getRequestURI();
        String query = forwardedFrom != null ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
                : request.getQueryString();
        return Languages.ALL.stream().map(l -> new LanguageLink(l.toLanguageTag(), Languages.nativeName(l),
                UriComponentsBuilder.fromPath(path).query(query)
                        .replaceQueryParam(Languages.PARAMETER, l.toLanguageTag()).build(true).toUriString(),
                l.getLanguage().equals(locale.getLanguage()))).toList();
    }

    /** The roles of the person logged in; none on the pages before login. */
    static Set<Role> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (PersonLogin.of(authentication) == null) {
            return Set.of();
        }
        return Arrays.stream(Role.values()).filter(r -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(r.authority()))).collect(Collectors.toSet());
    }
}
