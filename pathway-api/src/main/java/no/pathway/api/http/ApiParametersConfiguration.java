package no.pathway.api.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every call of the JSON API refuses query parameters its handler does not declare ({@link KnownParameters}). */
@Configuration(proxyBeanMethods = false)
class ApiParametersConfiguration implements WebMvcConfigurer {
    static final String API = "/api/**";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownParameters()).addPathPatterns(API);
    }
}
