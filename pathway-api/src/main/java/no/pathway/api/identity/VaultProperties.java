package no.pathway.api.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity vault's settings (docs/security.md, docs/operations.md).
 *
 * @param kekFile                the key-encryption keyset (a Tink JSON keyset file from the secret store)
 * @param generateDevelopmentKek generate a missing development keyset (a file named {@code *.development.json})
 * @param retention              a number is erased when nothing was recorded on its pathway for this long
 * @param retentionCheck         how often the retention rule runs
 * @param revealsPerHour         how many numbers one person (token subject) may reveal in any hour
 */
@ConfigurationProperties("pathway.vault")
public record VaultProperties(Path kekFile, boolean generateDevelopmentKek, Period retention, Duration retentionCheck,
                              int revealsPerHour) {
}
