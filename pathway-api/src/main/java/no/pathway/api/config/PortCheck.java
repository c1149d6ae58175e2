package no.pathway.api.config;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Refuses to start, before anything touches the database, when {@code server.port} is taken. Tomcat binds its port
 * only once every bean is made, so a port in use was reported after the embedded database had started and the
 * migrations had run (23 s in the outage drill). Bean factory post-processors run before any bean is made; Spring
 * Boot reports the {@link PortInUseException} as it would Tomcat's. Port 0 (any free port) needs no check; another
 * process may still take the port before Tomcat binds it, which Tomcat then reports as before.
 */
@Configuration(proxyBeanMethods = false)
public class PortCheck {

    @Bean
    static BeanFactoryPostProcessor portInUseCheck(Environment environment) {
        return beanFactory -> {
            int port = environment.getProperty("server.port", Integer.class, 8080);
            if (port > 0) {
                requireFree(environment.getProperty("server.address"), port);
            }
        };
    }

    static void requireFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Tomcat binds: a port left in TIME_WAIT by a stopped instance is free
            socket.bind(new InetSocketAddress(address == null ? null : InetAddress.getByName(address), port));
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        } catch (IOException e) {
            throw new IllegalStateException("Could not check whether port " + port + " is free", e);
        }
    }
}
