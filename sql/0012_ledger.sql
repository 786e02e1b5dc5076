-- The ledger: reference data (chart of accounts, budget classification, memorial orders),
-- accounting documents with their postings, monthly totals and closed periods.
-- Domain notes: shared/domain/accounting-kz.md, budget-classification-kz.md.
--
-- Reference rows are national data (no org_id), effective-dated: a row is in force from
-- valid_from to valid_to inclusive (NULL = until further notice), and editions of one code
-- never overlap. The Ministry of Finance changes these lists several times a year, so they
-- are loaded from files (esep-admin) and never assumed by code.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Chart of accounts (plan № 281 / ЕПС № 1195): sections, subsections and accounts.
-- `dimensions` are the analytics a posting to the account must carry (ledger/dimensions.hpp);
-- `balance` is the side its balance may be on, which the month closing checks.
CREATE TABLE ledger_accounts (
  code        text NOT NULL CHECK (code ~ '^[0-9]{1,4}$'),
  valid_from  date NOT NULL,
  valid_to    date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  name_kk     text NOT NULL CHECK (length(name_kk) <= 500),
  name_ru     text NOT NULL CHECK (name_ru <> '' AND length(name_ru) <= 500),
  section     smallint NOT NULL CHECK (section BETWEEN 0 AND 9),
  kind        text NOT NULL CHECK (kind IN ('asset', 'liability', 'net_assets', 'income',
                                            'expense', 'production', 'off_balance', 'technical')),
  balance     text NOT NULL CHECK (balance IN ('debit', 'credit', 'either')),
  postable    boolean NOT NULL,
  dimensions  text[] NOT NULL DEFAULT '{}',
  source      text NOT NULL CHECK (source <> ''),
  PRIMARY KEY (code, valid_from),
  EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Budget classification and the other coded analytics, one table for all of them:
--   functional   group "04", subgroup "04.2", АБП "04.2.464", program "04.2.464.003",
--                subprogram "04.2.464.003.015";
--   economic     category "1", class "1.01", subclass "1.01.1", specific "111" (ЭКР);
--   income       category "1", class "1.01", subclass "1.01.1", specific "101101" (КБК);
--   source       financing sources; paid_service — codes of paid services (order № 215);
--   ksn          control cash accounts (КСН).
-- Only `postable` codes may stand in a posting (a subprogram, or a program without them;
-- a specific).
CREATE TABLE ledger_codes (
  kind        text NOT NULL CHECK (kind IN ('functional', 'economic', 'income', 'source',
                                            'paid_service', 'ksn')),
  code        text NOT NULL CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$'),
  valid_from  date NOT NULL,
  valid_to    date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  parent_code text,
  level       text NOT NULL CHECK (level ~ '^[a-z_]{1,20}$'),
  postable    boolean NOT NULL,
  name_kk     text NOT NULL DEFAULT '' CHECK (length(name_kk) <= 1000),
  name_ru     text NOT NULL CHECK (name_ru <> '' AND length(name_ru) <= 1000),
  source      text NOT NULL CHECK (source <> ''),
  PRIMARY KEY (kind, code, valid_from),
  EXCLUDE USING gist (kind WITH =, code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

-- Memorial orders (накопительные ведомости) and the rules that give a posting its order:
-- the rule with the highest priority whose prefixes match the debit and credit accounts
-- (an empty prefix matches any account); among equal priorities the longer prefixes win.
CREATE TABLE ledger_memorial_orders (
  number      smallint NOT NULL CHECK (number BETWEEN 1 AND 999),
  valid_from  date NOT NULL,
  valid_to    date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  name_kk     text NOT NULL CHECK (length(name_kk) <= 500),
  name_ru     text NOT NULL CHECK (name_ru <> '' AND length(name_ru) <= 500),
  form        text NOT NULL DEFAULT '' CHECK (length(form) <= 20),
  source      text NOT NULL CHECK (source <> ''),
  PRIMARY KEY (number, valid_from),
  EXCLUDE USING gist (number WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);

CREATE TABLE ledger_memorial_order_rules (
  id             bigserial PRIMARY KEY,
  debit_prefix   text NOT NULL DEFAULT '' CHECK (debit_prefix ~ '^[0-9]{0,4}$'),
  credit_prefix  text NOT NULL DEFAULT '' CHECK (credit_prefix ~ '^[0-9]{0,4}$'),
  priority       smallint NOT NULL DEFAULT 0,
  order_number   smallint NOT NULL CHECK (order_number BETWEEN 1 AND 999),
  valid_from     date NOT NULL,
  valid_to       date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  source         text NOT NULL CHECK (source <> ''),
  EXCLUDE USING gist (debit_prefix WITH =, credit_prefix WITH =, priority WITH =,
                      daterange(valid_from, valid_to, '[]') WITH &&)
);

-- An institution's counterparties (suppliers, buyers, other bodies): BIN or IIN validated
-- by the application; the state registry adapter fills names later.
CREATE TABLE counterparties (
  org_id      bigint NOT NULL REFERENCES institutions (id),
  id          bigserial,
  bin_iin     text NOT NULL CHECK (bin_iin ~ '^[0-9]{12}$'),
  name        text NOT NULL CHECK (name <> '' AND length(name) <= 500),
  active      boolean NOT NULL DEFAULT true,
  version     integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE (org_id, bin_iin),
  UNIQUE (org_id, id)
);

-- One row per distinct combination of analytics, so that postings and totals carry a
-- single key per side. '' and 0 mean "not given". Shared by all institutions: it holds
-- codes and counterparty ids only, never names or amounts.
CREATE TABLE ledger_analytics (
  id            bigserial PRIMARY KEY,
  program       text NOT NULL DEFAULT '',
  specific      text NOT NULL DEFAULT '',
  income        text NOT NULL DEFAULT '',
  source        text NOT NULL DEFAULT '',
  paid_service  text NOT NULL DEFAULT '',
  ksn           text NOT NULL DEFAULT '',
  counterparty  bigint NOT NULL DEFAULT 0,
  UNIQUE (program, specific, income, source, paid_service, ksn, counterparty)
);

-- Accounting documents. `operation` is a general operation (бухгалтерская справка),
-- `reversal` the storno of a posted document (its lines with amounts negated: red storno),
-- `opening` the entry of opening balances against the technical account.
-- draft → posted → reversed; a draft may be deleted (kept, marked). Posted documents and
-- their lines never change again (the service refuses; reversal is the only way back).
CREATE TABLE ledger_documents (
  id           bigserial PRIMARY KEY,
  org_id       bigint NOT NULL REFERENCES institutions (id),
  kind         text NOT NULL CHECK (kind IN ('operation', 'reversal', 'opening')),
  number       text NOT NULL CHECK (number <> ''),
  doc_date     date NOT NULL,
  content      text NOT NULL DEFAULT '' CHECK (length(content) <= 2000),
  state        text NOT NULL DEFAULT 'draft'
                 CHECK (state IN ('draft', 'posted', 'reversed', 'deleted')),
  total        bigint NOT NULL DEFAULT 0,
  reverses_id  bigint REFERENCES ledger_documents (id),
  reversed_by  bigint REFERENCES ledger_documents (id),
  version      integer NOT NULL DEFAULT 1,
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  posted_by    bigint REFERENCES users (id),
  posted_at    timestamptz,
  UNIQUE (org_id, id),
  UNIQUE (org_id, number, doc_date)
);
CREATE INDEX ledger_documents_org_date_idx ON ledger_documents (org_id, doc_date, id);

-- Numbers run per institution and year.
CREATE TABLE ledger_document_numbers (
  org_id  bigint NOT NULL REFERENCES institutions (id),
  year    integer NOT NULL,
  last    bigint NOT NULL,
  PRIMARY KEY (org_id, year)
);

-- The lines (postings) of a document. `posted` mirrors the document (true while it counts
-- in the registers: posted or reversed), so registers read one table.
CREATE TABLE ledger_entries (
  org_id            bigint NOT NULL,
  document_id       bigint NOT NULL,
  line_no           integer NOT NULL CHECK (line_no > 0),
  entry_date        date NOT NULL,
  debit_account     text NOT NULL,
  debit_analytics   bigint NOT NULL REFERENCES ledger_analytics (id),
  credit_account    text NOT NULL,
  credit_analytics  bigint NOT NULL REFERENCES ledger_analytics (id),
  amount            bigint NOT NULL CHECK (amount <> 0),
  quantity          numeric(18, 3),
  content           text NOT NULL DEFAULT '' CHECK (length(content) <= 1000),
  memorial_order    smallint,
  posted            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (document_id, line_no),
  FOREIGN KEY (org_id, document_id) REFERENCES ledger_documents (org_id, id) ON DELETE CASCADE
);
CREATE INDEX ledger_entries_debit_idx ON ledger_entries (org_id, debit_account, entry_date)
  WHERE posted;
CREATE INDEX ledger_entries_credit_idx ON ledger_entries (org_id, credit_account, entry_date)
  WHERE posted;
CREATE INDEX ledger_entries_order_idx ON ledger_entries (org_id, entry_date, memorial_order)
  WHERE posted;

-- Turnovers per institution, month, account and analytics, kept in the posting's own
-- transaction. A balance at the start of a month is the sum of earlier months' turnovers
-- (opening balances are posted on the day before the first month), so reports read this
-- table and grow with the number of accounts, not of postings.
CREATE TABLE ledger_totals (
  org_id     bigint NOT NULL REFERENCES institutions (id),
  period     date NOT NULL CHECK (extract(day FROM period) = 1),
  account    text NOT NULL,
  analytics  bigint NOT NULL REFERENCES ledger_analytics (id),
  debit      bigint NOT NULL DEFAULT 0,
  credit     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, period, account, analytics)
);
CREATE INDEX ledger_totals_account_idx ON ledger_totals (org_id, account, period);

-- Closed months. A month without a row, or with closed = false, is open.
CREATE TABLE ledger_periods (
  org_id         bigint NOT NULL REFERENCES institutions (id),
  period         date NOT NULL CHECK (extract(day FROM period) = 1),
  closed         boolean NOT NULL,
  closed_by      bigint REFERENCES users (id),
  closed_at      timestamptz,
  reopened_by    bigint REFERENCES users (id),
  reopened_at    timestamptz,
  reopen_reason  text NOT NULL DEFAULT '' CHECK (length(reopen_reason) <= 1000),
  PRIMARY KEY (org_id, period)
);

-- Tenant tables: visible and writable where the acting transaction may see the institution
-- (the form of migration 0011).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['counterparties', 'ledger_documents', 'ledger_document_numbers',
                           'ledger_entries', 'ledger_totals', 'ledger_periods'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I '
      'USING ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[])) '
      'WITH CHECK ((SELECT esep_acting_system()) OR org_id = ANY ((SELECT esep_acting_org_ids())::bigint[]))',
      t || '_tenant', t);
  END LOOP;
END $$;
