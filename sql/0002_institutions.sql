-- Institutions (мемлекеттік мекемелер / государственные учреждения): every tenant row of
-- Esep belongs to one. A ГУ/КГУ is financed from the budget; a ГККП is a state enterprise
-- on the right of operational management. The scenario (kind) may change during life
-- (КГУ → ГККП and back) without losing data, so nothing else keys on it.
CREATE TABLE institutions (
  id                   bigserial PRIMARY KEY,
  bin                  char(12) NOT NULL UNIQUE CHECK (bin ~ '^[0-9]{12}$'),
  name_kk              text NOT NULL CHECK (name_kk <> ''),
  name_ru              text NOT NULL CHECK (name_ru <> ''),
  kind                 text NOT NULL CHECK (kind IN ('gu', 'kgu', 'gkkp')),
  -- 1 republican, 2 regional / city of republican significance, 3 district, 4 local self-government
  -- (Budget Code; shared/domain/data/budget_levels.csv)
  budget_level         smallint NOT NULL CHECK (budget_level BETWEEN 1 AND 4),
  -- The superior institution; for a school, its administrator of budget programs (АБП).
  parent_id            bigint REFERENCES institutions (id),
  -- Three-digit АБП code when the institution administers budget programs.
  abp_code             char(3) CHECK (abp_code ~ '^[0-9]{3}$'),
  -- The institution whose centralized accounting office keeps this one's books, if any.
  accounting_office_id bigint REFERENCES institutions (id),
  active               boolean NOT NULL DEFAULT true,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX institutions_parent_idx ON institutions (parent_id);
CREATE INDEX institutions_accounting_office_idx ON institutions (accounting_office_id);
