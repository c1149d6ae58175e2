package no.pathway.api.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.pathway.api.http.FieldProblem;
import no.pathway.core.value.FreeText;
import no.pathway.core.value.Identifier;
import no.pathway.core.value.MunicipalityNumber;
import no.pathway.core.value.OrganisationNumber;
import no.pathway.core.value.PlausibleInstant;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object, collecting a problem for every field at fault instead of stopping at the
 * first. Messages describe the rule and never quote the value. Remembers which fields were read so that the
 * rest can be reported as unknown.
 */
final class EventReader {
    static final int MAX_TEXT = 500;

    private final JsonNode node;
    private final Instant now;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    EventReader(JsonNode node, Instant now) {
        this.node = node;
        this.now = now;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    String string(String field, boolean required) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            problem(field, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    String id(String field, boolean required) {
        return checked(field, required, Identifier::problem);
    }

    String organisation(String field, boolean required) {
        return checked(field, required, OrganisationNumber::problem);
    }

    String municipality(String field, boolean required) {
        return checked(field, required, MunicipalityNumber::problem);
    }

    String text(String field, boolean required) {
        return checked(field, required, v -> FreeText.problem(v, MAX_TEXT));
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
        String value = string(field, required);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problem(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
        return null;
    }

    /** When something happened: not before 1900, at most {@code skew} ahead of now ({@link PlausibleInstant}). */
    Instant occurrence(String field, Duration skew) {
        return instant(field, v -> PlausibleInstant.occurrenceProblem(v, now, skew));
    }

    /** When something is to happen: not before 1900, at most ten years ahead ({@link PlausibleInstant}). */
    Instant schedule(String field) {
        return instant(field, v -> PlausibleInstant.scheduleProblem(v, now));
    }

    /** A required instant with offset, kept to the microsecond (PostgreSQL's precision) so every store agrees. */
    private Instant instant(String field, Function<Instant, Optional<String>> rule) {
        String value = string(field, true);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            problem(field, "must be an ISO-8601 instant with offset, e.g. 2026-03-02T08:00:00+01:00");
            return null;
        }
        Optional<String> problem = rule.apply(instant);
        problem.ifPresent(p -> problem(field, p));
        return problem.isPresent() ? null : instant;
    }

    boolean bool(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problem(field, "is required");
            return false;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    void rejectUnread(String context) {
        for (String name : node.propertyNames()) {
            if (!read.contains(name)) {
                problem(name, "is not a field of " + context);
            }
        }
    }

    private String checked(String field, boolean required, Function<String, Optional<String>> rule) {
        String value = string(field, required);
        if (value == null) {
            return null;
        }
        Optional<String> problem = rule.apply(value);
        problem.ifPresent(p -> problem(field, p));
        return problem.isPresent() ? null : value;
    }
}
