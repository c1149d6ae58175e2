package no.pathway.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.pathway.core.event.Setting;
import no.pathway.core.value.Identifier;
import no.pathway.core.value.MunicipalityNumber;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The source systems that may post, by client id, each with its {@link SourceGrant}: configuration such as
 * {@code pathway.sources.ahus-dips.settings=DETOX,OUTPATIENT,RESIDENTIAL}. A client that is not here may not post at
 * all. A grant that makes no sense refuses the start, naming the property.
 */
@ConfigurationProperties("pathway")
public record SourceRegistry(Map<String, SourceGrant> sources) {

    public SourceRegistry {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        List<String> problems = new ArrayList<>();
        sources.forEach((client, grant) -> problems(grant).forEach(p ->
                problems.add("pathway.sources." + client + "." + p)));
        sources.keySet().stream().filter(client -> !Identifier.isValid(client)).forEach(client ->
                problems.add("pathway.sources: a client id is 1-128 characters of A-Z a-z 0-9 . _ : -"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid source registry: " + String.join("; ", problems));
        }
    }

    public Optional<SourceGrant> grant(String client) {
        return Optional.ofNullable(client).map(sources::get);
    }

    private static List<String> problems(SourceGrant grant) {
        List<String> problems = new ArrayList<>();
        if (grant.settings().isEmpty() && grant.types().isEmpty()) {
            problems.add("settings: a source grants at least one setting or type");
        }
        grant.types().stream().filter(t -> !SourceGrant.WITHOUT_SETTING.contains(t)).forEach(t -> problems.add(
                "types: " + t + " is granted by its setting (or is not posted by sources); list only "
                        + SourceGrant.WITHOUT_SETTING));
        boolean any = grant.municipalities().contains(SourceGrant.ANY_MUNICIPALITY);
        if (any && grant.municipalities().size() > 1) {
            problems.add("municipalities: * stands alone");
        }
        grant.municipalities().stream().filter(m -> !m.equals(SourceGrant.ANY_MUNICIPALITY)
                && MunicipalityNumber.problem(m).isPresent()).forEach(m ->
                problems.add("municipalities: each is 4 digits, or * alone for any"));
        if (grant.settings().contains(Setting.MUNICIPALITY) && grant.municipalities().isEmpty()) {
            problems.add("municipalities: a municipal system (setting MUNICIPALITY) names its municipalities, or *");
        }
        return problems;
    }
}
