package no.pathway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * A session the service starts has an id of letters only ({@link LetterSessionIds}): Tomcat's hex ids now and then
 * held eleven digits in a row, which the scans of answers for identity numbers rightly flagged.
 */
class SessionIdsIT extends ApiIT {

    @Test
    void a_stranger_sent_to_the_login_gets_a_session_cookie_without_digits() {
        // the page remembers where the stranger was going, in a new session
        RawHttp.Answer answer = new RawHttp(port).get("/no-such-page", List.of());

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Set-Cookie")).get().asString().matches("JSESSIONID=[A-P]{32};.*");
    }
}
