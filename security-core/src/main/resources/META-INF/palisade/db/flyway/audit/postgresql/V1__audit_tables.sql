-- Palisade tamper-evident audit log (JdbcAuditSink). "record" holds the exact canonical line the
-- MAC and hash chain cover; the other columns are copies for querying and are not trusted by the verifier.
CREATE TABLE IF NOT EXISTS palisade_audit_record (
	seq BIGINT PRIMARY KEY,
	event_id UUID NOT NULL,
	event_time TIMESTAMP WITH TIME ZONE NOT NULL,
	actor_kind TEXT NOT NULL,
	actor_id TEXT,
	actor_org TEXT,
	action TEXT NOT NULL,
	resource_type TEXT,
	resource_id TEXT,
	resource_org TEXT,
	resource_project TEXT,
	result TEXT NOT NULL,
	reason_code TEXT,
	client_ip TEXT,
	trace_id TEXT,
	prev_hash CHAR(64) NOT NULL,
	hash CHAR(64) NOT NULL,
	record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS palisade_audit_record_time_idx ON palisade_audit_record (event_time);
CREATE INDEX IF NOT EXISTS palisade_audit_record_org_time_idx ON palisade_audit_record (actor_org, event_time);
CREATE TABLE IF NOT EXISTS palisade_audit_checkpoint (
	seq BIGINT PRIMARY KEY,
	head_hash CHAR(64) NOT NULL,
	checkpoint_time TIMESTAMP WITH TIME ZONE NOT NULL,
	record TEXT NOT NULL
);
