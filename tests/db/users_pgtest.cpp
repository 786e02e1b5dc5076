// Users in PostgreSQL: creation with every validation, lookups and listing, switching off, the
// user's own password change and the administrator's reset — each audited without the hash.
#include "esep/platform/users.hpp"

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "esep/platform/audit.hpp"
#include "esep/platform/password.hpp"
#include "esep/platform/sessions.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using platform::Actor;
using platform::AuditKind;
using platform::AuditRecord;
using platform::NewUser;
using platform::User;

constexpr const char* kPassword = "Sunflower-2026";
constexpr const char* kNewPassword = "Steppe-wind-77";
// A valid IIN: 11 digits and their check digit.
constexpr const char* kIin = "900101300512";

NewUser Aigerim() {
  NewUser user;
  user.login = "aigerim";
  user.full_name = "Серікова Айгерім";
  user.password = kPassword;
  return user;
}

Actor Admin() {
  Actor actor = Actor::System("req-admin");
  actor.user = core::UserId(42);
  return actor;
}

class UsersTest : public PgTest {
 protected:
  core::Result<User> Create(const NewUser& user) {
    pqxx::work tx(db());
    auto created = platform::CreateUser(tx, Admin(), user, {});
    tx.commit();
    return created;
  }

  User CreateOk(const NewUser& user = Aigerim()) {
    auto created = Create(user);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().code);
    return created.ok() ? *created : User{};
  }

  std::string Hash(core::UserId id) {
    return Scalar("SELECT password_hash FROM users WHERE id = " + std::to_string(id.value()));
  }

  std::string Scalar(const std::string& sql) {
    pqxx::work tx(db());
    const auto field = tx.exec1(sql)[0];
    return field.is_null() ? "NULL" : field.as<std::string>();
  }

  void Exec(const std::string& sql) {
    pqxx::work tx(db());
    tx.exec(sql);
    tx.commit();
  }

  std::vector<AuditRecord> Audit(const std::string& prefix) {
    pqxx::work tx(db());
    platform::AuditQuery query;
    query.action_prefix = prefix;
    return platform::QueryAudit(tx, query);
  }

  std::string OpenSession(const std::string& login, const std::string& password = kPassword) {
    auto result = platform::Login(db(), login, password, "", {}, "req-login");
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().code);
    return result.ok() ? result->token : std::string();
  }

  std::string LiveSessions() {
    return Scalar("SELECT count(*) FROM sessions WHERE revoked_at IS NULL");
  }

  core::Status ChangePassword(core::UserId id, const std::string& old_password,
                              const std::string& new_password) {
    pqxx::work tx(db());
    Actor self = Actor::System("req-self");
    self.user = id;
    auto status = platform::ChangePassword(tx, self, id, old_password, new_password, {});
    tx.commit();
    return status;
  }

  core::Status ResetPassword(core::UserId id, const std::string& new_password) {
    pqxx::work tx(db());
    auto status = platform::ResetPassword(tx, Admin(), id, new_password, {});
    tx.commit();
    return status;
  }
};

void ExpectError(const core::Error& error, const std::string& code, const std::string& field) {
  EXPECT_EQ(error.code, code);
  EXPECT_EQ(error.field, field) << code;
  EXPECT_FALSE(error.message.kk.empty()) << code;
  EXPECT_FALSE(error.message.ru.empty()) << code;
  EXPECT_FALSE(error.message.en.empty()) << code;
  EXPECT_NE(error.message.kk, error.message.ru) << code;
}

