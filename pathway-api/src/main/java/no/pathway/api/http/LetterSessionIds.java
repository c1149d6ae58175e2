package no.pathway.api.http;

import org.apache.catalina.util.SessionIdGeneratorBase;

/**
 * Session ids of letters only: two of {@code A-P} for each random byte, as many random bytes as Tomcat's own hex ids
 * (16: 128 bits, 32 characters). Tomcat's hex ids have runs of decimal digits between their letters, and about one in
 * 220 has a run of eleven that reads as a plausible identity number, which every scan of answers and logs then
 * rightly flags: the {@code Set-Cookie} of a page's redirect to the login (ErrorAnswersIT met one). Like request ids
 * ({@code logging.RequestIds}), an id the service makes up carries no digits. Tomcat makes one from the class,
 * hence public with a public constructor.
 */
public class LetterSessionIds extends SessionIdGeneratorBase {

    @Override
    public String generateSessionId(String route) {
        byte[] random = new byte[16];
        int length = getSessionIdLength();
        StringBuilder id = new StringBuilder(2 * length + 20);
        int produced = 0;
        while (produced < length) {
            getRandomBytes(random);
            for (int j = 0; j < random.length && produced < length; j++, produced++) {
                id.append((char) ('A' + ((random[j] >> 4) & 0xf))).append((char) ('A' + (random[j] & 0xf)));
            }
        }
        String suffix = route != null && !route.isEmpty() ? route : getJvmRoute();
        if (suffix != null && !suffix.isEmpty()) {
            id.append('.').append(suffix);
        }
        return id.toString();
    }
}
