#include "esep/platform/users.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <utility>

#include "esep/core/iin.hpp"
#include "esep/core/text.hpp"
#include "esep/platform/audit.hpp"

namespace esep::platform {
namespace {

constexpr std::size_t kMinLoginLength = 3;
constexpr std::size_t kMaxLoginLength = 64;
constexpr int kMaxListLimit = 1000;
constexpr const char* kUserColumns =
    "id, login, full_name, iin, active, must_change_password, lang, version";

std::string Trim(std::string_view text) { return std::string(core::TrimSpaces(text)); }

/// Reads the columns of kUserColumns.
User UserFromRow(const pqxx::row& row) {
  User user;
  user.id = core::UserId(row[0].as<std::int64_t>());
  user.login = row[1].as<std::string>();
  user.full_name = row[2].as<std::string>();
  if (!row[3].is_null()) user.iin = row[3].as<std::string>();
  user.active = row[4].as<bool>();
  user.must_change_password = row[5].as<bool>();
  user.lang = row[6].as<std::string>();
  user.version = row[7].as<int>();
  return user;
}

/// The audit image of a user. The password hash is deliberately absent: the audit trail is
/// read by auditors, and a hash is an offline-guessing target.
std::string UserJson(const User& user) {
  boost::json::object object;
  object["id"] = user.id.value();
  object["login"] = user.login;
  object["full_name"] = user.full_name;
  if (user.iin) {
    object["iin"] = *user.iin;
  } else {
    object["iin"] = nullptr;
  }
  object["active"] = user.active;
  object["must_change_password"] = user.must_change_password;
  object["lang"] = user.lang;
  object["version"] = user.version;
  return boost::json::serialize(object);
}

core::Error NotFound() {
  return core::MakeError("user.not_found", "Пайдаланушы табылмады.", "Пользователь не найден.",
                         "The user was not found.");
}

/// The user row locked for the rest of the transaction, with its password hash.
struct LockedUser {
  User user;
  std::string password_hash;
};
std::optional<LockedUser> LockUser(pqxx::dbtransaction& tx, core::UserId id) {
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kUserColumns + ", password_hash FROM users WHERE id = $1 FOR UPDATE",
      id.value());
  if (rows.empty()) return std::nullopt;
  return LockedUser{UserFromRow(rows[0]), rows[0][8].as<std::string>()};
}

/// Revokes every live session of the user; returns how many there were.
std::int64_t RevokeAllSessions(pqxx::dbtransaction& tx, core::UserId id) {
  return static_cast<std::int64_t>(
      tx.exec_params(
            "UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
            id.value())
          .affected_rows());
}

void AuditUserChange(pqxx::dbtransaction& tx, const Actor& actor, std::string action,
                     const User& before, const User& after, std::string details_json = {}) {
  AuditEntry entry;
  entry.kind = AuditKind::kMutation;
  entry.action = std::move(action);
  entry.entity = "user";
  entry.entity_id = std::to_string(after.id.value());
  entry.before_json = UserJson(before);
  entry.after_json = UserJson(after);
  entry.details_json = std::move(details_json);
  AppendAudit(tx, actor, entry);
}

std::string RevokedDetails(std::int64_t sessions_revoked) {
  return R"({"sessions_revoked":)" + std::to_string(sessions_revoked) + "}";
}

}  // namespace

