-- Palisade TOTP enrolments, H2. Idempotent: safe to run on every start.
-- The secret is stored sealed with the AEAD keyring; recovery codes only as SHA-256 hashes.
CREATE TABLE IF NOT EXISTS palisade_totp_enrollment (
	subject VARCHAR(255) PRIMARY KEY,
	sealed_secret VARBINARY(1024) NOT NULL,
	confirmed BOOLEAN NOT NULL,
	last_used_step BIGINT NOT NULL,
	recovery_code_hashes TEXT NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
