-- The identity vault (docs/security.md): each person's national identity number, apart from the event store,
-- encrypted under a data key of that person's own. The data key is a Tink AEAD keyset, itself encrypted under the
-- key-encryption key from configuration (never stored here); kek_key_id names the key that wrapped it, so a key
-- rotation knows what is left to re-wrap. Both ciphertexts are bound to the pathway id as associated data, so a
-- row's parts cannot be moved to another pathway.
--
-- Erasure destroys the data key and the ciphertext: the number can no longer be revealed, while the pathway's
-- events stay as recorded. The last erasure (when, by whom, why) stays on the row; a later fact about the same
-- person stores the number anew under a new data key.
CREATE TABLE identity_vault (
    pathway_id          VARCHAR(64)  PRIMARY KEY,
    data_key            BYTEA,
    kek_key_id          BIGINT,
    identity            BYTEA,
    stored_at           TIMESTAMPTZ,
    last_erased_at      TIMESTAMPTZ,
    last_erased_by      VARCHAR(255),
    last_erasure_reason VARCHAR(32),
    CONSTRAINT identity_vault_held_whole CHECK (
        (data_key IS NULL) = (identity IS NULL) AND (data_key IS NULL) = (kek_key_id IS NULL)
        AND (data_key IS NULL) = (stored_at IS NULL)),
    CONSTRAINT identity_vault_held_or_erased CHECK (data_key IS NOT NULL OR last_erased_at IS NOT NULL)
);
-- what a key rotation still has to re-wrap
CREATE INDEX identity_vault_by_kek ON identity_vault (kek_key_id) WHERE kek_key_id IS NOT NULL;
