-- The family row holds the hash of its active token, so a rotation updates that one row and inserts
-- the hash it replaced (issue 11: one row written in place instead of three). From here on
-- palisade_refresh_token holds rotated hashes only, kept for reuse detection until the family is
-- swept; issued_at of such a row is when it was rotated. Idempotent: safe to run on every start.
-- Upgrading while an older release still runs: tokens that release issues after this script ran
-- are not seen; stop the old instances first (refresh tokens issued before stay valid).
ALTER TABLE palisade_refresh_family ADD COLUMN IF NOT EXISTS current_hash VARBINARY(32);
UPDATE palisade_refresh_family f SET current_hash = (SELECT t.token_hash FROM palisade_refresh_token t
	WHERE t.family_id = f.family_id AND t.state = 'active' ORDER BY t.issued_at DESC LIMIT 1)
	WHERE f.current_hash IS NULL;
DELETE FROM palisade_refresh_token WHERE state = 'active';
CREATE UNIQUE INDEX IF NOT EXISTS palisade_refresh_family_current_idx ON palisade_refresh_family (current_hash);
