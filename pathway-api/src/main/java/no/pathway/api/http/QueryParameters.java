package no.pathway.api.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.pathway.core.value.FreeText;
import no.pathway.core.value.MunicipalityNumber;
import no.pathway.core.value.PlausibleInstant;

/**
 * Reads query parameters, collecting a problem per bad parameter; {@link #done()} throws them all at once.
 * Messages never quote the value.
 */
public final class QueryParameters {
    private static final int MAX_LENGTH = 2000;
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private final List<FieldProblem> problems = new ArrayList<>();

    /** An instant with offset inside {@link PlausibleInstant}'s window. */
    public Instant instant(String name, String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return plausible(name, OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                    fallback);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be an ISO-8601 instant with offset, e.g. 2026-03-02T08:00:00Z"));
            return fallback;
        }
    }

    /** An instant, or a date meaning its start in Norwegian time. */
    public Instant instantOrDate(String name, String value, Instant fallback) {
        if (value != null && value.length() == 10) {
            try {
                return plausible(name, LocalDate.parse(value).atStartOfDay(NORWAY).toInstant(), fallback);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(name, "must be a date (2026-03-01) or an ISO-8601 instant with offset"));
                return fallback;
            }
        }
        return instant(name, value, fallback);
    }

    private Instant plausible(String name, Instant instant, Instant fallback) {
        Optional<String> problem = PlausibleInstant.problem(instant);
        problem.ifPresent(p -> problems.add(new FieldProblem(name, p)));
        return problem.isPresent() ? fallback : instant;
    }

    public <E extends Enum<E>> Set<E> enums(String name, String value, Class<E> type, Set<E> fallback) {
        if (value == null) {
            return fallback;
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String item : items(name, value)) {
            try {
                result.add(Enum.valueOf(type, item));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(name, "must be a comma list of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
                return fallback;
            }
        }
        return result;
    }

    public Set<String> municipalities(String name, String value) {
        Set<String> result = new LinkedHashSet<>();
        if (value == null) {
            return result;
        }
        for (String item : items(name, value)) {
            if (MunicipalityNumber.problem(item).isPresent()) {
                problems.add(new FieldProblem(name, "must be a comma list of 4-digit municipality numbers"));
                return Set.of();
            }
            result.add(item);
        }
        return result;
    }

    public int integer(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        // ASCII digits only: Integer.parseInt would also take fullwidth or Arabic-Indic digits
        if (value.matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    public String oneOf(String name, String value, String fallback, Set<String> allowed) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            problems.add(new FieldProblem(name, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
        return value;
    }

    /** Required plain text (no control characters, no identity number): who or what to look for. */
    public String text(String name, String value, int maxLength, String required) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(name, required));
            return null;
        }
        Optional<String> problem = FreeText.problem(value, maxLength);
        problem.ifPresent(p -> problems.add(new FieldProblem(name, p)));
        return problem.isPresent() ? null : value;
    }

    public void problem(String name, String message) {
        problems.add(new FieldProblem(name, message));
    }

    public void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    private List<String> items(String name, String value) {
        if (value.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(name, "is too long"));
            return List.of();
        }
        return Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    }
}
