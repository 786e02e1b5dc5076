#pragma once
/// @file
/// Signing in and out: password login with lockout after repeated failures, sessions held by
/// opaque tokens (only their SHA-256 is stored) with an absolute and an idle expiry. Every
/// sign-in, failure, lockout and sign-out goes to the audit trail as a security event.

#include <chrono>
#include <cstdint>
#include <pqxx/connection>
#include <pqxx/transaction>
#include <string>
#include <string_view>

#include "esep/core/result.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/users.hpp"

namespace esep::platform {

/// All times are measured by PostgreSQL's now(), so servers with skewed clocks agree.
struct SessionPolicy {
  /// A session ends this long after the sign-in, however active.
  std::chrono::seconds absolute_ttl{std::chrono::hours(12)};
  /// ...or after this long without a request. last_seen_at is written at most once per
  /// min(60 s, idle_timeout / 10), and a server may trust a checked session for as long
  /// (AuthenticatedSession::trust_for), so the effective timeout may be up to twice that
  /// much longer.
  std::chrono::seconds idle_timeout{std::chrono::minutes(30)};
  /// The failure that reaches this count locks the account for `lockout`; after it runs out
  /// the count starts again from zero. A success or an administrator's reset clears it.
  int max_failed_logins = 5;
  std::chrono::seconds lockout{std::chrono::minutes(15)};
};

struct LoginResult {
  std::string token;  ///< give to the client once; never stored or logged
  User user;
  std::string expires_at_iso;  ///< absolute expiry, ISO 8601 UTC with microseconds
};

/// Checks the password and opens a session. Runs its own transactions on `db` (which must
/// have none open), so that a failed attempt's counter and audit rows are committed although
/// the login fails. Errors:
/// - "auth.invalid_credentials" for an unknown login, a wrong password or a switched-off user
///   alike (audited "login.failure" with {"login", "reason"}); an unknown login is checked
///   against a dummy hash so that the time taken does not tell which logins exist;
/// - "auth.locked" while the account is locked (audited "login.locked"), details
///   {"locked_until": ISO, "retry_after_seconds": n}; the failure that locks it is also
///   answered with it (audited "login.failure" and "login.lockout").
/// Success resets the failure count and is audited "login.success". `client` (e.g. the
/// User-Agent) is kept with the session, cleaned of control characters and cut to 200.
core::Result<LoginResult> Login(pqxx::connection& db, std::string_view login,
                                std::string_view password, std::string_view client,
                                const SessionPolicy& policy, const std::string& request_id);

struct AuthenticatedSession {
  std::int64_t session_id = 0;
  User user;
  /// The server must allow nothing but a password change while this is set.
  bool must_change_password = false;
  /// How long the answer may be reused without asking the database again (a server's
  /// session cache): until the absolute expiry, and no longer than the last_seen_at write
  /// interval, so that the idle clock keeps being written.
  std::chrono::milliseconds trust_for{0};
};

/// The session behind a token. Errors: "auth.token_invalid" (malformed, unknown, revoked, or
/// its user switched off), "auth.token_expired" (details {"reason":"absolute"|"idle"}, the
/// message says which). Refreshes last_seen_at when it is older than the write interval
/// described at SessionPolicy::idle_timeout.
core::Result<AuthenticatedSession> Authenticate(pqxx::dbtransaction& tx, std::string_view token,
                                                const SessionPolicy& policy);

/// Revokes the token's session (expired ones too), audited "logout". "auth.token_invalid"
/// when there is no live session with that token.
core::Status Logout(pqxx::dbtransaction& tx, const Actor& actor, std::string_view token);

}  // namespace esep::platform
