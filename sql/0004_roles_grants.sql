-- Authorization: a permission is "resource.action" (e.g. "institutions.read"); a role is a
-- named set of permissions; a grant gives a user a role in one institution, or in an
-- institution and every institution below it (include_subtree).
CREATE TABLE roles (
  code     text PRIMARY KEY CHECK (code ~ '^[a-z_]+$'),
  name_kk  text NOT NULL,
  name_ru  text NOT NULL,
  name_en  text NOT NULL,
  builtin  boolean NOT NULL DEFAULT false
);

CREATE TABLE role_permissions (
  role_code  text NOT NULL REFERENCES roles (code) ON DELETE CASCADE,
  permission text NOT NULL CHECK (permission ~ '^[a-z_]+\.[a-z_]+$'),
  PRIMARY KEY (role_code, permission)
);

CREATE TABLE grants (
  id              bigserial PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES users (id),
  role_code       text NOT NULL REFERENCES roles (code),
  org_id          bigint NOT NULL REFERENCES institutions (id),
  include_subtree boolean NOT NULL DEFAULT false,
  granted_by      bigint REFERENCES users (id),
  granted_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role_code, org_id)
);
CREATE INDEX grants_org_idx ON grants (org_id);
