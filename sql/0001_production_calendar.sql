-- Production calendar (производственный календарь / өндірістік күнтізбе): one row per day
-- of each loaded year, from the files in sql/reference/ (published yearly by the Ministry
-- of Labour, МТСЗН РК). National reference data, not tenant data, so it has no org_id.
-- Pay for a month is computed against the norm of that month's days, so the calendar is
-- effective-dated by nature: a year is replaced whole when the ministry revises it.
CREATE TABLE production_calendar_days (
  day          date PRIMARY KEY,
  day_type     text NOT NULL CHECK (day_type IN ('work', 'weekend', 'holiday', 'transfer')),
  work_minutes integer NOT NULL CHECK (work_minutes BETWEEN 0 AND 1440),
  source       text NOT NULL,
  CHECK (day_type = 'work' OR work_minutes = 0)
);

COMMENT ON TABLE production_calendar_days IS
  'Production calendar, 5-day 40-hour week; loaded by esep-admin from sql/reference/production_calendar_YYYY.csv';
