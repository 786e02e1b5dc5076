-- The nine builtin roles and their permissions, as data. Permission codes are the catalog in
-- src/platform/permissions.cpp ("resource.action"); a test checks that every permission
-- named here is in it. Institutions may define their own roles later; builtin ones are
-- marked so that the administration screens can keep them read-only.
INSERT INTO roles (code, name_kk, name_ru, name_en, builtin) VALUES
  ('administrator', 'Әкімші', 'Администратор', 'Administrator', true),
  ('chief_accountant', 'Бас бухгалтер', 'Главный бухгалтер', 'Chief accountant', true),
  ('accountant', 'Бухгалтер', 'Бухгалтер', 'Accountant', true),
  ('payroll_accountant', 'Жалақы жөніндегі бухгалтер', 'Бухгалтер по заработной плате',
   'Payroll accountant', true),
  ('hr_officer', 'Кадр қызметінің маманы', 'Специалист по кадрам', 'HR officer', true),
  ('budget_planner', 'Бюджеттік жоспарлау жөніндегі маман',
   'Специалист по бюджетному планированию', 'Budget planner', true),
  ('abp_approver', 'Бюджеттік бағдарламалар әкімшісінің бекітушісі',
   'Утверждающий администратора бюджетных программ', 'Budget program administrator''s approver',
   true),
  ('auditor', 'Аудитор (тек қарау)', 'Аудитор (только просмотр)', 'Auditor (read-only)', true),
  ('employee', 'Қызметкер (өз деректері)', 'Сотрудник (свои данные)', 'Employee (self-service)',
   true);

INSERT INTO role_permissions (role_code, permission)
SELECT role_code, permission
FROM (VALUES
  -- Runs the installation: institutions, people and their access; sees no accounts.
  ('administrator', 'institutions.read'),
  ('administrator', 'institutions.write'),
  ('administrator', 'users.read'),
  ('administrator', 'users.write'),
  ('administrator', 'grants.write'),
  ('administrator', 'audit.read'),
  ('administrator', 'jobs.read'),
  ('administrator', 'jobs.cancel'),

  -- Answers for the books: everything in the ledger, closing periods included.
  ('chief_accountant', 'ledger.read'),
  ('chief_accountant', 'ledger.write'),
  ('chief_accountant', 'ledger.post'),
  ('chief_accountant', 'ledger.close_period'),
  ('chief_accountant', 'reports.read'),
  ('chief_accountant', 'audit.read'),
  ('chief_accountant', 'jobs.read'),
  ('chief_accountant', 'jobs.cancel'),
  ('chief_accountant', 'institutions.read'),

  ('accountant', 'ledger.read'),
  ('accountant', 'ledger.write'),
  ('accountant', 'ledger.post'),
  ('accountant', 'reports.read'),
  ('accountant', 'institutions.read'),
  ('accountant', 'jobs.read'),

  ('payroll_accountant', 'payroll.read'),
  ('payroll_accountant', 'payroll.write'),
  ('payroll_accountant', 'hr.read'),
  ('payroll_accountant', 'reports.read'),
  ('payroll_accountant', 'institutions.read'),
  ('payroll_accountant', 'jobs.read'),

  ('hr_officer', 'hr.read'),
  ('hr_officer', 'hr.write'),
  ('hr_officer', 'institutions.read'),

  ('budget_planner', 'budget.read'),
  ('budget_planner', 'budget.write'),
  ('budget_planner', 'reports.read'),
  ('budget_planner', 'institutions.read'),

  -- The administrator of budget programs approves what its institutions plan.
  ('abp_approver', 'budget.read'),
  ('abp_approver', 'budget.approve'),
  ('abp_approver', 'reports.read'),
  ('abp_approver', 'institutions.read'),

  -- Reads everything an institution has and changes nothing. Not self.read: that is about
  -- the reader's own payslips, which an auditor of the institution does not have.
  ('auditor', 'audit.read'),
  ('auditor', 'budget.read'),
  ('auditor', 'hr.read'),
  ('auditor', 'institutions.read'),
  ('auditor', 'jobs.read'),
  ('auditor', 'ledger.read'),
  ('auditor', 'payroll.read'),
  ('auditor', 'reports.read'),
  ('auditor', 'users.read'),

  ('employee', 'self.read')
) AS builtin (role_code, permission);
