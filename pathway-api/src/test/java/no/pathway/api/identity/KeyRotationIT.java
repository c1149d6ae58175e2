package no.pathway.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import no.pathway.core.value.PersonId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A key-encryption key is rotated without downtime, as docs/operations.md describes: a new key is added everywhere,
 * promoted, every data key re-wrapped while old and new instances keep storing and revealing, and the old key
 * retired; every number stays revealable at every step. Runs on a database of its own (real PostgreSQL, real Tink).
 */
class KeyRotationIT {
    private static JdbcTemplate jdbc;
    private final Random random = new Random(7);

    @BeforeAll
    static void database() {
        // one connection for the whole class: the vault makes a statement or two per call
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.migrated("rotation"), TestDatabase.owner(),
                "", true));
    }

    @BeforeEach
    void emptyVault() {
        jdbc.update("DELETE FROM identity_vault");
    }

    private static IdentityVault vault(KeysetHandle keyset) {
        return new IdentityVault(jdbc, new KeyEncryptionKey(keyset), Clock.systemUTC());
    }

    private Map<String, PersonId> persons(String prefix, int n) {
        Map<String, PersonId> persons = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            persons.put(prefix + "-" + i, PersonId.of(TestPersons.from(random), true));
        }
        return persons;
    }

    private static void assertRevealsAll(IdentityVault vault, Map<String, PersonId> persons) {
        persons.forEach((pathway, person) -> assertThat(vault.reveal(pathway))
                .isEqualTo(new IdentityVault.Held(person)));
    }

    private static long id(KeysetHandle keyset, int index) {
        return Integer.toUnsignedLong(keyset.getAt(index).getId());
    }

    @Test
    void every_number_stays_revealable_through_a_rotation() throws GeneralSecurityException {
        KeysetHandle a = KeyEncryptionKey.newKeyset();
        IdentityVault old = vault(a);
        Map<String, PersonId> all = new LinkedHashMap<>(persons("before", 120));
        old.keep(all);

        // step 1: the new key is added everywhere, still unwrapping only; instances roll one by one
        KeysetHandle added = KeyEncryptionKey.added(a);
        IdentityVault rolled = vault(added);
        Map<String, PersonId> during = persons("rolling", 30);
        rolled.keep(during);
        all.putAll(during);
        assertRevealsAll(old, all);
        assertRevealsAll(rolled, all);

        // step 2: the new key is promoted; new data keys are wrapped by it, old instances still read them
        long newKey = id(added, 1);
        KeysetHandle promoted = KeyEncryptionKey.promoted(added, newKey);
        IdentityVault current = vault(promoted);
        Map<String, PersonId> afterPromotion = persons("promoted", 30);
        current.keep(afterPromotion);
        all.putAll(afterPromotion);
        assertRevealsAll(rolled, all);
        assertThat(current.status().heldByKey()).containsOnlyKeys(id(a, 0), newKey);

        // step 3: re-wrap online, in batches, while an instance on the older keyset goes on storing (until the
        // roll-out of step 2 is complete), and every number stays revealable between batches
        List<Integer> batches = new ArrayList<>();
        int done;
        do {
            done = current.rewrap(40);
            batches.add(done);
            if (batches.size() <= 3) {
                Map<String, PersonId> meanwhile = persons("meanwhile-" + batches.size(), 3);
                rolled.keep(meanwhile);
                all.putAll(meanwhile);
            }
            assertRevealsAll(current, all);
            assertRevealsAll(rolled, all);
        } while (done > 0);
        assertThat(batches).hasSizeGreaterThan(3);
        assertThat(current.status().heldByKey()).containsOnlyKeys(newKey);

        // step 4: the old key is retired; every number is still revealable with the new key alone
        KeysetHandle retired = KeyEncryptionKey.retired(promoted, id(a, 0));
        assertRevealsAll(vault(retired), all);
        assertThatThrownBy(() -> vault(a).reveal(all.keySet().iterator().next()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_primary_key_cannot_be_retired() throws GeneralSecurityException {
        KeysetHandle a = KeyEncryptionKey.newKeyset();
        assertThatThrownBy(() -> KeyEncryptionKey.retired(a, id(a, 0))).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void a_data_key_moved_to_another_pathway_does_not_open() throws GeneralSecurityException {
        IdentityVault vault = vault(KeyEncryptionKey.newKeyset());
        vault.keep(persons("moved", 2));
        jdbc.update("UPDATE identity_vault SET data_key = (SELECT data_key FROM identity_vault "
                + "WHERE pathway_id = 'moved-0'), identity = (SELECT identity FROM identity_vault "
                + "WHERE pathway_id = 'moved-0') WHERE pathway_id = 'moved-1'");

        assertThatThrownBy(() -> vault.reveal("moved-1")).isInstanceOf(IllegalStateException.class);
    }
}
