package no.pathway.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "no.pathway")
@ConfigurationPropertiesScan("no.pathway")
public class PathwayApplication {
    public static void main(String[] args) {
        SpringApplication.run(PathwayApplication.class, args);
    }
}
