-- Accountability: a hash chain over each pathway's stored events, the access log, acknowledgements on gaps.

-- hash(n) = SHA-256 over hash(n-1) and the event row exactly as stored (docs/audit.md has the recipe).
-- Written in the same transaction as the event.
CREATE TABLE event_chain (
    pathway_id       VARCHAR(64)  NOT NULL,
    sequence         BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    hash             CHAR(64)     NOT NULL,
    PRIMARY KEY (pathway_id, sequence)
);

-- Every read of personal data: who, which pathways, when, through which call, for what stated purpose.
CREATE TABLE access_log (
    id          BIGSERIAL    PRIMARY KEY,
    accessed_at TIMESTAMPTZ  NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    client      VARCHAR(128),
    roles       VARCHAR(100) NOT NULL,
    call        VARCHAR(200) NOT NULL,
    purpose     VARCHAR(200),
    pathway_ids TEXT[]       NOT NULL
);
CREATE INDEX access_log_by_pathway ON access_log USING GIN (pathway_ids);
CREATE INDEX access_log_by_subject ON access_log (subject, accessed_at);

-- Append-only: rows may be added, never changed or removed.
CREATE FUNCTION pathway_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION pathway_append_only();
CREATE TRIGGER event_chain_append_only BEFORE UPDATE OR DELETE ON event_chain
    FOR EACH ROW EXECUTE FUNCTION pathway_append_only();

-- The latest acknowledgement of each gap, as the dashboard shows it.
ALTER TABLE gap ADD COLUMN acknowledged_at TIMESTAMPTZ,
                ADD COLUMN acknowledged_by VARCHAR(255),
                ADD COLUMN acknowledgement VARCHAR(500);
