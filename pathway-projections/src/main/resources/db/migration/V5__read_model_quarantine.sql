-- Resilience of the read models (docs/architecture.md, docs/operations.md).

-- Pathways whose judgement failed for a reason of their own, set aside so that every other pathway goes on.
-- Written in the read-model processor's transaction, with its token. Holds no data of the pathway: the error's type
-- and SQLSTATE only (a message may quote data). later_events counts the events recorded for the pathway since it
-- was set aside: they are in the event store, not yet in the read models, and are judged when the pathway is retried.
CREATE TABLE read_model_quarantine (
    pathway_id   VARCHAR(64)  PRIMARY KEY,
    since        TIMESTAMPTZ  NOT NULL,
    last_attempt TIMESTAMPTZ  NOT NULL,
    attempts     INTEGER      NOT NULL,
    error_type   VARCHAR(200) NOT NULL,
    sql_state    CHAR(5),
    later_events BIGINT       NOT NULL DEFAULT 0
);

-- The instances running the read-model processor, each with a heartbeat in the database's own clock, so that each
-- claims its fair share of the segments (ReadModelSegmentBalancer).
CREATE TABLE read_model_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
