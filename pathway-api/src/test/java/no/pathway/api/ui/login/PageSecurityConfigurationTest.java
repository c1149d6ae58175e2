package no.pathway.api.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import no.pathway.api.security.SecurityProperties;
import org.junit.jupiter.api.Test;

class PageSecurityConfigurationTest {

    @Test
    void pages_allow_their_own_origin_only_and_forms_may_lead_on_to_an_outside_provider() {
        assertThat(PageSecurityConfiguration.policy(null)).isEqualTo(PageSecurityConfiguration.pagePolicy())
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval")
                .endsWith("form-action 'self'");
        LoginProvider helseId = new ConfiguredProvider(new LoginProperties("https://helseid-sts.test.nhn.no/",
                "pathway-web", null, "secret", null), new SecurityProperties("pathway",
                new SecurityProperties.Scopes("s", "c", "a", "o"), List.of("client_id"), "municipalities", null, null));
        assertThat(PageSecurityConfiguration.policy(helseId))
                .endsWith("form-action 'self' https://helseid-sts.test.nhn.no");
    }

    @Test
    void the_session_cookie_is_secure_in_every_profile_but_development() throws IOException {
        assertThat(properties("/application.properties").getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        assertThat(properties("/application-dev.properties").getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("false");
    }

    private Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            properties.load(in);
        }
        return properties;
    }
}