TEST_F(UsersTest, CreatingAUserNormalisesStoresAndAuditsItWithoutTheHash) {
  NewUser input = Aigerim();
  input.login = "  Aigerim.S_1-a ";
  input.full_name = "  Серікова Айгерім  ";
  input.iin = " " + std::string(kIin) + " ";
  input.lang = "KZ";
  const User user = CreateOk(input);
  EXPECT_GT(user.id.value(), 0);
  EXPECT_EQ(user.login, "aigerim.s_1-a");
  EXPECT_EQ(user.full_name, "Серікова Айгерім");
  EXPECT_EQ(user.iin, kIin);
  EXPECT_EQ(user.lang, "kk");
  EXPECT_TRUE(user.active);
  EXPECT_TRUE(user.must_change_password);
  EXPECT_EQ(user.version, 1);

  const std::string hash = Hash(user.id);
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(platform::VerifyPassword(kPassword, hash));

  const auto records = Audit("user.");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].action, "user.create");
  EXPECT_EQ(records[0].kind, AuditKind::kMutation);
  EXPECT_EQ(records[0].actor, core::UserId(42));
  EXPECT_EQ(records[0].entity, "user");
  EXPECT_EQ(records[0].entity_id, std::to_string(user.id.value()));
  EXPECT_EQ(records[0].request_id, "req-admin");
  EXPECT_TRUE(records[0].before_json.empty());
  EXPECT_NE(records[0].after_json.find(R"("login": "aigerim.s_1-a")"), std::string::npos)
      << records[0].after_json;
  EXPECT_NE(records[0].after_json.find(kIin), std::string::npos);
  EXPECT_EQ(records[0].after_json.find("password_hash"), std::string::npos);
  EXPECT_EQ(records[0].after_json.find("argon2"), std::string::npos);
  EXPECT_EQ(records[0].after_json.find(kPassword), std::string::npos);
}

TEST_F(UsersTest, AUserWithoutIinAndWithDefaults) {
  NewUser input = Aigerim();
  input.must_change_password = false;
  const User user = CreateOk(input);
  EXPECT_FALSE(user.iin.has_value());
  EXPECT_EQ(user.lang, "ru");
  EXPECT_FALSE(user.must_change_password);
  EXPECT_EQ(Scalar("SELECT iin IS NULL FROM users"), "t");
  EXPECT_NE(Audit("user.create")[0].after_json.find(R"("iin": null)"), std::string::npos);
}

TEST_F(UsersTest, BadLoginsAreRefused) {
  for (const std::string& login : std::vector<std::string>{
           "ab", "", "   ", "has space", "semi;colon", "кирилл", std::string(65, 'a'), "a@b.kz"}) {
    NewUser input = Aigerim();
    input.login = login;
    auto created = Create(input);
    ASSERT_FALSE(created.ok()) << login;
    ExpectError(created.error(), "user.login", "login");
  }
  NewUser longest = Aigerim();
  longest.login = std::string(64, 'a');
  EXPECT_TRUE(Create(longest).ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM users"), "1");
}

TEST_F(UsersTest, OtherInvalidFieldsAreRefusedInOrder) {
  NewUser no_name = Aigerim();
  no_name.full_name = " \t ";
  ExpectError(Create(no_name).error(), "user.full_name", "full_name");

  NewUser bad_checksum = Aigerim();
  bad_checksum.iin = "900101300511";
  ExpectError(Create(bad_checksum).error(), "iin.checksum", "iin");
  NewUser short_iin = Aigerim();
  short_iin.iin = "12345";
  ExpectError(Create(short_iin).error(), "iin.length", "iin");
  NewUser empty_iin = Aigerim();
  empty_iin.iin = "";
  ExpectError(Create(empty_iin).error(), "iin.length", "iin");

  NewUser bad_lang = Aigerim();
  bad_lang.lang = "de";
  ExpectError(Create(bad_lang).error(), "user.lang", "lang");

  NewUser weak = Aigerim();
  weak.password = "short1";
  ExpectError(Create(weak).error(), "password.too_short", "password");
  // The policy sees the normalised login and name.
  NewUser with_login = Aigerim();
  with_login.login = "Daulet";
  with_login.password = "daulet-2026-x";
  ExpectError(Create(with_login).error(), "password.contains_login", "password");
  NewUser with_name = Aigerim();
  with_name.password = "АЙГЕРІМ-2026-x";
  ExpectError(Create(with_name).error(), "password.contains_name", "password");

  // The first failing check wins: a bad login with a weak password reports the login.
  NewUser both = Aigerim();
  both.login = "x";
  both.password = "1";
  EXPECT_EQ(Create(both).error().code, "user.login");
  EXPECT_EQ(Scalar("SELECT count(*) FROM users"), "0");
  EXPECT_TRUE(Audit("").empty());
}

TEST_F(UsersTest, ATakenLoginIsRefusedAndTheTransactionGoesOn) {
  CreateOk();
  pqxx::work tx(db());
  NewUser again = Aigerim();
  again.login = "AIGERIM";
  auto created = platform::CreateUser(tx, Admin(), again, {});
  ASSERT_FALSE(created.ok());
  ExpectError(created.error(), "user.login_taken", "login");
  EXPECT_NE(created.error().message.ru.find("aigerim"), std::string::npos);
  // No unique_violation aborted the transaction: it still works and can commit.
  NewUser other = Aigerim();
  other.login = "daulet";
  EXPECT_TRUE(platform::CreateUser(tx, Admin(), other, {}).ok());
  tx.commit();
  EXPECT_EQ(Scalar("SELECT count(*) FROM users"), "2");
  EXPECT_EQ(Audit("user.create").size(), 2u);
}

TEST_F(UsersTest, UsersAreFoundByIdAndByLogin) {
  const User created = CreateOk();
  pqxx::work tx(db());
  auto by_id = platform::FindUser(tx, created.id);
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->login, "aigerim");
  EXPECT_EQ(by_id->full_name, "Серікова Айгерім");
  auto by_login = platform::FindUserByLogin(tx, " AIGERIM ");
  ASSERT_TRUE(by_login.ok());
  EXPECT_EQ(by_login->id, created.id);

  ExpectError(platform::FindUser(tx, core::UserId(created.id.value() + 100)).error(),
              "user.not_found", "");
  ExpectError(platform::FindUserByLogin(tx, "nobody").error(), "user.not_found", "");
  // Text that cannot be a login is not sent to PostgreSQL (it is not even UTF-8).
  ExpectError(platform::FindUserByLogin(tx, "\xff\xfe").error(), "user.not_found", "");
}

