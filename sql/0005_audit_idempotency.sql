-- The audit trail: append-only and hash-chained. Each row's hash covers its content and the
-- previous row's hash, so a changed, removed or inserted row breaks the chain from there on
-- (esep-admin check). Security events (login, failure, lockout, denied access) have kind
-- 'security'; every data change has kind 'mutation' with before/after images.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind           text NOT NULL CHECK (kind IN ('mutation', 'security')),
  action         text NOT NULL,
  actor_user_id  bigint,
  org_id         bigint,
  entity         text NOT NULL DEFAULT '',
  entity_id      text NOT NULL DEFAULT '',
  before         jsonb,
  after          jsonb,
  details        jsonb,
  request_id     text NOT NULL DEFAULT '',
  prev_hash      bytea NOT NULL,
  hash           bytea NOT NULL UNIQUE
);
CREATE INDEX audit_log_org_at_idx ON audit_log (org_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Append-only: no UPDATE or DELETE, whoever asks (the chain would still reveal it).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Idempotency: the first response to (user, key) is kept; a repeat returns it and writes
-- nothing. request_hash detects a key reused for a different request.
CREATE TABLE idempotency_keys (
  user_id       bigint NOT NULL,
  key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  request_hash  bytea NOT NULL,
  status        integer NOT NULL,
  response      text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
