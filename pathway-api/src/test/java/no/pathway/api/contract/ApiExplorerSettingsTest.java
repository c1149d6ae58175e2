package no.pathway.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The API explorer is off unless switched on, and the files switch it on for development only. */
class ApiExplorerSettingsTest {
    private static final String SETTING = "pathway.api-explorer.enabled";

    private static Properties file(String name) throws IOException {
        return PropertiesLoaderUtils.loadProperties(new ClassPathResource(name));
    }

    @Test
    void the_explorer_is_off_in_production_and_on_in_development() throws IOException {
        assertThat(file("application.properties").getProperty(SETTING)).isEqualTo("false");
        assertThat(file("application-dev.properties").getProperty(SETTING)).isEqualTo("true");
        ConditionalOnProperty condition = ApiExplorer.class.getAnnotation(ConditionalOnProperty.class);
        assertThat(condition.name()).containsExactly(SETTING);
        assertThat(condition.havingValue()).isEqualTo("true");
        assertThat(condition.matchIfMissing()).isFalse();
    }
}
