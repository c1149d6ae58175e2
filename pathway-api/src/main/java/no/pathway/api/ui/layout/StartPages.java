package no.pathway.api.ui.layout;

import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.ui.login.PageRule;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pages around the features: "/" leads each person to the first page of their menu, the logged-out and
 * login-failed pages, and the page a refused request is shown (no role for the page, or a form without its CSRF
 * token).
 */
@Controller
class StartPages {
    private final Menu menu;

    StartPages(Menu menu) {
        this.menu = menu;
    }

    @Bean
    static PageRule startPage() {
        return PageRule.of(Set.of(Role.COORDINATOR, Role.AUDITOR, Role.OPERATOR), "/");
    }

    @GetMapping("/")
    String start() {
        String start = menu.start(PageModel.roles());
        return start == null ? "start/nothing-yet" : "redirect:" + start;
    }

    @GetMapping("/logged-out")
    String loggedOut() {
        return "start/logged-out";
    }

    @GetMapping("/login-failed")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String loginFailed() {
        return "start/login-failed";
    }

    @RequestMapping("/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied() {
        return "start/access-denied";
    }
}
