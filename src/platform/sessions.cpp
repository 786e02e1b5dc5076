#include "esep/platform/sessions.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <utility>

#include "esep/core/log_mask.hpp"
#include "esep/platform/audit.hpp"
#include "esep/platform/password.hpp"
#include "esep/platform/session_token.hpp"

namespace esep::platform {
namespace {

using std::chrono::milliseconds;

/// How much of the tried login and the client string the audit trail and sessions keep: enough
/// to recognise them, not enough for someone to fill the table through the login form.
constexpr std::size_t kMaxLoginChars = 100;
constexpr std::size_t kMaxClientChars = 200;
constexpr milliseconds kMaxTouchInterval = std::chrono::seconds(60);
constexpr const char* kIsoUtc = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

std::string IsoUtc(const std::string& expression) {
  return "to_char((" + expression + ") AT TIME ZONE 'UTC', " + kIsoUtc + ")";
}

/// "1500 milliseconds": a PostgreSQL interval literal for a $n::interval parameter.
std::string Interval(milliseconds duration) {
  return std::to_string(duration.count()) + " milliseconds";
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    hex.push_back(kDigits[value >> 4]);
    hex.push_back(kDigits[value & 0x0Fu]);
  }
  return hex;
}

/// Text from the outside world made fit for PostgreSQL text and jsonb: bytes that are not
/// well-formed UTF-8 and control characters (NUL included, which jsonb refuses) become
/// U+FFFD, and the result is cut to `max_chars` characters.
std::string CleanText(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < text.size() && chars < max_chars; ++chars) {
    const std::size_t length = core::Utf8CharLength(text, pos);
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (length == 0 || (length == 1 && (byte < 0x20 || byte == 0x7F))) {
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    out.append(text.substr(pos, length));
    pos += length;
  }
  return out;
}

/// Compared against when the login does not exist, so that an unknown login costs the same
/// argon2id work as a wrong password. Made once per process with the default parameters,
/// which are the ones new hashes get.
const std::string& DummyHash() {
  static const std::string hash = HashPassword(NewSessionToken());
  return hash;
}

core::Error InvalidCredentials() {
  return core::MakeError("auth.invalid_credentials", "Логин немесе құпиясөз қате.",
                         "Неверный логин или пароль.", "Wrong login or password.");
}

core::Error Locked(const std::string& locked_until_iso, std::int64_t retry_after_seconds) {
  const std::string minutes =
      std::to_string(std::max<std::int64_t>(1, (retry_after_seconds + 59) / 60));
  core::Error error = core::MakeError(
      "auth.locked",
      "Кіру әрекеттері тым көп сәтсіз болды: тіркелгі уақытша бұғатталды. " + minutes +
          " минуттан кейін қайталаңыз немесе әкімшіге хабарласыңыз.",
      "Слишком много неудачных попыток входа: учётная запись временно заблокирована. "
      "Повторите через " +
          minutes + " мин. или обратитесь к администратору.",
      "Too many failed sign-in attempts: the account is locked for now. Try again in " + minutes +
          " min or ask an administrator.");
  boost::json::object details;
  details["locked_until"] = locked_until_iso;
  details["retry_after_seconds"] = retry_after_seconds;
  error.details = boost::json::serialize(details);
  return error;
}

core::Error TokenInvalid() {
  return core::MakeError("auth.token_invalid", "Сессия жарамсыз. Жүйеге қайта кіріңіз.",
                         "Сеанс недействителен. Войдите снова.",
                         "The session is not valid. Please sign in again.");
}

core::Error TokenExpired(bool idle) {
  core::Error error =
      idle ? core::MakeError("auth.token_expired",
                             "Ұзақ уақыт әрекет болмағандықтан сессия жабылды. Жүйеге қайта "
                             "кіріңіз.",
                             "Сеанс завершён из-за долгого бездействия. Войдите снова.",
                             "The session ended after a long time without activity. Please sign "
                             "in again.")
           : core::MakeError("auth.token_expired",
                             "Сессияның мерзімі аяқталды. Жүйеге қайта кіріңіз.",
                             "Срок действия сеанса истёк. Войдите снова.",
                             "The session has expired. Please sign in again.");
  error.details = idle ? R"({"reason":"idle"})" : R"({"reason":"absolute"})";
  return error;
}

/// Sign-in events have no institution, and audit rows without one are the system's
/// (migration 0007), so the login's own transactions act as the system on the user's behalf.
Actor LoginActor(std::optional<core::UserId> user, const std::string& request_id) {
  Actor actor = Actor::System(request_id);
  if (user) actor.user = *user;
  return actor;
}

void AuditLogin(pqxx::dbtransaction& tx, const Actor& actor, std::string action,
                std::optional<core::UserId> user, boost::json::object details) {
  AuditEntry entry;
  entry.kind = AuditKind::kSecurity;
  entry.action = std::move(action);
  entry.entity = "user";
  if (user) entry.entity_id = std::to_string(user->value());
  entry.details_json = boost::json::serialize(details);
  AppendAudit(tx, actor, entry);
}

/// What the first look at the user row finds.
struct Candidate {
  core::UserId id;
  std::string password_hash;
  bool active = false;
  bool locked = false;
  std::string locked_until_iso;
  std::int64_t retry_after_seconds = 0;
};

std::optional<Candidate> FindCandidate(pqxx::connection& db, const std::string& login) {
  if (!IsValidLogin(login)) return std::nullopt;
  pqxx::work tx(db);
  const auto rows =
      tx.exec_params("SELECT id, password_hash, active, coalesce(locked_until > now(), false), " +
                         IsoUtc("locked_until") +
                         ", coalesce(ceil(extract(epoch FROM locked_until - now()))::bigint, 0) "
                         "FROM users WHERE login = $1",
                     login);
  tx.commit();
  if (rows.empty()) return std::nullopt;
  const auto& row = rows[0];
  return Candidate{core::UserId(row[0].as<std::int64_t>()),
                   row[1].as<std::string>(),
                   row[2].as<bool>(),
                   row[3].as<bool>(),
                   row[4].is_null() ? std::string() : row[4].as<std::string>(),
                   row[5].as<std::int64_t>()};
}

/// A wrong password for an existing active user: counts it and locks the account when the
/// count reaches the limit, all committed whatever the caller does next.
core::Error RecordWrongPassword(pqxx::connection& db, const Candidate& candidate,
                                const std::string& login, const SessionPolicy& policy,
                                const std::string& request_id) {
  pqxx::work tx(db);
  const Actor actor = LoginActor(std::nullopt, request_id);
  ApplyActor(tx, actor);
  // The row lock makes concurrent failures count one by one.
  const auto row = tx.exec_params1(
      "SELECT failed_logins, locked_until IS NOT NULL, coalesce(locked_until > now(), false) "
      "FROM users WHERE id = $1 FOR UPDATE",
      candidate.id.value());
  boost::json::object details{{"login", login}, {"reason", "wrong_password"}};
  AuditLogin(tx, actor, "login.failure", candidate.id, details);
  if (row[2].as<bool>()) {
    // Locked by a concurrent attempt since the first look: that one has counted already.
    tx.commit();
    return InvalidCredentials();
  }
  // An expired lock leaves the count at the limit; the next failure starts afresh.
  const int failures = row[1].as<bool>() ? 1 : row[0].as<int>() + 1;
  if (failures < policy.max_failed_logins) {
    tx.exec_params("UPDATE users SET failed_logins = $2, locked_until = NULL WHERE id = $1",
                   candidate.id.value(), failures);
    tx.commit();
    return InvalidCredentials();
  }
  const auto locked = tx.exec_params1(
      "UPDATE users SET failed_logins = $2, locked_until = now() + $3::interval WHERE id = $1 "
      "RETURNING " +
          IsoUtc("locked_until") + ", ceil(extract(epoch FROM locked_until - now()))::bigint",
      candidate.id.value(), failures, Interval(policy.lockout));
  const std::string until = locked[0].as<std::string>();
  AuditLogin(tx, actor, "login.lockout", candidate.id,
             {{"login", login}, {"failed_logins", failures}, {"locked_until", until}});
  tx.commit();
  return Locked(until, locked[1].as<std::int64_t>());
}

core::Error RecordFailure(pqxx::connection& db, std::optional<core::UserId> user,
                          const std::string& login, std::string_view reason,
                          const std::string& request_id) {
  pqxx::work tx(db);
  const Actor actor = LoginActor(std::nullopt, request_id);
  ApplyActor(tx, actor);
  AuditLogin(tx, actor, "login.failure", user, {{"login", login}, {"reason", reason}});
  tx.commit();
  return InvalidCredentials();
}

}  // namespace

