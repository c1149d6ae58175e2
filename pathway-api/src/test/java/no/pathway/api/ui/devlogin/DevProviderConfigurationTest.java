package no.pathway.api.ui.devlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The development provider exists only with the development switch on, as the prod profile can never have it. */
class DevProviderConfigurationTest {

    @Test
    void without_the_development_switch_there_is_no_development_provider_and_no_login_page() {
        new WebApplicationContextRunner()
                .withUserConfiguration(DevProviderConfiguration.class, DevLoginController.class)
                .withPropertyValues("pathway.security.dev-issuer.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(DevProviderConfiguration.class)
                        .doesNotHaveBean(DevLoginController.class)
                        .doesNotHaveBean("devProvider")
                        .doesNotHaveBean("devLoginProvider"));
    }
}
