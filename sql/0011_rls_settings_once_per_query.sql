-- Row-level security reads the acting transaction's settings once per query, not per row.
--
-- esep_org_visible(org) (0007) is inlined into every policy, but the planner cannot hoist
-- its STABLE current_setting() calls, so esep.org_ids was read and parsed into a bigint[] for
-- every row scanned: counting 1,000,000 audit rows took twice as long as without the policy.
-- A scalar sub-select is planned as an InitPlan and evaluated once per query; the policies
-- below state the same rule (the system, or an institution in esep.org_ids) that way.
-- Policies of later tables follow this form:
--   (SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[])
-- (the cast keeps "= ANY (SELECT …)" from being read as a comparison with each row of a
-- subquery).

CREATE FUNCTION esep_acting_system() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (current_setting('esep.system', true) = 'on') IS TRUE
$$;

CREATE FUNCTION esep_acting_org_ids() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting('esep.org_ids', true), ''), '{}')::bigint[]
$$;

CREATE FUNCTION esep_acting_user_id() RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('esep.user_id', true), '')::bigint
$$;

ALTER POLICY institutions_select ON institutions
  USING ((SELECT esep_acting_system()) OR id = ANY ((SELECT esep_acting_org_ids())::bigint[]));
ALTER POLICY institutions_insert ON institutions
  WITH CHECK ((SELECT esep_acting_system()) OR parent_id = ANY ((SELECT esep_acting_org_ids())::bigint[]));
ALTER POLICY institutions_update ON institutions
  USING ((SELECT esep_acting_system()) OR id = ANY ((SELECT esep_acting_org_ids())::bigint[]))
  WITH CHECK ((SELECT esep_acting_system()) OR id = ANY ((SELECT esep_acting_org_ids())::bigint[]));
ALTER POLICY institutions_delete ON institutions
  USING ((SELECT esep_acting_system()) OR id = ANY ((SELECT esep_acting_org_ids())::bigint[]));

ALTER POLICY grants_tenant ON grants
  USING ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]))
  WITH CHECK ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]));

ALTER POLICY audit_log_select ON audit_log
  USING ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]));
ALTER POLICY audit_log_insert ON audit_log
  WITH CHECK (org_id IS NULL OR (SELECT esep_acting_system())
              OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]));

ALTER POLICY jobs_tenant ON jobs
  USING ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[])
         OR created_by = (SELECT esep_acting_user_id()))
  WITH CHECK ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[])
              OR (org_id IS NULL AND created_by = (SELECT esep_acting_user_id())));

ALTER POLICY institution_signatories_tenant ON institution_signatories
  USING ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]))
  WITH CHECK ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]));
