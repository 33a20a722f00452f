-- Palisade API keys, H2 (the embedded default). Only HMAC-SHA256(pepper, key) is stored, never the key.
CREATE TABLE IF NOT EXISTS palisade_api_key (
	key_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
	name          VARCHAR(200) NOT NULL,
	owner_subject VARCHAR(255) NOT NULL,
	owner_kind    VARCHAR(16)  NOT NULL,
	org_id        VARCHAR(255) NOT NULL,
	project_id    VARCHAR(255),
	scopes        VARCHAR(10000) NOT NULL,
	pepper_id     VARCHAR(64)  NOT NULL,
	key_hash      VARBINARY(32) NOT NULL,
	key_hint      VARCHAR(8)   NOT NULL,
	created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
	expires_at    TIMESTAMP(6) WITH TIME ZONE,
	last_used_at  TIMESTAMP(6) WITH TIME ZONE,
	revoked_at    TIMESTAMP(6) WITH TIME ZONE,
	grace_until   TIMESTAMP(6) WITH TIME ZONE,
	rotated_from  VARCHAR(64)
);
CREATE INDEX IF NOT EXISTS palisade_api_key_org_idx ON palisade_api_key (org_id, created_at);
