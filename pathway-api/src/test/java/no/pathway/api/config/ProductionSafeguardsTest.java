package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafeguardsTest {
    private static final String GOOD_SECRET = "k3J9-vQ2xZp7_Lm4Rt8WnB1cYd6Hs0Fa";

    private static void check(MockEnvironment env) {
        ProductionSafeguards safeguards = new ProductionSafeguards();
        safeguards.setEnvironment(env);
        safeguards.check();
    }

    /** A deployment under the given profiles with every setting right for production. */
    private static MockEnvironment production(String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        env.setProperty("pathway.pseudonym.secret", GOOD_SECRET);
        env.setProperty("pathway.ingest.accept-synthetic-person-ids", "false");
        env.setProperty("pathway.security.dev-issuer.enabled", "false");
        env.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://helseid-sts.nhn.no");
        env.setProperty("pathway.vault.kek-file", "/run/secrets/pathway-vault-kek.json");
        env.setProperty("pathway.vault.generate-development-kek", "false");
        return env;
    }

    /** The same with development settings: the dev issuer, synthetic ids and the development secret. */
    private static MockEnvironment developmentSettings(MockEnvironment env) {
        env.setProperty("pathway.pseudonym.secret", ProductionSafeguards.DEVELOPMENT_SECRET);
        env.setProperty("pathway.ingest.accept-synthetic-person-ids", "true");
        env.setProperty("pathway.security.dev-issuer.enabled", "true");
        env.setProperty("pathway.vault.kek-file", "data/vault-kek.development.json");
        env.setProperty("pathway.vault.generate-development-kek", "true");
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "production", "staging", "test", "default", "devel", "prod,metrics"})
    void every_profile_but_dev_refuses_the_development_issuer(String profiles) {
        MockEnvironment env = production(profiles.split(","));
        env.setProperty("pathway.security.dev-issuer.enabled", "true");
        assertThatThrownBy(() -> check(env)).hasMessageContaining("development token issuer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "production", "staging"})
    void production_with_real_settings_starts(String profile) {
        assertThatCode(() -> check(production(profile))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeSettings")
    void production_refuses_each_unsafe_setting(String setting, String value, String refusal) {
        MockEnvironment env = production("prod");
        env.setProperty(setting, value);
        var refused = assertThatThrownBy(() -> check(env)).hasMessageContaining(refusal);
        if (setting.equals("pathway.pseudonym.secret") && !value.isEmpty()) {
            refused.hasMessageNotContaining(value);
        }
    }

    static Stream<Arguments> unsafeSettings() {
        return Stream.of(
                Arguments.of("pathway.pseudonym.secret", ProductionSafeguards.DEVELOPMENT_SECRET,
                        "development default"),
                Arguments.of("pathway.pseudonym.secret", "x".repeat(64), "too weak"),
                Arguments.of("pathway.pseudonym.secret", "short-but-varied-9", "too weak"),
                Arguments.of("pathway.pseudonym.secret", "", "set PATHWAY_PSEUDONYM_SECRET"),
                Arguments.of("pathway.ingest.accept-synthetic-person-ids", "true", "synthetic"),
                Arguments.of("pathway.security.dev-issuer.enabled", "true", "development token issuer"),
                Arguments.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", "", "no token issuer"),
                Arguments.of("pathway.vault.kek-file", "", "PATHWAY_VAULT_KEK_FILE"),
                Arguments.of("pathway.vault.kek-file", "data/vault-kek.development.json", "PATHWAY_VAULT_KEK_FILE"),
                Arguments.of("pathway.vault.generate-development-kek", "true", "PATHWAY_VAULT_KEK_FILE"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void a_jwk_set_alone_is_not_an_issuer(boolean withJwkSet) {
        MockEnvironment env = production("prod");
        env.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
        if (withJwkSet) {
            env.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://idp.example/jwks");
        }
        assertThatThrownBy(() -> check(env)).hasMessageContaining("no token issuer");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void development_starts_with_development_settings_whether_named_or_by_default(boolean named) {
        MockEnvironment env = developmentSettings(new MockEnvironment());
        if (named) {
            env.setActiveProfiles("dev");
        } else {
            env.setDefaultProfiles("dev");
        }
        assertThatCode(() -> check(env)).doesNotThrowAnyException();
    }
}
