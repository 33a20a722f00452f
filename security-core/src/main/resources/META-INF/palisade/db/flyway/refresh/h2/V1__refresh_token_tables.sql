-- Palisade refresh-token store, H2. Idempotent: safe to run on every start.
-- Only SHA-256 hashes of tokens are stored, never a token.
CREATE TABLE IF NOT EXISTS palisade_refresh_family (
	family_id VARCHAR(64) PRIMARY KEY,
	subject VARCHAR(255) NOT NULL,
	org VARCHAR(255),
	project VARCHAR(255),
	attributes TEXT NOT NULL,
	state VARCHAR(16) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	absolute_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	idle_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS palisade_refresh_family_subject_idx ON palisade_refresh_family (subject);
CREATE INDEX IF NOT EXISTS palisade_refresh_family_expiry_idx ON palisade_refresh_family (idle_expires_at);
CREATE TABLE IF NOT EXISTS palisade_refresh_token (
	token_hash VARBINARY(32) PRIMARY KEY,
	family_id VARCHAR(64) NOT NULL REFERENCES palisade_refresh_family (family_id) ON DELETE CASCADE,
	state VARCHAR(16) NOT NULL,
	issued_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS palisade_refresh_token_family_idx ON palisade_refresh_token (family_id);
