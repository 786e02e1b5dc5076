-- Servers keep recently checked sessions and their access rights in memory (a request then
-- needs no sign-in queries). Every change that could make such an answer wrong notifies
-- channel esep_security, whoever makes it (a server, esep-admin, psql): a revoked session,
-- a user switched off or given a new password, a grant or a role's permissions changed, an
-- institution added or moved (subtree grants reach it).
-- Each server listens and forgets everything it cached; without a listening connection it
-- caches nothing.
CREATE FUNCTION esep_notify_security() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('esep_security', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- last_seen_at is written all the time and changes nothing a cache holds.
CREATE TRIGGER sessions_security AFTER UPDATE OF revoked_at, expires_at OR DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION esep_notify_security();
CREATE TRIGGER users_security
  AFTER UPDATE OF active, password_hash, must_change_password, login OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION esep_notify_security();
CREATE TRIGGER grants_security AFTER INSERT OR UPDATE OR DELETE ON grants
  FOR EACH STATEMENT EXECUTE FUNCTION esep_notify_security();
CREATE TRIGGER role_permissions_security AFTER INSERT OR UPDATE OR DELETE ON role_permissions
  FOR EACH STATEMENT EXECUTE FUNCTION esep_notify_security();
CREATE TRIGGER roles_security AFTER UPDATE OR DELETE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION esep_notify_security();
CREATE TRIGGER institutions_security
  AFTER INSERT OR UPDATE OF parent_id, active OR DELETE ON institutions
  FOR EACH STATEMENT EXECUTE FUNCTION esep_notify_security();
