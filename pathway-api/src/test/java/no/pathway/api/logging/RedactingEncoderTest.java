package no.pathway.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactingEncoderTest {

    private static String encode(String message, Throwable thrown) {
        LoggerContext context = new LoggerContext();
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setPattern("[%thread] %m%n%ex");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        Logger logger = context.getLogger("some.Library");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
        event.setThreadName("exec-" + "080465_42321");
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"17866644330", "178666-44330", "17.86.66 44330", "1786 6644 330", "080465_42321",
            "\uFF11\uFF17\uFF18\uFF16\uFF16\uFF16\uFF14\uFF14\uFF13\uFF13\uFF10", "17866644331"})
    void no_identity_number_reaches_the_log_line_in_message_stack_trace_or_thread_name(String number) {
        String line = encode("The header \"X-Purpose\" has a value \"case " + number + "\" that is not allowed.",
                new IllegalArgumentException("bad value " + number, new IllegalStateException("near " + number)));
        assertThat(line).doesNotContain(number).doesNotContain("080465")
                .contains("has a value \"case [redacted]\"", "bad value [redacted]", "near [redacted]",
                        "[exec-[redacted]]", "at no.pathway.api.logging.RedactingEncoderTest");
    }

    /** The structured JSON line ({@code logging.structured.format.console}) of one event. */
    private static String json(String format, String message, Throwable thrown) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setPattern("%m%n");
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        Logger logger = context.getLogger("some.Library");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
        event.setThreadName("exec-" + "080465_42321");
        // what a line logged inside a request carries (RequestIds puts it in the MDC)
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "req-1"));
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ecs", "logstash", "gelf"})
    void a_json_line_is_redacted_the_same_and_stays_one_json_object_with_the_request_id(String format) {
        String number = "178666-44330";
        String line = json(format, "The header has a value \"case " + number + "\" that is not allowed.",
                new IllegalArgumentException("bad value " + number));

        assertThat(line).doesNotContain(number).doesNotContain("17866644330").endsWith("\n");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.isObject()).isTrue();
        assertThat(json.toString()).contains("case [redacted]", "bad value [redacted]", "req-1")
                .doesNotContain("080465");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Started PathwayApplication in 12.345 seconds", "took 20260302080000 ns",
            "claimed segment 1 at 2026-03-02T08:00:00.123Z"})
    void other_lines_pass_unchanged(String message) {
        assertThat(encode(message, null)).startsWith("[exec-[redacted]] " + message);
    }
}
