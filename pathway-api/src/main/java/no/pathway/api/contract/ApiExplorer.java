package no.pathway.api.contract;

import no.pathway.api.security.SecurityConfiguration;
import no.pathway.api.ui.login.PageSecurityConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Development's API explorer: Swagger UI at {@value #PATH}, showing the hand-written document, so that an
 * integrator can try calls with a development token ({@code POST /dev/tokens}). Off unless
 * {@code pathway.api-explorer.enabled} (on in the dev profile only). Its files come from the swagger-ui webjar
 * through this path alone, under the pages' content security policy (own origin; it needs no inline script or style).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pathway.api-explorer.enabled", havingValue = "true")
class ApiExplorer implements WebMvcConfigurer {
    static final String PATH = "/api-explorer";
    /** Between the API's chain and the pages' (which refuses every path it does not know). */
    static final int ORDER = SecurityConfiguration.API_ORDER + 1;

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController(PATH, PATH + "/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // our page and initializer first, then Swagger UI's files (the webjar's version found by the locator)
        registry.addResourceHandler(PATH + "/**")
                .addResourceLocations("classpath:/api-explorer/", "classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain apiExplorerPages(HttpSecurity http) throws Exception {
        http.securityMatcher(PATH, PATH + "/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, PATH, PATH + "/**").permitAll()
                        .anyRequest().denyAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(PageSecurityConfiguration.pagePolicy()))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
