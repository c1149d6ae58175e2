package no.pathway.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Tamper evidence: each pathway's events form a hash chain over the rows exactly as stored in the event store,
 * so changing one stored byte breaks the link at that event and every later hash no longer follows.
 *
 * <pre>
 * hash(n) = hex(SHA-256(hash(n-1) "\n" pathwayId "\n" n "\n" eventIdentifier "\n" payloadType "\n"
 *                       payloadRevision "\n" timeStamp "\n" base64(payload) "\n" base64(metaData)))
 * hash(-1) = 64 zeros; a missing revision or metadata is the empty string
 * </pre>
 */
@Repository
public class EventChain {
    public static final String GENESIS = "0".repeat(64);

    /** An event row as stored, with its recorded link. */
    public record StoredEvent(long sequence, String eventIdentifier, String payloadType, String payloadRevision,
                              String timeStamp, byte[] payload, byte[] metaData, String hash) {
    }

    /** The outcome of a verification: intact, or the first broken link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(String pathwayId, int events, boolean intact, Long firstBrokenSequence,
                               String firstBrokenEventIdentifier, String problem, String head) {
    }

    private final JdbcTemplate jdbc;

    EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links the events just stored on each pathway, from the given first new sequence to the pathway's end; runs in
     * the transaction that stored them. The rows are read back as stored (the hash is over the stored bytes), in two
     * queries however many pathways, and the links are written in one batch.
     */
    public void append(Map<String, Long> firstNewSequence) {
        if (firstNewSequence.isEmpty()) {
            return;
        }
        String[] pathways = firstNewSequence.keySet().toArray(String[]::new);
        Long[] firsts = Arrays.stream(pathways).map(firstNewSequence::get).toArray(Long[]::new);
        PreparedStatementSetter keys = ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathways));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", firsts));
        };
        Map<String, String> previous = new HashMap<>();
        jdbc.query("SELECT c.pathway_id, c.hash FROM event_chain c JOIN unnest(?::varchar[], ?::bigint[]) AS k(p, s) "
                + "ON c.pathway_id = k.p AND c.sequence = k.s - 1", keys,
                (RowCallbackHandler) rs -> previous.put(rs.getString(1), rs.getString(2)));
        List<Object[]> links = new ArrayList<>();
        jdbc.query(NEW_OF_PATHWAYS, keys, rs -> {
                    String pathwayId = rs.getString(9);
                    StoredEvent e = row(rs);
                    String before = e.sequence() == 0 ? GENESIS : previous.get(pathwayId);
                    if (before == null) {
                        throw new IllegalStateException("no chain link before sequence " + e.sequence());
                    }
                    String hash = link(before, pathwayId, e);
                    previous.put(pathwayId, hash);
                    links.add(new Object[] {pathwayId, e.sequence(), e.eventIdentifier(), hash});
                });
        jdbc.batchUpdate("INSERT INTO event_chain (pathway_id, sequence, event_identifier, hash) VALUES (?, ?, ?, ?)",
                links);
    }

    public List<StoredEvent> stored(String pathwayId) {
        return jdbc.query(SELECT + " WHERE d.aggregate_identifier = ? ORDER BY d.sequence_number",
                (rs, n) -> row(rs), pathwayId);
    }

    /** Recomputes the chain from the stored rows and reports the first link that does not hold. */
    public Verification verify(String pathwayId) {
        List<StoredEvent> events = stored(pathwayId);
        String previous = GENESIS;
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            String problem = null;
            if (e.sequence() != i) {
                problem = "sequence " + i + " is missing";
            } else if (e.hash() == null) {
                problem = "the event has no recorded hash";
            } else if (!e.hash().equals(link(previous, pathwayId, e))) {
                problem = "the stored event does not match its recorded hash";
            }
            if (problem != null) {
                return new Verification(pathwayId, events.size(), false, (long) i, e.eventIdentifier(), problem,
                        null);
            }
            previous = e.hash();
        }
        long links = jdbc.queryForObject("SELECT count(*) FROM event_chain WHERE pathway_id = ?", Long.class,
                pathwayId);
        if (links != events.size()) {
            return new Verification(pathwayId, events.size(), false, (long) events.size(), null,
                    "the chain records " + links + " links for " + events.size() + " events", null);
        }
        return new Verification(pathwayId, events.size(), true, null, null, null, previous);
    }

    public static String link(String previous, String pathwayId, StoredEvent e) {
        String text = previous + '\n' + pathwayId + '\n' + e.sequence() + '\n' + e.eventIdentifier() + '\n'
                + e.payloadType() + '\n' + nullToEmpty(e.payloadRevision()) + '\n' + e.timeStamp() + '\n'
                + base64(e.payload()) + '\n' + base64(e.metaData());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** An event row's columns as the chain hashes them, in {@link #row}'s order. */
    private static final String EVENT_COLUMNS = "d.sequence_number, d.event_identifier, d.payload_type, "
            + "d.payload_revision, d.time_stamp, d.payload, d.meta_data";

    private static final String SELECT = "SELECT " + EVENT_COLUMNS + ", c.hash FROM domain_event_entry d "
            + "LEFT JOIN event_chain c ON c.pathway_id = d.aggregate_identifier AND c.sequence = d.sequence_number";

    /**
     * The rows of each pathway in the first array parameter from the sequence in the second on, not linked yet: no
     * recorded hash, and the pathway as column 9. One index probe per pathway behind {@code OFFSET 0}, as in the
     * read models' queries: a plain join with {@code unnest} is planned as a sequential scan of the whole event table
     * once a group holds a few hundred pathways and the table has no statistics (docs/performance.md, step 14).
     * Public for the test of its plan.
     */
    public static final String NEW_OF_PATHWAYS = "SELECT " + EVENT_COLUMNS + ", NULL AS hash, k.p "
            + "FROM unnest(?::varchar[], ?::bigint[]) AS k(p, s) CROSS JOIN LATERAL ("
            + "SELECT " + EVENT_COLUMNS + " FROM domain_event_entry d "
            + "WHERE d.aggregate_identifier = k.p AND d.sequence_number >= k.s OFFSET 0) d "
            + "ORDER BY k.p, d.sequence_number";

    private static StoredEvent row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBytes(6), rs.getBytes(7), rs.getString(8));
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? "" : Base64.getEncoder().encodeToString(bytes);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
