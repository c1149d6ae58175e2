package no.pathway.api.config;

import java.nio.file.Path;
import java.util.Arrays;
import no.pathway.api.identity.KeyEncryptionKey;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Refuses to start in the prod profile with development settings that would undermine privacy or security. */
@Component
class ProductionSafeguards implements InitializingBean {
    static final String DEVELOPMENT_SECRET = "development-only-pseudonym-secret-do-not-use-in-production";

    private final Environment environment;
    private final String secret;
    private final boolean acceptSynthetic;
    private final boolean devIssuer;
    private final Path kekFile;
    private final boolean generateKek;

    ProductionSafeguards(Environment environment,
                         @Value("${pathway.pseudonym.secret}") String secret,
                         @Value("${pathway.ingest.accept-synthetic-person-ids}") boolean acceptSynthetic,
                         @Value("${pathway.security.dev-issuer.enabled}") boolean devIssuer,
                         @Value("${pathway.vault.kek-file}") Path kekFile,
                         @Value("${pathway.vault.generate-development-kek}") boolean generateKek) {
        this.environment = environment;
        this.secret = secret;
        this.acceptSynthetic = acceptSynthetic;
        this.devIssuer = devIssuer;
        this.kekFile = kekFile;
        this.generateKek = generateKek;
    }

    @Override
    public void afterPropertiesSet() {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        if (DEVELOPMENT_SECRET.equals(secret) || secret.length() < 32) {
            throw new IllegalStateException("Refusing to start in prod: set PATHWAY_PSEUDONYM_SECRET to a secret "
                    + "of at least 32 characters (not the development default).");
        }
        if (acceptSynthetic) {
            throw new IllegalStateException("Refusing to start in prod with synthetic person ids accepted.");
        }
        if (devIssuer) {
            throw new IllegalStateException("Refusing to start in prod with the development token issuer "
                    + "(its key and token minting are for development only).");
        }
        if (generateKek || KeyEncryptionKey.isDevelopmentFile(kekFile)) {
            throw new IllegalStateException("Refusing to start in prod with a development key-encryption key for the "
                    + "identity vault: set PATHWAY_VAULT_KEK_FILE to the keyset from the secret store.");
        }
        if (environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri") == null
                && environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri") == null) {
            throw new IllegalStateException("Refusing to start in prod without a token issuer: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri.");
        }
    }
}
