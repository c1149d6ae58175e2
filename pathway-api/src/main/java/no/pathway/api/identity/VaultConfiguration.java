package no.pathway.api.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The identity vault's key-encryption key, read (or, in development, generated) once at start; and its retention job. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VaultConfiguration {
    @Bean
    KeyEncryptionKey keyEncryptionKey(VaultProperties properties) {
        return KeyEncryptionKey.load(properties.kekFile(), properties.generateDevelopmentKek());
    }
}
