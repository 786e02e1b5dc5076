#pragma once
/// @file
/// The people who sign in (table users, migration 0003): creating them, finding them,
/// switching them off, and their passwords — changed by themselves or reset by an
/// administrator. Every change is audited without the password hash.

#include <optional>
#include <pqxx/transaction>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/password.hpp"

namespace esep::platform {

struct User {
  core::UserId id;
  std::string login;
  std::string full_name;
  std::optional<std::string> iin;
  bool active = true;
  /// Set by an administrator's reset (and for new users by default): the server lets such a
  /// user do nothing but change the password.
  bool must_change_password = false;
  std::string lang = "ru";  ///< "kk", "ru" or "en"
  int version = 0;          ///< raised by every change, for optimistic locking in the UI
};

struct NewUser {
  std::string login;  ///< lower-cased and trimmed before the check
  std::string full_name;
  std::optional<std::string> iin;
  std::string password;
  std::string lang = "ru";  ///< anything core::ParseLang accepts ("kz" too)
  bool must_change_password = true;
};

/// Trims surrounding whitespace and lower-cases ASCII letters: logins are case-insensitive.
std::string NormalizeLogin(std::string_view login);
/// True for a normalized login matching ^[a-z0-9._-]{3,64}$ (the table's CHECK).
bool IsValidLogin(std::string_view login);

/// Validates and inserts a user, audited as "user.create". Errors (in this order):
/// "user.login" (not ^[a-z0-9._-]{3,64}$ after lower-casing), "user.full_name" (empty),
/// core::Iin::Parse's "iin.*" with field "iin", "user.lang", the password policy's
/// "password.*", "user.login_taken" (safe against a concurrent insert: the transaction stays
/// usable).
core::Result<User> CreateUser(pqxx::dbtransaction& tx, const Actor& actor, const NewUser& user,
                              const PasswordPolicy& policy);

/// "user.not_found" when there is no such user.
core::Result<User> FindUser(pqxx::dbtransaction& tx, core::UserId id);
/// The login is compared lower-cased and trimmed; "user.not_found" when there is none.
core::Result<User> FindUserByLogin(pqxx::dbtransaction& tx, std::string_view login);

/// Users ordered by login; `limit` is clamped to 0..1000, a negative `offset` counts as 0.
std::vector<User> ListUsers(pqxx::dbtransaction& tx, int limit, int offset);

/// Switches a user on or off, audited as "user.activate" / "user.deactivate" (nothing is
/// written when the flag already has that value). Switching off revokes every session.
/// "user.not_found".
/// Users holding a role in `org` (a direct grant there, not one on a parent's subtree),
/// ordered by full name; one query. For an institution's administration screens.
std::vector<User> ListUsersOfInstitution(pqxx::dbtransaction& tx, core::OrgId org, int limit,
                                         int offset);

core::Status SetUserActive(pqxx::dbtransaction& tx, const Actor& actor, core::UserId id,
                           bool active);

/// The user's own change: needs the current password. Errors: "user.not_found",
/// "password.wrong_current" (field "current_password"), "password.unchanged", the policy's
/// "password.*". Clears must_change_password, revokes every session of the user (the caller
/// signs in again), audited as "user.password_change".
core::Status ChangePassword(pqxx::dbtransaction& tx, const Actor& actor, core::UserId id,
                            std::string_view old_password, std::string_view new_password,
                            const PasswordPolicy& policy);

/// An administrator's reset: sets must_change_password, clears the failed-login counter and
/// any lockout, revokes every session, audited as "user.password_reset". Errors:
/// "user.not_found", the policy's "password.*".
core::Status ResetPassword(pqxx::dbtransaction& tx, const Actor& admin, core::UserId id,
                           std::string_view new_password, const PasswordPolicy& policy);

}  // namespace esep::platform