core::Result<LoginResult> Login(pqxx::connection& db, std::string_view login,
                                std::string_view password, std::string_view client,
                                const SessionPolicy& policy, const std::string& request_id) {
  const std::string normalized = NormalizeLogin(login);
  const std::string login_for_audit = CleanText(normalized, kMaxLoginChars);
  const auto candidate = FindCandidate(db, normalized);
  if (!candidate) {
    // The verdict is known already; the hash is computed only to take the same time.
    (void)VerifyPassword(password, DummyHash());
    return RecordFailure(db, std::nullopt, login_for_audit, "unknown_login", request_id);
  }
  if (candidate->locked) {
    pqxx::work tx(db);
    const Actor actor = LoginActor(std::nullopt, request_id);
    ApplyActor(tx, actor);
    AuditLogin(tx, actor, "login.locked", candidate->id,
               {{"login", login_for_audit}, {"locked_until", candidate->locked_until_iso}});
    tx.commit();
    return Locked(candidate->locked_until_iso, candidate->retry_after_seconds);
  }
  const bool password_ok = VerifyPassword(password, candidate->password_hash);
  if (!candidate->active) {
    return RecordFailure(db, candidate->id, login_for_audit, "inactive", request_id);
  }
  if (!password_ok) {
    return RecordWrongPassword(db, *candidate, login_for_audit, policy, request_id);
  }

  pqxx::work tx(db);
  const Actor actor = LoginActor(candidate->id, request_id);
  ApplyActor(tx, actor);
  // Re-read under the row lock: an administrator may have switched the user off, or a
  // concurrent failure locked it, while the password was being checked.
  const auto state = tx.exec_params1(
      "SELECT active, coalesce(locked_until > now(), false), " + IsoUtc("locked_until") +
          ", coalesce(ceil(extract(epoch FROM locked_until - now()))::bigint, 0) "
          "FROM users WHERE id = $1 FOR UPDATE",
      candidate->id.value());
  if (!state[0].as<bool>()) {
    tx.abort();
    return RecordFailure(db, candidate->id, login_for_audit, "inactive", request_id);
  }
  if (state[1].as<bool>()) {
    const std::string until = state[2].as<std::string>();
    AuditLogin(tx, LoginActor(std::nullopt, request_id), "login.locked", candidate->id,
               {{"login", login_for_audit}, {"locked_until", until}});
    tx.commit();
    return Locked(until, state[3].as<std::int64_t>());
  }
  tx.exec_params("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1",
                 candidate->id.value());
  LoginResult result;
  result.token = NewSessionToken();
  const auto session = tx.exec_params1(
      "INSERT INTO sessions (user_id, token_hash, expires_at, client) "
      "VALUES ($1, decode($2, 'hex'), now() + $3::interval, $4) RETURNING id, " +
          IsoUtc("expires_at"),
      candidate->id.value(), Hex(TokenHash(result.token)), Interval(policy.absolute_ttl),
      CleanText(client, kMaxClientChars));
  result.expires_at_iso = session[1].as<std::string>();
  result.user = FindUser(tx, candidate->id).value();
  AuditLogin(tx, actor, "login.success", candidate->id,
             {{"login", login_for_audit}, {"session_id", session[0].as<std::int64_t>()}});
  tx.commit();
  return result;
}

