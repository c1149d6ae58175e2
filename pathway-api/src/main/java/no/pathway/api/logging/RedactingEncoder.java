package no.pathway.api.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.Charset;
import no.pathway.core.value.IdentityNumbers;

/**
 * Spring Boot's log line, with every national identity number in it (message, stack trace, thread name, anything
 * the pattern prints) replaced by {@code [redacted]}, as {@link IdentityNumbers#redact} finds them. The service's
 * own code never logs input; this is for the code it does not own.
 */
public class RedactingEncoder extends PatternLayoutEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = IdentityNumbers.redact(getLayout().doLayout(event));
        Charset charset = getCharset();
        return charset == null ? line.getBytes(Charset.defaultCharset()) : line.getBytes(charset);
    }
}