std::string NormalizeLogin(std::string_view login) {
  std::string out = Trim(login);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsValidLogin(std::string_view login) {
  if (login.size() < kMinLoginLength || login.size() > kMaxLoginLength) return false;
  return std::all_of(login.begin(), login.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

core::Result<User> CreateUser(pqxx::dbtransaction& tx, const Actor& actor, const NewUser& user,
                              const PasswordPolicy& policy) {
  const std::string login = NormalizeLogin(user.login);
  if (!IsValidLogin(login)) {
    return core::MakeError(
        "user.login",
        "Логин 3–64 таңбадан тұруы керек: латынның кіші әріптері, цифрлар, нүкте, сызықша, "
        "астыңғы сызық.",
        "Логин должен состоять из 3–64 символов: строчные латинские буквы, цифры, точка, "
        "дефис, подчёркивание.",
        "The login must be 3 to 64 characters: lower-case Latin letters, digits, dot, hyphen, "
        "underscore.",
        "login");
  }
  const std::string full_name = Trim(user.full_name);
  if (full_name.empty()) {
    return core::MakeError("user.full_name", "Пайдаланушының аты-жөнін көрсетіңіз.",
                           "Укажите ФИО пользователя.", "Enter the user's full name.", "full_name");
  }
  std::string iin;
  if (user.iin) {
    auto parsed = core::Iin::Parse(*user.iin, "iin");
    if (!parsed) return parsed.error();
    iin = parsed->str();
  }
  const auto lang = core::ParseLang(Trim(user.lang));
  if (!lang) {
    return core::MakeError("user.lang", "Тіл kk, ru немесе en болуы керек.",
                           "Язык должен быть kk, ru или en.", "The language must be kk, ru or en.",
                           "lang");
  }
  if (auto policy_ok = CheckPasswordPolicy(user.password, policy, login, full_name); !policy_ok) {
    return policy_ok.error();
  }

  // ON CONFLICT instead of catching unique_violation: a failed statement would abort the
  // caller's whole transaction, and a pre-check alone loses to a concurrent insert.
  const auto rows = tx.exec_params(
      std::string("INSERT INTO users (login, full_name, iin, password_hash, "
                  "must_change_password, lang) VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6) "
                  "ON CONFLICT (login) DO NOTHING RETURNING ") +
          kUserColumns,
      login, full_name, iin, HashPassword(user.password), user.must_change_password,
      std::string(core::LangCode(*lang)));
  if (rows.empty()) {
    core::Error error = core::MakeError(
        "user.login_taken", "«" + login + "» логині бос емес: оны басқа пайдаланушы қолданады.",
        "Логин «" + login + "» уже занят другим пользователем.",
        "The login \"" + login + "\" is already taken by another user.", "login");
    return error;
  }
  User created = UserFromRow(rows[0]);
  AuditEntry entry;
  entry.kind = AuditKind::kMutation;
  entry.action = "user.create";
  entry.entity = "user";
  entry.entity_id = std::to_string(created.id.value());
  entry.after_json = UserJson(created);
  AppendAudit(tx, actor, entry);
  return created;
}

core::Result<User> FindUser(pqxx::dbtransaction& tx, core::UserId id) {
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kUserColumns + " FROM users WHERE id = $1", id.value());
  if (rows.empty()) return NotFound();
  return UserFromRow(rows[0]);
}

core::Result<User> FindUserByLogin(pqxx::dbtransaction& tx, std::string_view login) {
  const std::string normalized = NormalizeLogin(login);
  // A login that cannot exist is not sent: it may not even be valid UTF-8, which PostgreSQL
  // would answer with an exception instead of an empty result.
  if (!IsValidLogin(normalized)) return NotFound();
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kUserColumns + " FROM users WHERE login = $1", normalized);
  if (rows.empty()) return NotFound();
  return UserFromRow(rows[0]);
}

std::vector<User> ListUsers(pqxx::dbtransaction& tx, int limit, int offset) {
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kUserColumns + " FROM users ORDER BY login LIMIT $1 OFFSET $2",
      std::clamp(limit, 0, kMaxListLimit), std::max(offset, 0));
  std::vector<User> users;
  users.reserve(rows.size());
  for (const auto& row : rows) users.push_back(UserFromRow(row));
  return users;
}

std::vector<User> ListUsersOfInstitution(pqxx::dbtransaction& tx, core::OrgId org, int limit,
                                         int offset) {
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kUserColumns +
          " FROM users u WHERE EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id AND "
          "g.org_id = $1) ORDER BY full_name, id LIMIT $2 OFFSET $3",
      org.value(), std::clamp(limit, 0, kMaxListLimit), std::max(offset, 0));
  std::vector<User> users;
  users.reserve(rows.size());
  for (const auto& row : rows) users.push_back(UserFromRow(row));
  return users;
}