TEST_F(UsersTest, ListingIsByLoginAndPaged) {
  for (const char* login : {"zhanna", "aigerim", "daulet", "bolat"}) {
    NewUser user = Aigerim();
    user.login = login;
    CreateOk(user);
  }
  pqxx::work tx(db());
  const auto logins = [](const std::vector<User>& users) {
    std::vector<std::string> out;
    for (const auto& user : users) out.push_back(user.login);
    return out;
  };
  EXPECT_EQ(logins(platform::ListUsers(tx, 10, 0)),
            (std::vector<std::string>{"aigerim", "bolat", "daulet", "zhanna"}));
  EXPECT_EQ(logins(platform::ListUsers(tx, 2, 1)), (std::vector<std::string>{"bolat", "daulet"}));
  EXPECT_EQ(logins(platform::ListUsers(tx, 2, -5)), (std::vector<std::string>{"aigerim", "bolat"}));
  EXPECT_TRUE(platform::ListUsers(tx, -1, 0).empty());
  EXPECT_EQ(platform::ListUsers(tx, 1'000'000, 0).size(), 4u);
}

TEST_F(UsersTest, SwitchingAUserOffRevokesSessionsAndIsAudited) {
  const User user = CreateOk();
  OpenSession("aigerim");
  OpenSession("aigerim");
  EXPECT_EQ(LiveSessions(), "2");
  {
    pqxx::work tx(db());
    ASSERT_TRUE(platform::SetUserActive(tx, Admin(), user.id, false));
    // Already off: nothing to do, nothing audited.
    ASSERT_TRUE(platform::SetUserActive(tx, Admin(), user.id, false));
    tx.commit();
  }
  EXPECT_EQ(LiveSessions(), "0");
  EXPECT_EQ(Scalar("SELECT active::text || version FROM users"), "false2");
  {
    pqxx::work tx(db());
    ASSERT_TRUE(platform::SetUserActive(tx, Admin(), user.id, true));
    tx.commit();
  }
  const auto records = Audit("user.");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].action, "user.deactivate");
  EXPECT_NE(records[1].before_json.find(R"("active": true)"), std::string::npos);
  EXPECT_NE(records[1].after_json.find(R"("active": false)"), std::string::npos);
  EXPECT_EQ(records[1].details_json, R"({"sessions_revoked": 2})");
  EXPECT_EQ(records[2].action, "user.activate");
  EXPECT_TRUE(records[2].details_json.empty());

  pqxx::work tx(db());
  ExpectError(platform::SetUserActive(tx, Admin(), core::UserId(999), false).error(),
              "user.not_found", "");
}

