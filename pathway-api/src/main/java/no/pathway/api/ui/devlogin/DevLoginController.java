package no.pathway.api.ui.devlogin;

import java.util.LinkedHashMap;
import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.security.Role;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.core.value.FreeText;
import no.pathway.core.value.MunicipalityNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The development provider's login page: choose a role, municipalities and a name, and the provider logs you in as
 * that person and goes on with the authorization request that brought you here.
 */
@Controller
@ConditionalOnProperty(name = "pathway.security.dev-issuer.enabled", havingValue = "true")
class DevLoginController {
    static final String PATH = "/dev/login";
    static final List<Role> ROLES = List.of(Role.COORDINATOR, Role.AUDITOR, Role.OPERATOR);
    private static final int MAX_NAME = 80;

    /** A submitted form's errors by field, as message keys. */
    record Form(String role, List<String> municipalities, String name, Map<String, String> errors) {
    }

    private final DevLogins logins;
    private final Clock clock;

    DevLoginController(DevLogins logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(Model model) {
        return show(model, new Form(Role.COORDINATOR.name(), List.of("0301"), "", Map.of()));
    }

    @PostMapping(PATH)
    String login(@RequestParam(required = false) String role,
                 @RequestParam(name = "municipality", required = false) List<String> municipalities,
                 @RequestParam(required = false) String name, HttpServletRequest request,
                 HttpServletResponse response, Model model) throws IOException {
        Form form = validate(role, municipalities == null ? List.of() : municipalities, name == null ? "" : name.strip());
        if (!form.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form);
        }
        DevGrant grant = new DevGrant(Role.valueOf(form.role()), form.municipalities(), form.name().isEmpty()
                ? defaultName(Role.valueOf(form.role())) : form.name());
        // the factor says how and when the person logged in: the provider's ID token states it as auth_time
        var authentication = UsernamePasswordAuthenticationToken.authenticated(grant.subject(), null,
                List.of(FactorGrantedAuthority.withFactor("DEVELOPMENT_CHOICE").issuedAt(clock.instant()).build()));
        authentication.setDetails(grant);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        logins.contexts().saveContext(context, request, response);
        SavedRequest waiting = logins.requests().getRequest(request, response);
        logins.requests().removeRequest(request, response);
        response.sendRedirect(waiting == null ? "/" : waiting.getRedirectUrl());
        return null;
    }

    private static Form validate(String role, List<String> municipalities, String name) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean knownRole = ROLES.stream().anyMatch(r -> r.name().equals(role));
        if (!knownRole) {
            errors.put("role", "devlogin.error.role");
        }
        List<String> valid = new ArrayList<>();
        for (String m : municipalities) {
            if (MunicipalityNumber.problem(m).isPresent()) {
                errors.put("municipality", "devlogin.error.municipality");
            } else if (!valid.contains(m)) {
                valid.add(m);
            }
        }
        if (knownRole && Role.valueOf(role) == Role.COORDINATOR && valid.isEmpty()) {
            errors.putIfAbsent("municipality", "devlogin.error.coordinatorMunicipality");
        }
        if (FreeText.problem(name, MAX_NAME).isPresent()) {
            errors.put("name", "devlogin.error.name");
        }
        return new Form(knownRole ? role : null, valid, name, errors);
    }

    private static String defaultName(Role role) {
        return switch (role) {
            case COORDINATOR -> "Kari Koordinator";
            case AUDITOR -> "Rita Revisor";
            default -> "Ola Operatør";
        };
    }

    private static String show(Model model, Form form) {
        model.addAttribute("form", form);
        model.addAttribute("roles", ROLES);
        model.addAttribute("municipalities", Municipalities.KNOWN);
        return "devlogin/login";
    }
}
