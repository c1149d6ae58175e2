package no.pathway.api.ui.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' languages: Norwegian bokmål first, English second. A person's choice is kept in a cookie of its own (a
 * preference, no secret), so it outlives a logout; without one, bokmål, whatever the browser asks for.
 */
public final class Languages extends CookieLocaleResolver {
    public static final Locale BOKMAAL = Locale.forLanguageTag("nb");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(BOKMAAL, ENGLISH);
    public static final String PARAMETER = "lang";

    Languages(boolean secure) {
        super("pathway-language");
        setDefaultLocale(BOKMAAL);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setCookieSecure(secure);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(super.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, supported(locale));
    }

    /** A language's name in itself, as a language switch shows it. */
    static String nativeName(Locale language) {
        return language.equals(ENGLISH) ? "English" : "Norsk";
    }

    public static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals(ENGLISH.getLanguage()) ? ENGLISH : BOKMAAL;
    }
}
