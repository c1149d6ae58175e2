package no.pathway.api.ingest;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The idempotency keys: (source, eventId) with the content hash and the original answer. */
@Repository
class Receipts {
    record Stored(Receipt receipt, String contentHash) {
    }

    private final JdbcClient jdbc;

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String source, String eventId) {
        return jdbc.sql("""
                        SELECT pathway_id, sequence, recorded_at, content_hash
                        FROM event_receipt WHERE source = ? AND event_id = ?""")
                .params(source, eventId)
                .query((rs, n) -> new Stored(new Receipt(eventId, rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant()), rs.getString(4)))
                .optional();
    }

    /** Fails with a duplicate key when the same key was stored concurrently; the caller then reads it. */
    void insert(String source, Receipt receipt, String contentHash) {
        jdbc.sql("""
                        INSERT INTO event_receipt (source, event_id, pathway_id, sequence, recorded_at, content_hash)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(source, receipt.eventId(), receipt.pathwayId(), receipt.sequence(),
                        Timestamp.from(receipt.recordedAt()), contentHash)
                .update();
    }
}
