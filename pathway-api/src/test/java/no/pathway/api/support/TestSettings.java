package no.pathway.api.support;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import no.pathway.api.security.SourceGrant;
import no.pathway.core.event.Setting;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every test application context needs, whichever database it runs on. */
public final class TestSettings {
    /** Source systems the tests post as, each granted every setting, type and municipality. */
    private static final String[] ALL_GRANTING_SOURCES = {"test-source", "scenario-source"};

    /** The rule version the suite configures from 2030-01-01 (Europe/Oslo) on: the detox guarantee is 12 hours. */
    public static final String RULES_2030 = "test-2030";

    private TestSettings() {
    }

    public static void register(DynamicPropertyRegistry registry, Supplier<Object> databaseUrl) {
        registry.add("spring.datasource.url", databaseUrl);
        registry.add("spring.datasource.username", TestDatabase::applicationRole);
        registry.add("spring.flyway.user", TestDatabase::owner);
        registry.add("pathway.security.dev-issuer.key-file", TestDatabase::devIssuerKeyFile);
        registry.add("pathway.vault.kek-file", TestDatabase::vaultKekFile);
        // the limit's mechanism, with fewer reveals to reach it (the default is 60)
        registry.add("pathway.vault.reveals-per-hour", () -> "5");
        registry.add("pathway.security.rate-limit.per-second", () -> "100000");
        registry.add("pathway.security.rate-limit.burst", () -> "100000");
        // the suite's failed authentications come from 127.0.0.1; BehindAProxyIT exhausts a burst from other addresses
        registry.add("pathway.security.rate-limit.failures-per-second", () -> "5");
        registry.add("pathway.security.rate-limit.failure-burst", () -> "200");
        // a later rule version, far enough ahead that only RuleVersionsIT (which sets the clock there) meets it
        registry.add("pathway.rules.versions[0].version", () -> RULES_2030);
        registry.add("pathway.rules.versions[0].effective-from", () -> "2030-01-01");
        registry.add("pathway.rules.versions[0].deadlines.DETOX_NO_TREATMENT_24H", () -> "PT12H");
        // the tests' own source systems may post everything; the development registry's examples are there too
        for (String source : ALL_GRANTING_SOURCES) {
            registry.add("pathway.sources." + source + ".settings", () -> Arrays.stream(Setting.values())
                    .map(Enum::name).collect(Collectors.joining(",")));
            registry.add("pathway.sources." + source + ".types", () -> SourceGrant.WITHOUT_SETTING.stream()
                    .map(Enum::name).collect(Collectors.joining(",")));
            registry.add("pathway.sources." + source + ".municipalities", () -> SourceGrant.ANY_MUNICIPALITY);
        }
    }
}
