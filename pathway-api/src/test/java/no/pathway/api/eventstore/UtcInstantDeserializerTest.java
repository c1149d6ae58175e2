package no.pathway.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class UtcInstantDeserializerTest {
    private static final JsonMapper FAST = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(Instant.class, new UtcInstantDeserializer())).build();
    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    record Stamped(Instant at) {
    }

    @Test
    void reads_whatever_instant_to_string_wrote_as_the_same_instant() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 283_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(UtcInstantDeserializer.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T08:00:00Z", "2024-02-29T23:59:59Z", "2026-12-31T00:00:00.5Z",
            "2026-03-02T08:00:00.1234Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void reads_every_fraction_length_and_the_edges_of_the_calendar_as_java_does(String text) {
        assertThat(UtcInstantDeserializer.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02t08:00:00z", "2026-03-02T08:00:00+01:00", "2026-03-02T08:00Z",
            "2026-03-02T08:00:00.Z", "2026-03-02T08:00:00.1234567890Z", "+12026-03-02T08:00:00Z",
            "2026-03-02 08:00:00Z", "2026-3-02T08:00:00Z", "2016-12-31T23:59:60Z", "2026-03-02T24:00:00Z",
            "2026-03-02T08:00:00ZZ"})
    void leaves_every_other_form_to_jackson(String text) {
        assertThat(UtcInstantDeserializer.parse(text)).isNull();
        assertThat(readOrRefusal(FAST, text)).isEqualTo(readOrRefusal(JACKSON, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T08:00:00Z", "2026-04-31T08:00:00Z", "2026-13-01T08:00:00Z",
            "2026-03-02T08:60:00Z", "2026-03-02T08:00:00.1x3Z", "2026-00-10T08:00:00Z"})
    void refuses_what_java_refuses(String text) {
        assertThat(UtcInstantDeserializer.parse(text)).isNull();
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
        assertThat(readOrRefusal(FAST, text)).isEqualTo(readOrRefusal(JACKSON, text));
    }

    @Test
    void still_reads_a_number_of_seconds_as_jackson_does() {
        assertThat(FAST.readValue("{\"at\":1772438400.5}", Stamped.class))
                .isEqualTo(JACKSON.readValue("{\"at\":1772438400.5}", Stamped.class));
    }

    private static String readOrRefusal(JsonMapper mapper, String text) {
        try {
            return String.valueOf(mapper.readValue("{\"at\":\"" + text + "\"}", Stamped.class).at());
        } catch (RuntimeException e) {
            return "refused";
        }
    }
}
