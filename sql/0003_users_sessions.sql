-- People who sign in, and their sessions. Users are not tenant rows: one accountant of a
-- centralized accounting office works for many institutions through grants (0004).
CREATE TABLE users (
  id                     bigserial PRIMARY KEY,
  login                  text NOT NULL CHECK (login ~ '^[a-z0-9._-]{3,64}$'),
  full_name              text NOT NULL CHECK (full_name <> ''),
  iin                    char(12) CHECK (iin ~ '^[0-9]{12}$'),
  -- argon2id in its standard encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
  password_hash          text NOT NULL,
  password_changed_at    timestamptz NOT NULL DEFAULT now(),
  must_change_password   boolean NOT NULL DEFAULT false,
  failed_logins          integer NOT NULL DEFAULT 0,
  locked_until           timestamptz,
  active                 boolean NOT NULL DEFAULT true,
  lang                   text NOT NULL DEFAULT 'ru' CHECK (lang IN ('kk', 'ru', 'en')),
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_login_idx ON users (login);

-- A session is an opaque random token given to the client once; only its SHA-256 is kept,
-- so a stolen database does not yield usable tokens.
CREATE TABLE sessions (
  id           bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id),
  token_hash   bytea NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  client       text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
