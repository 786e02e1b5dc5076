-- Jobs: long operations (reports, verifications, later payroll runs and imports) run in the
-- background with progress, cancel and a result. The row is the truth: any server process
-- may claim a queued job (FOR UPDATE SKIP LOCKED), and a job a crashed server was running
-- is marked failed when a server starts (one server process per database).
CREATE TABLE jobs (
  id               bigserial PRIMARY KEY,
  org_id           bigint REFERENCES institutions (id),  -- NULL: a system job (maintenance)
  kind             text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]*$'),
  params           jsonb NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress_done    bigint NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
  progress_total   bigint NOT NULL DEFAULT 0 CHECK (progress_total >= 0),
  progress_message text NOT NULL DEFAULT '',
  cancel_requested boolean NOT NULL DEFAULT false,
  result           jsonb,
  error            jsonb,  -- {code, message: {kk, ru, en}, field, details}
  created_by       bigint REFERENCES users (id),  -- NULL for system jobs
  created_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  CHECK ((status IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL))
);
CREATE INDEX jobs_org_created_idx ON jobs (org_id, created_at DESC);
CREATE INDEX jobs_creator_created_idx ON jobs (created_by, created_at DESC);
CREATE INDEX jobs_queued_idx ON jobs (id) WHERE status = 'queued';

-- Files a job produced (a report's PDF or XLSX). Deleted with their job.
CREATE TABLE job_files (
  job_id       bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,100}$'),
  content_type text NOT NULL,
  content      bytea NOT NULL,
  sha256       bytea NOT NULL,
  PRIMARY KEY (job_id, name)
);

-- A user sees the jobs they started, and the jobs of the institutions their transaction may
-- see; system jobs only the system. A job without an institution (e.g. verifying the whole
-- audit chain) may be queued by a user for themselves.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_tenant ON jobs
  USING (esep_org_visible(org_id)
         OR created_by = nullif(current_setting('esep.user_id', true), '')::bigint)
  WITH CHECK (esep_org_visible(org_id)
              OR (org_id IS NULL
                  AND created_by = nullif(current_setting('esep.user_id', true), '')::bigint));
ALTER TABLE job_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY job_files_tenant ON job_files
  USING (EXISTS (SELECT FROM jobs WHERE jobs.id = job_files.job_id));
