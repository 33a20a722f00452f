-- Issue 11 (H2 has no heap-only updates, but keeps the schema of PostgreSQL): a token names its family by a random handle (token_handle: set once, uniquely indexed) and
-- the family row keeps the hash of its active token in active_hash, a column no index covers. Idle
-- expiry is no longer indexed either: sweeps find candidates through sweep_after, a lower bound of the
-- family's idle expiry that only the sweeper moves. A rotation then changes no indexed column, so
-- PostgreSQL writes it as one heap-only (HOT) update within the row's page (fillfactor 80 leaves room)
-- and no index entry. No rotated hashes are kept for such families: any token that names a live family
-- and is not its active token revokes it. Families created before this script keep current_hash and
-- their rotated hashes until their next rotation gives them a handle. Idempotent: safe to run on every
-- start. Upgrading while an older release still runs: families it creates after this script ran are
-- never swept; stop the old instances first.
ALTER TABLE palisade_refresh_family ADD COLUMN IF NOT EXISTS token_handle VARBINARY(16);
ALTER TABLE palisade_refresh_family ADD COLUMN IF NOT EXISTS active_hash VARBINARY(32);
ALTER TABLE palisade_refresh_family ADD COLUMN IF NOT EXISTS sweep_after TIMESTAMP WITH TIME ZONE;
UPDATE palisade_refresh_family SET sweep_after = idle_expires_at WHERE sweep_after IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS palisade_refresh_family_handle_idx ON palisade_refresh_family (token_handle);
CREATE INDEX IF NOT EXISTS palisade_refresh_family_sweep_idx ON palisade_refresh_family (sweep_after);
DROP INDEX IF EXISTS palisade_refresh_family_expiry_idx;
