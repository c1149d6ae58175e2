package no.pathway.api.http;

import org.apache.catalina.Manager;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.session.ManagerBase;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import no.pathway.api.logging.RequestIds;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every error answer, wherever it arises, is problem+json in {@link Problem}'s shape with the
 * {@link SecurityHeaders}, and echoes nothing (docs/security.md): in the controllers ({@link ApiExceptionHandler}),
 * in the filters ({@link EdgeFilter}), at the firewall (the handler below) and in the container
 * ({@link ProblemErrorReportValve}). Spring Boot's {@code /error} page is switched off
 * ({@code spring.autoconfigure.exclude} in application.properties): it echoed the request's path.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    FilterRegistrationBean<EdgeFilter> edgeFilter() {
        FilterRegistrationBean<EdgeFilter> registration = new FilterRegistrationBean<>(new EdgeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Outermost, so even the edge's refusals carry the request id and its log lines name it. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Runs after Spring Boot's own customizer, whose plain ErrorReportValve it replaces. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            // the host adds a valve of this class when it starts, unless one is there
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemErrorReportValve());
        });
    }

    /** Session ids without digits ({@link LetterSessionIds}); the manager is the one Tomcat would make otherwise. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> letterSessionIds() {
        return factory -> factory.addContextCustomizers(context -> {
            Manager manager = context.getManager();
            if (manager == null) {
                manager = new StandardManager();
                context.setManager(manager);
            }
            ((ManagerBase) manager).setSessionIdGenerator(new LetterSessionIds());
        });
    }

    /** A request the firewall rejects (a bad byte in a header, an encoded slash in the path) is a client's error. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, e) -> Problem.of(400).writeTo(response);
    }
}
