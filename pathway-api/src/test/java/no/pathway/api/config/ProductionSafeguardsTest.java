package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafeguardsTest {
    private static final String GOOD_SECRET = "a-real-secret-of-at-least-thirty-two-characters";
    private static final Path REAL_KEK = Path.of("/run/secrets/pathway-vault-kek.json");

    private static MockEnvironment prod(boolean withIssuer) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        if (withIssuer) {
            env.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://helseid-sts.nhn.no");
        }
        return env;
    }

    @Test
    void production_with_real_settings_starts() {
        assertThatCode(() -> new ProductionSafeguards(prod(true), GOOD_SECRET, false, false, REAL_KEK, false).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void production_refuses_the_development_pseudonym_secret() {
        assertThatThrownBy(() -> new ProductionSafeguards(prod(true), ProductionSafeguards.DEVELOPMENT_SECRET,
                false, false, REAL_KEK, false).afterPropertiesSet()).hasMessageContaining("PATHWAY_PSEUDONYM_SECRET");
        assertThatThrownBy(() -> new ProductionSafeguards(prod(true), "short", false, false, REAL_KEK, false).afterPropertiesSet())
                .hasMessageContaining("32 characters");
    }

    @Test
    void production_refuses_synthetic_person_ids() {
        assertThatThrownBy(() -> new ProductionSafeguards(prod(true), GOOD_SECRET, true, false, REAL_KEK, false).afterPropertiesSet())
                .hasMessageContaining("synthetic");
    }

    @Test
    void production_refuses_the_development_issuer_and_a_missing_issuer() {
        assertThatThrownBy(() -> new ProductionSafeguards(prod(true), GOOD_SECRET, false, true, REAL_KEK, false).afterPropertiesSet())
                .hasMessageContaining("development token issuer");
        assertThatThrownBy(() -> new ProductionSafeguards(prod(false), GOOD_SECRET, false, false, REAL_KEK, false).afterPropertiesSet())
                .hasMessageContaining("without a token issuer");
    }

    @Test
    void production_refuses_a_development_or_generated_vault_key() {
        assertThatThrownBy(() -> new ProductionSafeguards(prod(true), GOOD_SECRET, false, false,
                Path.of("data/vault-kek.development.json"), false).afterPropertiesSet())
                .hasMessageContaining("PATHWAY_VAULT_KEK_FILE");
        assertThatThrownBy(() -> new ProductionSafeguards(prod(true), GOOD_SECRET, false, false, REAL_KEK, true)
                .afterPropertiesSet()).hasMessageContaining("PATHWAY_VAULT_KEK_FILE");
    }

    @Test
    void development_starts_with_development_settings() {
        assertThatCode(() -> new ProductionSafeguards(new MockEnvironment(), ProductionSafeguards.DEVELOPMENT_SECRET,
                true, true, Path.of("data/vault-kek.development.json"), true).afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
