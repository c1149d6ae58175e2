-- Read models, rebuilt from the event store at will (a reset truncates them).

-- Every gap record of every pathway, judged from everything recorded. The status is not stored: it follows
-- from closed_at, excluded_at and due_at at the time of the query, so a gap turns OPEN on the clock alone.
CREATE TABLE gap (
    gap_id           UUID         PRIMARY KEY,
    pathway_id       VARCHAR(64)  NOT NULL,
    rule             VARCHAR(64)  NOT NULL,
    rule_version     VARCHAR(32)  NOT NULL,
    deadline_minutes BIGINT       NOT NULL,
    triggered_by     VARCHAR(128) NOT NULL,
    trigger_source   VARCHAR(128) NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    due_at           TIMESTAMPTZ  NOT NULL,
    closed_at        TIMESTAMPTZ,
    closed_by        VARCHAR(128),
    excluded_at      TIMESTAMPTZ,
    reason           VARCHAR(32),
    municipality     CHAR(4),
    detail           VARCHAR(300) NOT NULL
);
CREATE INDEX gap_by_pathway ON gap (pathway_id);
CREATE INDEX gap_by_due ON gap (due_at, gap_id);
CREATE INDEX gap_by_municipality_due ON gap (municipality, due_at, gap_id);
CREATE INDEX gap_by_opened ON gap (opened_at);

-- The current summary of each pathway.
CREATE TABLE pathway_summary (
    pathway_id    VARCHAR(64) PRIMARY KEY,
    municipality  CHAR(4),
    last_event_at TIMESTAMPTZ NOT NULL,
    event_count   INTEGER     NOT NULL,
    summary       JSONB       NOT NULL
);
CREATE INDEX pathway_summary_by_municipality ON pathway_summary (municipality);
