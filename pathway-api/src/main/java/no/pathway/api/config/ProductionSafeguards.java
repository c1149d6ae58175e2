package no.pathway.api.config;

import java.nio.file.Path;
import no.pathway.api.identity.KeyEncryptionKey;
import no.pathway.api.identity.PseudonymSecret;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start outside development with settings that would undermine privacy or security. Development is the
 * {@code dev} profile, which the bare run command gets by default; every other profile, whatever its name
 * ({@code prod}, {@code production}, {@code staging}), is held to these rules. A bean factory post-processor, so it
 * runs before any other bean is made: a refused start has touched neither the database nor the network.
 */
@Component
class ProductionSafeguards implements BeanFactoryPostProcessor, EnvironmentAware {
    static final String DEVELOPMENT = "dev";
    static final String DEVELOPMENT_SECRET = "development-only-pseudonym-secret-do-not-use-in-production";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check();
    }

    void check() {
        if (environment.acceptsProfiles(Profiles.of(DEVELOPMENT))) {
            return;
        }
        String secret = environment.getProperty("pathway.pseudonym.secret", "");
        if (secret.isBlank()) {
            refuse("set PATHWAY_PSEUDONYM_SECRET, from a secret store.");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            refuse("set PATHWAY_PSEUDONYM_SECRET to a secret of your own, not the development default.");
        }
        PseudonymSecret.weakness(secret).ifPresent(weakness -> refuse("PATHWAY_PSEUDONYM_SECRET is too weak ("
                + weakness + "); generate one, e.g. openssl rand -base64 48."));
        if (environment.getProperty("pathway.ingest.accept-synthetic-person-ids", Boolean.class, false)) {
            refuse("synthetic person ids are accepted (pathway.ingest.accept-synthetic-person-ids).");
        }
        if (environment.getProperty("pathway.security.dev-issuer.enabled", Boolean.class, false)) {
            refuse("the development token issuer is on (its key and token minting are for development only).");
        }
        String kek = environment.getProperty("pathway.vault.kek-file", "");
        if (!StringUtils.hasText(kek) || KeyEncryptionKey.isDevelopmentFile(Path.of(kek))
                || environment.getProperty("pathway.vault.generate-development-kek", Boolean.class, false)) {
            refuse("set PATHWAY_VAULT_KEK_FILE to the identity vault's key-encryption keyset from the secret store "
                    + "(not the development keyset, and never generated).");
        }
        if (!StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))) {
            refuse("no token issuer: set spring.security.oauth2.resourceserver.jwt.issuer-uri (also with a "
                    + "jwk-set-uri: it names the issuer every token must carry).");
        }
    }

    private void refuse(String why) {
        throw new IllegalStateException("Refusing to start outside the development profile (active profiles: "
                + String.join(",", environment.getActiveProfiles()) + "): " + why);
    }
}
