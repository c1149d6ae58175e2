package no.pathway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.core.value.IdentityNumbers;
import org.junit.jupiter.api.Test;

class LetterSessionIdsTest {

    private static LetterSessionIds started() throws Exception {
        LetterSessionIds ids = new LetterSessionIds();
        ids.start();
        return ids;
    }

    @Test
    void a_session_id_is_32_letters_and_each_is_new() throws Exception {
        LetterSessionIds ids = started();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.generateSessionId())).isTrue();
        }
        assertThat(seen).allMatch(id -> id.matches("[A-P]{32}"));
        // every one of the 16 letters in every position: four random bits a character
        for (int position = 0; position < 32; position++) {
            int at = position;
            assertThat(seen.stream().map(id -> id.charAt(at)).distinct().count()).isEqualTo(16);
        }
    }

    @Test
    void a_session_id_never_spells_an_identity_number() throws Exception {
        // Tomcat's hex ids did about once in 220: "51578AF8AC0D26064949514E6B0DAD4C"
        assertThat(IdentityNumbers.foundIn("JSESSIONID=51578AF8AC0D26064949514E6B0DAD4C",
                IdentityNumbers.Rule.PLAUSIBLE)).isTrue();
        LetterSessionIds ids = started();
        assertThat(Stream.generate(ids::generateSessionId).limit(10_000))
                .noneMatch(id -> IdentityNumbers.foundIn(id, IdentityNumbers.Rule.PLAUSIBLE));
    }

    @Test
    void a_route_follows_the_id_as_in_tomcat() throws Exception {
        assertThat(started().generateSessionId("node-a")).matches("[A-P]{32}\\.node-a");
    }
}