TEST_F(UsersTest, AUserChangesTheirPassword) {
  NewUser input = Aigerim();
  const User user = CreateOk(input);
  OpenSession("aigerim");
  OpenSession("aigerim");
  ASSERT_TRUE(ChangePassword(user.id, kPassword, kNewPassword));

  const std::string hash = Hash(user.id);
  EXPECT_TRUE(platform::VerifyPassword(kNewPassword, hash));
  EXPECT_FALSE(platform::VerifyPassword(kPassword, hash));
  EXPECT_EQ(Scalar("SELECT must_change_password::text || version FROM users"), "false2");
  EXPECT_EQ(Scalar("SELECT now() - password_changed_at < interval '1 minute' FROM users"), "t");
  // Every session goes, so whoever knew the old password is out.
  EXPECT_EQ(LiveSessions(), "0");

  const auto records = Audit("user.password");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].action, "user.password_change");
  EXPECT_EQ(records[0].actor, user.id);
  EXPECT_EQ(records[0].details_json, R"({"sessions_revoked": 2})");
  EXPECT_NE(records[0].before_json.find(R"("must_change_password": true)"), std::string::npos);
  EXPECT_NE(records[0].after_json.find(R"("must_change_password": false)"), std::string::npos);
  for (const auto& json : {records[0].before_json, records[0].after_json}) {
    EXPECT_EQ(json.find("argon2"), std::string::npos);
    EXPECT_EQ(json.find("password_hash"), std::string::npos);
  }
  EXPECT_FALSE(OpenSession("aigerim", kNewPassword).empty());
}

TEST_F(UsersTest, APasswordChangeNeedsTheCurrentPasswordAndAGoodNewOne) {
  const User user = CreateOk();
  const std::string hash = Hash(user.id);
  ExpectError(ChangePassword(user.id, "Wrong-password-1", kNewPassword).error(),
              "password.wrong_current", "current_password");
  ExpectError(ChangePassword(user.id, kPassword, kPassword).error(), "password.unchanged",
              "password");
  ExpectError(ChangePassword(user.id, kPassword, "qwerty1234").error(), "password.too_common",
              "password");
  ExpectError(ChangePassword(user.id, kPassword, "aigerim-2026").error(), "password.contains_login",
              "password");
  ExpectError(ChangePassword(core::UserId(999), kPassword, kNewPassword).error(), "user.not_found",
              "");
  EXPECT_EQ(Hash(user.id), hash);
  EXPECT_EQ(Scalar("SELECT version FROM users"), "1");
  EXPECT_TRUE(Audit("user.password").empty());
}

TEST_F(UsersTest, AnAdministratorResetsAPasswordAndClearsTheLockout) {
  NewUser input = Aigerim();
  input.must_change_password = false;
  const User user = CreateOk(input);
  OpenSession("aigerim");
  Exec("UPDATE users SET failed_logins = 5, locked_until = now() + interval '10 minutes'");
  ASSERT_TRUE(ResetPassword(user.id, kNewPassword));

  EXPECT_TRUE(platform::VerifyPassword(kNewPassword, Hash(user.id)));
  EXPECT_EQ(Scalar("SELECT must_change_password::text || failed_logins || version || "
                   "(locked_until IS NULL) FROM users"),
            "true02true");
  EXPECT_EQ(LiveSessions(), "0");
  const auto records = Audit("user.password");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].action, "user.password_reset");
  EXPECT_EQ(records[0].actor, core::UserId(42));
  EXPECT_EQ(records[0].details_json, R"({"sessions_revoked": 1})");
  EXPECT_EQ(records[0].after_json.find("argon2"), std::string::npos);

  // The user can sign in at once, and is told to change the password.
  auto login = platform::Login(db(), "aigerim", kNewPassword, "", {}, "req");
  ASSERT_TRUE(login.ok()) << login.error().code;
  EXPECT_TRUE(login->user.must_change_password);
}

TEST_F(UsersTest, AResetPasswordMustMeetThePolicy) {
  const User user = CreateOk();
  ExpectError(ResetPassword(user.id, "1234567890").error(), "password.needs_letter", "password");
  ExpectError(ResetPassword(user.id, "Серікова-2026").error(), "password.contains_name",
              "password");
  ExpectError(ResetPassword(core::UserId(999), kNewPassword).error(), "user.not_found", "");
  EXPECT_TRUE(platform::VerifyPassword(kPassword, Hash(user.id)));
  EXPECT_TRUE(Audit("user.password").empty());
}

}  // namespace
}  // namespace esep::testing
