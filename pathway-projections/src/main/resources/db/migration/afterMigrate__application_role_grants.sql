-- Everything the application's role may do, table by table: the one place for grants. Flyway runs this after every
-- migrate, also when nothing was pending, so the list always matches the schema. Every table and sequence a
-- migration adds needs a line here, or the application cannot use it; DatabaseRolesIT fails until it has one.
-- Nothing here grants TRUNCATE, REFERENCES, TRIGGER or ownership, and the role can create nothing.

DO $$
BEGIN
    IF current_user = '${application-role}' THEN
        RAISE EXCEPTION 'Migrations run as the application''s role; run them as the owner (spring.flyway.user)';
    END IF;
END
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${application-role}";
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "${application-role}";

-- The record (docs/operations.md, "Data"): appended and read, never changed or removed.
GRANT SELECT, INSERT ON domain_event_entry TO "${application-role}";
GRANT USAGE ON SEQUENCE domain_event_global_index_seq TO "${application-role}";
GRANT SELECT, INSERT ON event_receipt TO "${application-role}";
GRANT SELECT, INSERT ON event_chain TO "${application-role}";
-- Which municipalities a pathway's events named, and since when: added with the events, moved earlier only.
GRANT SELECT, INSERT, UPDATE ON pathway_municipality TO "${application-role}";
GRANT SELECT, INSERT ON access_log TO "${application-role}";
GRANT USAGE ON SEQUENCE access_log_id_seq TO "${application-role}";

-- The identity vault: a person's number stored, re-stored after an erasure, its data key re-wrapped in a key rotation
-- or destroyed by an erasure (all updates); rows are never deleted, so the last erasure stays on record.
GRANT SELECT, INSERT, UPDATE ON identity_vault TO "${application-role}";

-- The people seen at login: a person's row is added at their first login and updated at each later one.
GRANT SELECT, INSERT, UPDATE ON person_directory TO "${application-role}";

-- Snapshots: Axon stores a pathway's new snapshot and deletes the older ones.
GRANT SELECT, INSERT, DELETE ON snapshot_event_entry TO "${application-role}";

-- The read-model processor's tokens: claimed, extended and released by update; segments added and removed.
GRANT SELECT, INSERT, UPDATE, DELETE ON token_entry TO "${application-role}";

-- Read models: a pathway's gap rows are replaced by delete and insert, its summary is upserted; a rebuild deletes all.
GRANT SELECT, INSERT, DELETE ON gap TO "${application-role}";
-- the tally of the gaps by class, kept with them (V17)
GRANT SELECT, INSERT, UPDATE, DELETE ON gap_tally TO "${application-role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON pathway_summary TO "${application-role}";
-- The read models' quarantine: a pathway is set aside, its later events counted, locked for a retry and released;
-- a reset empties it.
GRANT SELECT, INSERT, UPDATE, DELETE ON read_model_quarantine TO "${application-role}";
-- The read-model instances' heartbeats: each upserts its own and forgets instances gone for a minute.
GRANT SELECT, INSERT, UPDATE, DELETE ON read_model_node TO "${application-role}";
