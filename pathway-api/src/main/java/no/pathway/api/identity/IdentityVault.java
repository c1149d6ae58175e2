package no.pathway.api.identity;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.core.value.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Each person's national identity number, kept apart from the event store and encrypted under a data key of that
 * person's own (Tink AES-256-GCM), the data key wrapped by the {@link KeyEncryptionKey} (envelope encryption). Both
 * ciphertexts carry the pathway id as associated data. The number leaves only through {@link #reveal}, which the
 * purpose-bound, logged API call uses; nothing here logs or formats a number ({@link PersonId#toString()} is
 * redacted). Destroying the data key ({@link #erase}) makes the number unrecoverable without touching the events.
 */
@Repository
public class IdentityVault {
    /** Why a number was erased. */
    public enum ErasureReason {
        /** The person asked, and the law allows it. */
        ERASURE_REQUEST,
        /** No fact for longer than the retention period (pathway.vault.retention). */
        RETENTION,
        /** Stored on the wrong pathway or by mistake. */
        ENTERED_IN_ERROR
    }

    /** What the vault holds for a pathway. */
    public sealed interface Lookup {
    }

    /** The number is held. */
    public record Held(PersonId person) implements Lookup {
    }

    /** The number was held and was erased; nothing can bring it back. */
    public record Erased(Instant at, ErasureReason reason) implements Lookup {
    }

    /** The vault never held a number for this pathway. */
    public record Absent() implements Lookup {
    }

    /** How many numbers are held under each key-encryption key, and how many are erased. */
    public record Status(long primaryKeyId, Map<Long, Long> heldByKey, long erased) {
    }

    private static final String HELD_OF_PATHWAYS = """
            SELECT x.pathway_id FROM unnest(?::varchar[]) AS k(p) CROSS JOIN LATERAL (
                SELECT v.pathway_id FROM identity_vault v WHERE v.pathway_id = k.p AND v.data_key IS NOT NULL
                OFFSET 0) x""";

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey kek;
    private final Clock clock;

    public IdentityVault(JdbcTemplate jdbc, KeyEncryptionKey kek, Clock clock) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.clock = clock;
    }

    /**
     * Keeps the numbers of these pathways that the vault does not hold yet (new, or erased before): one query for
     * all of them and one batch of inserts; runs in the caller's transaction, so an acknowledged event always has its
     * person in the vault.
     */
    public void keep(Map<String, PersonId> persons) {
        if (persons.isEmpty()) {
            return;
        }
        Set<String> held = new HashSet<>();
        jdbc.query(HELD_OF_PATHWAYS, ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar",
                persons.keySet().toArray())), (RowCallbackHandler) rs -> held.add(rs.getString(1)));
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        persons.forEach((pathwayId, person) -> {
            if (!held.contains(pathwayId)) {
                Sealed sealed = seal(pathwayId, person);
                rows.add(new Object[] {pathwayId, sealed.dataKey(), kek.primaryKeyId(), sealed.identity(), now});
            }
        });
        jdbc.batchUpdate("""
                INSERT INTO identity_vault (pathway_id, data_key, kek_key_id, identity, stored_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (pathway_id) DO UPDATE SET data_key = excluded.data_key,
                    kek_key_id = excluded.kek_key_id, identity = excluded.identity, stored_at = excluded.stored_at
                WHERE identity_vault.data_key IS NULL""", rows);
    }

    /** The number behind a pathway, for the purpose-bound reveal only. */
    public Lookup reveal(String pathwayId) {
        List<Lookup> found = jdbc.query("SELECT data_key, identity, last_erased_at, last_erasure_reason "
                + "FROM identity_vault WHERE pathway_id = ?", (rs, n) -> {
                    byte[] dataKey = rs.getBytes(1);
                    if (dataKey == null) {
                        return new Erased(rs.getTimestamp(3).toInstant(),
                                ErasureReason.valueOf(rs.getString(4)));
                    }
                    return new Held(open(pathwayId, dataKey, rs.getBytes(2)));
                }, pathwayId);
        return found.isEmpty() ? new Absent() : found.get(0);
    }

    /** Destroys the pathway's data key and ciphertext; false when nothing was held. */
    public boolean erase(String pathwayId, String by, ErasureReason reason) {
        return jdbc.update("UPDATE identity_vault SET data_key = NULL, kek_key_id = NULL, identity = NULL, "
                        + "stored_at = NULL, last_erased_at = ?, last_erased_by = ?, last_erasure_reason = ? "
                        + "WHERE pathway_id = ? AND data_key IS NOT NULL", Timestamp.from(clock.instant()), by,
                reason.name(), pathwayId) == 1;
    }

    /**
     * Erases, at most {@code limit} at a time, the numbers of pathways on which nothing was recorded since
     * {@code cutoff}: the retention rule. Recording times come from the receipts (every stored fact has one); the
     * recent receipts are read once per call, so a daily run costs one pass over the receipt table.
     */
    public int eraseInactiveSince(Instant cutoff, int limit) {
        return jdbc.update("""
                        UPDATE identity_vault SET data_key = NULL, kek_key_id = NULL, identity = NULL,
                            stored_at = NULL, last_erased_at = ?, last_erased_by = 'pathway:retention',
                            last_erasure_reason = 'RETENTION'
                        WHERE pathway_id IN (
                            SELECT v.pathway_id FROM identity_vault v
                            WHERE v.data_key IS NOT NULL AND NOT EXISTS (
                                SELECT 1 FROM event_receipt r
                                WHERE r.pathway_id = v.pathway_id AND r.recorded_at >= ?)
                            LIMIT ? FOR UPDATE OF v SKIP LOCKED)""",
                Timestamp.from(clock.instant()), Timestamp.from(cutoff), limit);
    }

    /**
     * Re-wraps, at most {@code limit} at a time, the data keys that are not wrapped by the primary key-encryption
     * key: the online half of a key rotation. Returns how many it re-wrapped; the numbers themselves are untouched.
     */
    public int rewrap(int limit) {
        long primary = kek.primaryKeyId();
        Map<String, byte[]> stale = new LinkedHashMap<>();
        jdbc.query("SELECT pathway_id, data_key FROM identity_vault WHERE kek_key_id IS NOT NULL AND kek_key_id <> ? "
                        + "LIMIT ? FOR UPDATE SKIP LOCKED", ps -> {
                    ps.setLong(1, primary);
                    ps.setInt(2, limit);
                }, (RowCallbackHandler) rs -> stale.put(rs.getString(1), rs.getBytes(2)));
        List<Object[]> rows = new ArrayList<>(stale.size());
        stale.forEach((pathwayId, wrapped) -> rows.add(new Object[] {
                wrap(pathwayId, unwrap(pathwayId, wrapped)), primary, pathwayId}));
        jdbc.batchUpdate("UPDATE identity_vault SET data_key = ?, kek_key_id = ? WHERE pathway_id = ?", rows);
        return rows.size();
    }

    public Status status() {
        Map<Long, Long> byKey = new LinkedHashMap<>();
        jdbc.query("SELECT kek_key_id, count(*) FROM identity_vault WHERE kek_key_id IS NOT NULL "
                + "GROUP BY kek_key_id ORDER BY kek_key_id", (RowCallbackHandler) rs -> byKey.put(rs.getLong(1),
                rs.getLong(2)));
        Long erased = jdbc.queryForObject("SELECT count(*) FROM identity_vault WHERE data_key IS NULL", Long.class);
        return new Status(kek.primaryKeyId(), byKey, erased == null ? 0 : erased);
    }

    private record Sealed(byte[] dataKey, byte[] identity) {
    }

    private Sealed seal(String pathwayId, PersonId person) {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] identity = aead(dataKey).encrypt(person.digits().getBytes(StandardCharsets.US_ASCII),
                    associatedData(pathwayId));
            return new Sealed(wrap(pathwayId, dataKey), identity);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity vault could not encrypt", e);
        }
    }

    private PersonId open(String pathwayId, byte[] wrapped, byte[] identity) {
        try {
            byte[] digits = aead(unwrap(pathwayId, wrapped)).decrypt(identity, associatedData(pathwayId));
            // stored only after validation at ingestion; synthetic numbers are there only where they were accepted
            return PersonId.of(new String(digits, StandardCharsets.US_ASCII), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity vault could not decrypt (wrong key or a changed row)", e);
        }
    }

    private byte[] wrap(String pathwayId, KeysetHandle dataKey) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek.aead(), associatedData(pathwayId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity vault could not wrap a data key", e);
        }
    }

    private KeysetHandle unwrap(String pathwayId, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), associatedData(pathwayId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity vault could not unwrap a data key", e);
        }
    }

    private static Aead aead(KeysetHandle dataKey) throws GeneralSecurityException {
        return dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static byte[] associatedData(String pathwayId) {
        return pathwayId.getBytes(StandardCharsets.US_ASCII);
    }
}
