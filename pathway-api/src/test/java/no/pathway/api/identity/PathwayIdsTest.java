package no.pathway.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pathway.api.support.TestPersons;
import no.pathway.core.value.PersonId;
import org.junit.jupiter.api.Test;

class PathwayIdsTest {
    private final PathwayIds ids = new PathwayIds("test-secret");

    private static PersonId person(String digits) {
        return PersonId.of(digits, true);
    }

    @Test
    void the_pathway_id_is_the_base64url_hmac_sha256_of_the_number_under_the_secret() {
        // computed independently: base64url(HMAC-SHA-256("test-secret", "02828404892")) without padding
        assertThat(ids.of(person("02828404892"))).isEqualTo("TLWvFGRJHmEi563utOBLZLxAnPOkmzvcR3o7Z78HPQM");
    }

    @Test
    void a_reused_mac_gives_each_number_its_own_id_on_every_call_and_every_thread() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            people.add(TestPersons.next());
        }
        List<String> expected = people.stream().map(p -> new PathwayIds("test-secret").of(person(p))).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                answers.add(threads.submit(() -> people.stream().map(p -> ids.of(person(p))).toList()));
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdown();
        }
        assertThat(expected).doesNotHaveDuplicates();
    }
}
