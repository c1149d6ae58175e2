package no.pathway.api.ingest;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The idempotency keys: (source, eventId) with the content hash and the original answer. */
@Repository
class Receipts {
    /** An idempotency key. */
    record Key(String source, String eventId) {
    }

    record Stored(Receipt receipt, String contentHash) {
    }

    /** A receipt to write: the key's source, the answer, and the content hash that tells a retry from a conflict. */
    record New(String source, Receipt receipt, String contentHash) {
    }

    private final JdbcTemplate jdbc;

    Receipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored receipts of those keys that have one, in one query. */
    Map<Key, Stored> find(List<Key> keys) {
        Map<Key, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        SELECT r.source, r.event_id, r.pathway_id, r.sequence, r.recorded_at, r.content_hash
                        FROM event_receipt r
                        JOIN unnest(?::varchar[], ?::varchar[]) AS k(source, event_id)
                          ON r.source = k.source AND r.event_id = k.event_id""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar",
                            keys.stream().map(Key::source).toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("varchar",
                            keys.stream().map(Key::eventId).toArray()));
                },
                rs -> {
                    String eventId = rs.getString(2);
                    found.put(new Key(rs.getString(1), eventId), new Stored(new Receipt(eventId, rs.getString(3),
                            rs.getLong(4), rs.getTimestamp(5).toInstant()), rs.getString(6)));
                });
        return found;
    }

    /** Fails with a duplicate key when a key was stored concurrently; the caller then retries and reads it. */
    void insert(List<New> receipts) {
        jdbc.batchUpdate("""
                        INSERT INTO event_receipt (source, event_id, pathway_id, sequence, recorded_at, content_hash)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                receipts, receipts.size(), (ps, r) -> {
                    ps.setString(1, r.source());
                    ps.setString(2, r.receipt().eventId());
                    ps.setString(3, r.receipt().pathwayId());
                    ps.setLong(4, r.receipt().sequence());
                    ps.setTimestamp(5, Timestamp.from(r.receipt().recordedAt()));
                    ps.setString(6, r.contentHash());
                });
    }
}
