-- The idempotency keys: one row per (source, eventId), written in the same transaction as the event,
-- kept as long as the events. content_hash tells a retry (same content: 200) from a conflict (422).
CREATE TABLE event_receipt (
    source       VARCHAR(128) NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    pathway_id   VARCHAR(64)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    PRIMARY KEY (source, event_id)
);
