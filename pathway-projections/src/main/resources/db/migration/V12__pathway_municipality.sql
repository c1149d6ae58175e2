-- Which municipalities each pathway's events have named, and since when the service knew it: the candidates of
-- "what a municipality's dashboard showed at T" (docs/audit.md). A gap belongs to a municipality that one of its
-- pathway's events reported, so the pathways whose events named the municipality by T (recorded at or before T)
-- hold every gap that dashboard could show. Written in the transaction that stores the events (part of the record,
-- not a read model: a replay does not touch it); first_recorded_at only moves earlier.
CREATE TABLE pathway_municipality (
    municipality      CHAR(4)     NOT NULL,
    pathway_id        VARCHAR(64) NOT NULL,
    first_recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (municipality, pathway_id)
);
CREATE INDEX pathway_municipality_by_time ON pathway_municipality (municipality, first_recorded_at);

-- The events stored before this table: their own recorded time (meta.recordedAt), as the as-of evaluation reads it.
INSERT INTO pathway_municipality (municipality, pathway_id, first_recorded_at)
SELECT municipality, pathway_id, min(recorded_at)
FROM (
    SELECT e.aggregate_identifier AS pathway_id, j -> 'meta' ->> 'municipality' AS municipality,
           CASE jsonb_typeof(j -> 'meta' -> 'recordedAt')
               WHEN 'number' THEN to_timestamp((j -> 'meta' ->> 'recordedAt')::double precision)
               ELSE (j -> 'meta' ->> 'recordedAt')::timestamptz END AS recorded_at
    FROM domain_event_entry e CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j) p
) named
WHERE municipality IS NOT NULL
GROUP BY municipality, pathway_id;
