package no.pathway.api.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import no.pathway.core.value.IdentityNumbers;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Spring Boot's log line, with every national identity number in it (message, stack trace, thread name, anything
 * the pattern prints) replaced by {@code [redacted]}, as {@link IdentityNumbers#redact} finds them. The service's
 * own code never logs input; this is for the code it does not own.
 * <p>
 * With a {@code format} ({@code logging.structured.format.console}: {@code ecs}, {@code logstash} or {@code gelf}),
 * the line is Spring Boot's structured JSON instead of the pattern, redacted the same way: a redaction replaces digits
 * and separators inside a JSON string with {@code [redacted]}, so the line stays valid JSON.
 */
public class RedactingEncoder extends PatternLayoutEncoder {
    private String format;
    private StructuredLogEncoder structured;

    /** Spring Boot's structured format, or empty for the pattern. */
    public void setFormat(String format) {
        this.format = format;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            structured = new StructuredLogEncoder();
            structured.setContext(getContext());
            structured.setFormat(format.strip());
            structured.setCharset(charset());
            structured.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (structured != null) {
            structured.stop();
        }
        super.stop();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        Charset charset = charset();
        String line = structured != null ? new String(structured.encode(event), charset)
                : getLayout().doLayout(event);
        return IdentityNumbers.redact(line).getBytes(charset);
    }

    private Charset charset() {
        return getCharset() == null ? StandardCharsets.UTF_8 : getCharset();
    }
}
