-- Row-level security on tenant tables: the second wall behind the server's permission
-- checks. The server connects, then SET ROLE esep_app; every transaction says who acts with
-- set_config('esep.org_ids', '{1,5}', true) and set_config('esep.system', 'on'|'off', true)
-- (platform::ApplyActor). A query that forgets its WHERE org_id still sees only the
-- institutions the actor may see. Superusers and table owners bypass these policies, which
-- is why esep-admin and migrations keep working and why the tests SET ROLE esep_app.

-- Roles belong to the cluster, not the database: another Esep database (or a test clone)
-- may already have created it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'esep_app') THEN
    CREATE ROLE esep_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO esep_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO esep_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO esep_app;
-- Tables and sequences later migrations create get the same privileges.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO esep_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO esep_app;
-- The audit trail is append-only for everyone (triggers in 0005); the application is not
-- even given the privilege. Applied migrations are esep-admin's business.
REVOKE UPDATE, DELETE ON audit_log FROM esep_app;
REVOKE INSERT, UPDATE, DELETE ON esep_schema_migrations FROM esep_app;

-- True when the acting transaction may see rows of institution `org`: the system, or an
-- institution in esep.org_ids. NULL for a NULL org unless system, which policies read as
-- false. Plain SQL and STABLE so that the planner inlines it and can use org_id indexes.
CREATE FUNCTION esep_org_visible(org bigint) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (current_setting('esep.system', true) = 'on') IS TRUE
      OR org = ANY (coalesce(nullif(current_setting('esep.org_ids', true), ''), '{}')::bigint[])
$$;

-- Institutions: a row is its own tenant. A new institution may be registered only under a
-- visible parent (a top-level one only by the system); the creating transaction then adds
-- the new id to its esep.org_ids (platform::CreateInstitution) to read it back.
ALTER TABLE institutions ENABLE ROW LEVEL SECURITY;
CREATE POLICY institutions_select ON institutions FOR SELECT USING (esep_org_visible(id));
CREATE POLICY institutions_insert ON institutions FOR INSERT
  WITH CHECK (esep_org_visible(parent_id));
CREATE POLICY institutions_update ON institutions FOR UPDATE
  USING (esep_org_visible(id)) WITH CHECK (esep_org_visible(id));
CREATE POLICY institutions_delete ON institutions FOR DELETE USING (esep_org_visible(id));

ALTER TABLE grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY grants_tenant ON grants
  USING (esep_org_visible(org_id)) WITH CHECK (esep_org_visible(org_id));

-- Audit rows without an institution (sign-ins, a user's own password change) are read only by
-- the system, but anyone acting may write them: a failed login has no institution yet.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_select ON audit_log FOR SELECT USING (esep_org_visible(org_id));
CREATE POLICY audit_log_insert ON audit_log FOR INSERT
  WITH CHECK (org_id IS NULL OR esep_org_visible(org_id));

-- The audit chain links every row to the one before it, whichever institution that was, but
-- a tenant's transaction sees only its own rows. Appenders read the head through this
-- function, which runs as its owner (who bypasses the policies) and yields only the hash.
CREATE FUNCTION esep_audit_chain_head() RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT hash FROM public.audit_log ORDER BY id DESC LIMIT 1
$$;
REVOKE EXECUTE ON FUNCTION esep_audit_chain_head() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION esep_audit_chain_head() TO esep_app;
