-- What the read model had judged of each pathway, beside its count of events: the latest recorded time and the latest
-- time of occurrence of all its stored events (retracted or not). A pathway whose events were all recorded and had all
-- occurred by T, and whose read model has judged every one of them, has the same gaps at T as in the read model: the
-- dashboard at T (docs/audit.md) takes those rows and judges only the rest from the event store.
ALTER TABLE pathway_summary ADD COLUMN last_recorded_at TIMESTAMPTZ,
                            ADD COLUMN last_occurred_at TIMESTAMPTZ;

-- The summaries written before: filled from the stored events (their own meta.recordedAt and meta.occurredAt, as the
-- engine reads them), where the summary has judged exactly as many events as the store holds. The others stay empty,
-- so the dashboard at T judges them from the store, until the read model judges them again.
UPDATE pathway_summary s SET last_recorded_at = k.last_recorded, last_occurred_at = k.last_occurred
FROM (
    SELECT pathway_id, count(*) AS events, max(recorded_at) AS last_recorded, max(occurred_at) AS last_occurred
    FROM (
        SELECT e.aggregate_identifier AS pathway_id,
               CASE jsonb_typeof(j -> 'meta' -> 'recordedAt')
                   WHEN 'number' THEN to_timestamp((j -> 'meta' ->> 'recordedAt')::double precision)
                   ELSE (j -> 'meta' ->> 'recordedAt')::timestamptz END AS recorded_at,
               CASE jsonb_typeof(j -> 'meta' -> 'occurredAt')
                   WHEN 'number' THEN to_timestamp((j -> 'meta' ->> 'occurredAt')::double precision)
                   ELSE (j -> 'meta' ->> 'occurredAt')::timestamptz END AS occurred_at
        FROM domain_event_entry e CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j) p
    ) stored
    GROUP BY pathway_id
) k
WHERE s.pathway_id = k.pathway_id AND s.event_count = k.events;
