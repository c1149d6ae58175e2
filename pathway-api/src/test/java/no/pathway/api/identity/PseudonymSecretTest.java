package no.pathway.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PseudonymSecretTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one repeated character           | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | fewer than 8 different
            a word typed over and over       | secretsecretsecretsecretsecretsecret     | fewer than 8 different
            too short however varied         | Zq8#kP2!mW5r                             | fewer than 32 characters
            a pattern repeated               | 0123456789abcdef0123456789abcdef         | repeats a shorter sequence
            a pattern repeated and cut short | abcdefghijabcdefghijabcdefghijabcdefg    | repeats a shorter sequence
            one character filling most of it | xxxxxxxxxxxxxxxxxxxxxxxxxabcdefghijk     | more than a third
            """)
    void a_weak_secret_is_named_for_its_weakness(String what, String secret, String weakness) {
        assertThat(PseudonymSecret.weakness(secret)).as(what).hasValueSatisfying(w -> assertThat(w)
                .contains(weakness).doesNotContain(secret));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a passphrase                     | correct horse battery staple on a wet morning
            mixed characters                 | k3J9-vQ2xZp7_Lm4Rt8WnB1cYd6Hs0Fa
            """)
    void a_strong_secret_passes(String what, String secret) {
        assertThat(PseudonymSecret.weakness(secret)).as(what).isEmpty();
    }

    @ParameterizedTest(name = "{0} random bytes")
    @CsvSource({"24", "32", "48"})
    void generated_secrets_always_pass_in_base64_and_in_hex(int bytes) {
        Random random = new Random(bytes);
        IntStream.range(0, 500).forEach(i -> {
            byte[] key = new byte[bytes];
            random.nextBytes(key);
            assertThat(PseudonymSecret.weakness(Base64.getEncoder().encodeToString(key))).isEmpty();
            assertThat(PseudonymSecret.weakness(HexFormat.of().formatHex(key))).isEmpty();
        });
    }
}
