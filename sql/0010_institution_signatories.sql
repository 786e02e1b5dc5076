-- Who signs an institution's printed forms: one person per signature role ("head",
-- "chief_accountant", "executor", ...; the roles of forms/*.form [signatures], docs/forms.md),
-- with the position as it is printed when it differs from the role's usual one ("Аким"
-- instead of "Руководитель"). Empty positions print the role's own.
CREATE TABLE institution_signatories (
  org_id       bigint NOT NULL REFERENCES institutions (id),
  role         text NOT NULL CHECK (role ~ '^[a-z][a-z_]{0,39}$'),
  position_kk  text NOT NULL DEFAULT '' CHECK (length(position_kk) <= 200),
  position_ru  text NOT NULL DEFAULT '' CHECK (length(position_ru) <= 200),
  person_name  text NOT NULL CHECK (person_name <> '' AND length(person_name) <= 200),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, role),
  -- Both languages or neither: a form printed in Kazakh must not fall back to Russian.
  CHECK ((position_kk = '') = (position_ru = ''))
);

-- A tenant table like grants (migration 0007): visible and writable where the acting
-- transaction may see the institution.
ALTER TABLE institution_signatories ENABLE ROW LEVEL SECURITY;
CREATE POLICY institution_signatories_tenant ON institution_signatories
  USING (esep_org_visible(org_id)) WITH CHECK (esep_org_visible(org_id));
