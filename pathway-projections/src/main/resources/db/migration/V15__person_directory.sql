-- The people who have logged in to the pages: a person's token subject and the display name their provider gave at
-- the latest login, so the pages can say who has a gap by name rather than by an opaque id (docs/security.md, "People
-- log in"). Staff, never patients. Not part of the record and not a read model: written at each login, latest wins;
-- a login without a name keeps the name known before.
CREATE TABLE person_directory (
    subject      VARCHAR(255) PRIMARY KEY,
    display_name VARCHAR(100),
    last_seen_at TIMESTAMPTZ  NOT NULL
);