core::Result<AuthenticatedSession> Authenticate(pqxx::dbtransaction& tx, std::string_view token,
                                                const SessionPolicy& policy) {
  if (!LooksLikeSessionToken(token)) return TokenInvalid();
  const milliseconds touch_interval =
      std::min(kMaxTouchInterval, milliseconds(policy.idle_timeout) / 10);
  const auto rows = tx.exec_params(
      "SELECT s.id, s.user_id, s.revoked_at IS NOT NULL OR NOT u.active, s.expires_at <= now(), "
      "s.last_seen_at + $2::interval <= now(), s.last_seen_at + $3::interval <= now(), "
      "floor(extract(epoch FROM s.expires_at - now()) * 1000)::bigint "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = decode($1, 'hex')",
      Hex(TokenHash(token)), Interval(policy.idle_timeout), Interval(touch_interval));
  if (rows.empty() || rows[0][2].as<bool>()) return TokenInvalid();
  const auto& row = rows[0];
  if (row[3].as<bool>()) return TokenExpired(false);
  if (row[4].as<bool>()) return TokenExpired(true);
  const std::int64_t session_id = row[0].as<std::int64_t>();
  // Most requests skip the write: a session's idle clock only needs minute precision.
  if (row[5].as<bool>()) {
    tx.exec_params("UPDATE sessions SET last_seen_at = now() WHERE id = $1", session_id);
  }
  AuthenticatedSession session;
  session.session_id = session_id;
  session.trust_for =
      std::min(touch_interval, milliseconds(std::max<std::int64_t>(0, row[6].as<std::int64_t>())));
  // The foreign key keeps the user while a session refers to it.
  session.user = FindUser(tx, core::UserId(row[1].as<std::int64_t>())).value();
  session.must_change_password = session.user.must_change_password;
  return session;
}

core::Status Logout(pqxx::dbtransaction& tx, const Actor& actor, std::string_view token) {
  if (!LooksLikeSessionToken(token)) return TokenInvalid();
  const auto rows = tx.exec_params(
      "UPDATE sessions SET revoked_at = now() WHERE token_hash = decode($1, 'hex') "
      "AND revoked_at IS NULL RETURNING id, user_id",
      Hex(TokenHash(token)));
  if (rows.empty()) return TokenInvalid();
  AuditEntry entry;
  entry.kind = AuditKind::kSecurity;
  entry.action = "logout";
  entry.entity = "session";
  entry.entity_id = rows[0][0].as<std::string>();
  entry.details_json = R"({"user_id":)" + rows[0][1].as<std::string>() + "}";
  AppendAudit(tx, actor, entry);
  return core::Status::Ok();
}

}  // namespace esep::platform