core::Status SetUserActive(pqxx::dbtransaction& tx, const Actor& actor, core::UserId id,
                           bool active) {
  auto locked = LockUser(tx, id);
  if (!locked) return NotFound();
  if (locked->user.active == active) return core::Status::Ok();
  const auto rows =
      tx.exec_params(std::string("UPDATE users SET active = $2, version = version + 1 "
                                 "WHERE id = $1 RETURNING ") +
                         kUserColumns,
                     id.value(), active);
  const User after = UserFromRow(rows[0]);
  // A switched-off user must lose access at once, not when the sessions expire.
  std::string details;
  if (!active) details = RevokedDetails(RevokeAllSessions(tx, id));
  AuditUserChange(tx, actor, active ? "user.activate" : "user.deactivate", locked->user, after,
                  details);
  return core::Status::Ok();
}

namespace {

enum class PasswordSetBy { kOwner, kAdministrator };

// Stores a new password for a locked user row, ends every session of the user and audits
// it. An administrator's reset also clears a lockout and obliges the user to choose their
// own password at next sign-in.
core::Status ReplacePassword(pqxx::dbtransaction& tx, const Actor& actor, const LockedUser& locked,
                             std::string_view new_password, const PasswordPolicy& policy,
                             PasswordSetBy by) {
  if (auto policy_ok =
          CheckPasswordPolicy(new_password, policy, locked.user.login, locked.user.full_name);
      !policy_ok) {
    return policy_ok;
  }
  const bool reset = by == PasswordSetBy::kAdministrator;
  const auto rows = tx.exec_params(
      std::string("UPDATE users SET password_hash = $2, password_changed_at = now(), "
                  "must_change_password = $3, "
                  "failed_logins = CASE WHEN $3 THEN 0 ELSE failed_logins END, "
                  "locked_until = CASE WHEN $3 THEN NULL ELSE locked_until END, "
                  "version = version + 1 WHERE id = $1 RETURNING ") +
          kUserColumns,
      locked.user.id.value(), HashPassword(new_password), reset);
  const User after = UserFromRow(rows[0]);
  // Every session goes, the current one included: a password is changed because it may be
  // known to someone else, who may hold a session too.
  const std::int64_t revoked = RevokeAllSessions(tx, locked.user.id);
  AuditUserChange(tx, actor, reset ? "user.password_reset" : "user.password_change", locked.user,
                  after, RevokedDetails(revoked));
  return core::Status::Ok();
}

}  // namespace

core::Status ChangePassword(pqxx::dbtransaction& tx, const Actor& actor, core::UserId id,
                            std::string_view old_password, std::string_view new_password,
                            const PasswordPolicy& policy) {
  auto locked = LockUser(tx, id);
  if (!locked) return NotFound();
  if (!VerifyPassword(old_password, locked->password_hash)) {
    return core::MakeError("password.wrong_current", "Ағымдағы құпиясөз қате.",
                           "Текущий пароль указан неверно.", "The current password is wrong.",
                           "current_password");
  }
  if (old_password == new_password) {
    return core::MakeError("password.unchanged", "Жаңа құпиясөз ағымдағысынан өзгеше болуы керек.",
                           "Новый пароль должен отличаться от текущего.",
                           "The new password must differ from the current one.", "password");
  }
  return ReplacePassword(tx, actor, *locked, new_password, policy, PasswordSetBy::kOwner);
}

core::Status ResetPassword(pqxx::dbtransaction& tx, const Actor& admin, core::UserId id,
                           std::string_view new_password, const PasswordPolicy& policy) {
  auto locked = LockUser(tx, id);
  if (!locked) return NotFound();
  return ReplacePassword(tx, admin, *locked, new_password, policy, PasswordSetBy::kAdministrator);
}

}  // namespace esep::platform
