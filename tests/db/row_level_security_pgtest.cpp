// Row-level security (migration 0007): as the server's role esep_app, a transaction sees and
// changes only the institutions in esep.org_ids; the system sees all. Superusers bypass the
// policies, so every check here runs after SET ROLE esep_app.
#include <cstdio>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "esep/core/iin.hpp"
#include "esep/db/migrator.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/audit.hpp"
#include "esep/platform/institutions.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using Ids = std::vector<std::int64_t>;

std::string SyntheticBin(int serial) {
  for (int candidate = serial * 10;; ++candidate) {
    char first11[16];
    std::snprintf(first11, sizeof first11, "190840%05d", candidate);
    const int check = core::KzCheckDigit(first11);
    if (check >= 0) return std::string(first11) + static_cast<char>('0' + check);
  }
}

platform::InstitutionInput Input(int serial, const std::string& name,
                                 std::optional<core::OrgId> parent = {}) {
  platform::InstitutionInput input;
  input.bin = SyntheticBin(serial);
  input.name_ru = name;
  input.name_kk = name + " (kk)";
  input.budget_level = 3;
  input.parent = parent;
  return input;
}

// A district education department (АБП) with two schools, a user with a grant in each
// school and the audit rows all that wrote, plus one installation-wide audit row.
class RowLevelSecurityTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    pqxx::work tx(db());
    const auto system = platform::Actor::System("setup");
    department_ = platform::CreateInstitution(tx, system, Input(1, "Отдел образования"))->id;
    school1_ = platform::CreateInstitution(tx, system, Input(2, "Школа № 1", department_))->id;
    school2_ = platform::CreateInstitution(tx, system, Input(3, "Школа № 2", department_))->id;
    user_ = core::UserId(tx.exec1("INSERT INTO users (login, full_name, password_hash) "
                                  "VALUES ('teacher', 'Учитель', 'x') RETURNING id")[0]
                             .as<std::int64_t>());
    ASSERT_TRUE(platform::GrantRole(tx, system, user_, "employee", school1_, false).ok());
    ASSERT_TRUE(platform::GrantRole(tx, system, user_, "employee", school2_, false).ok());
    platform::AuditEntry login;
    login.kind = platform::AuditKind::kSecurity;
    login.action = "login.success";
    platform::AppendAudit(tx, system, login);
    tx.commit();
  }

  // A transaction as esep_app acting for a user who may see `orgs`.
  void BecomeTenant(pqxx::dbtransaction& tx, std::vector<core::OrgId> orgs) {
    tx.exec("SET LOCAL ROLE esep_app");
    platform::Actor actor;
    actor.user = user_;
    actor.org_scope = std::move(orgs);
    actor.request_id = "tenant";
    platform::ApplyActor(tx, actor);
  }

  static Ids Column(pqxx::dbtransaction& tx, const std::string& sql) {
    Ids ids;
    for (const auto& row : tx.exec(sql)) ids.push_back(row[0].as<std::int64_t>());
    return ids;
  }

  // Runs `sql` in its own transaction as a tenant of school 1. Returns how PostgreSQL refused
  // it: "policy" (a row-level security policy), "privilege" (no privilege on the table), or
  // "" when it was not refused. libpqxx 6 reports SQLSTATE 42501 by the exception's type,
  // not by sqlstate(); the message tells the two refusals apart.
  std::string TenantRefusal(const std::string& sql) {
    pqxx::work tx(db());
    BecomeTenant(tx, {school1_});
    try {
      tx.exec(sql);
      return "";
    } catch (const pqxx::insufficient_privilege& e) {
      const std::string_view message = e.what();
      if (message.find("violates row-level security policy") != std::string_view::npos) {
        return "policy";
      }
      if (message.find("permission denied") != std::string_view::npos) return "privilege";
      return message.data();
    }
  }

  std::string Id(core::OrgId id) const { return std::to_string(id.value()); }

  core::OrgId department_, school1_, school2_;
  core::UserId user_;
};

TEST_F(RowLevelSecurityTest, ATenantSeesOnlyItsInstitutionsRows) {
  pqxx::work tx(db());
  BecomeTenant(tx, {school1_});
  EXPECT_EQ(Column(tx, "SELECT id FROM institutions"), (Ids{school1_.value()}));
  EXPECT_EQ(Column(tx, "SELECT org_id FROM grants"), (Ids{school1_.value()}));
  EXPECT_EQ(Column(tx, "SELECT DISTINCT org_id FROM audit_log"), (Ids{school1_.value()}))
      << "not the other school's rows, nor the installation-wide (NULL) ones";
  EXPECT_EQ(Column(tx, "SELECT count(*) FROM audit_log WHERE org_id IS NULL"), (Ids{0}));

  // The services see through the same wall.
  auto hidden = platform::GetInstitution(tx, school2_);
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, "institution.not_found");
  EXPECT_EQ(platform::ListInstitutions(tx, {}).size(), 1u);
  EXPECT_EQ(platform::Subtree(tx, department_).size(), 0u);
  EXPECT_EQ(platform::ListGrants(tx, user_).size(), 1u);
}

TEST_F(RowLevelSecurityTest, TheSystemSeesEverythingAndNobodySeesAnythingUnsaid) {
  {
    pqxx::work tx(db());
    tx.exec("SET LOCAL ROLE esep_app");
    platform::ApplyActor(tx, platform::Actor::System());
    EXPECT_EQ(Column(tx, "SELECT id FROM institutions ORDER BY id"),
              (Ids{department_.value(), school1_.value(), school2_.value()}));
    EXPECT_EQ(Column(tx, "SELECT count(*) FROM grants"), (Ids{2}));
    EXPECT_EQ(Column(tx, "SELECT count(*) FROM audit_log WHERE org_id IS NULL"), (Ids{1}));
  }
  {
    // A transaction that never said who acts (a forgotten ApplyActor) sees nothing.
    pqxx::work tx(db());
    tx.exec("SET LOCAL ROLE esep_app");
    EXPECT_EQ(Column(tx, "SELECT count(*) FROM institutions"), (Ids{0}));
    EXPECT_EQ(Column(tx, "SELECT count(*) FROM grants"), (Ids{0}));
    EXPECT_EQ(Column(tx, "SELECT count(*) FROM audit_log"), (Ids{0}));
  }
  {
    pqxx::work tx(db());
    BecomeTenant(tx, {});
    EXPECT_EQ(Column(tx, "SELECT count(*) FROM institutions"), (Ids{0}));
  }
}

TEST_F(RowLevelSecurityTest, WritingIntoAnotherInstitutionIsRefused) {
  EXPECT_EQ(TenantRefusal("INSERT INTO grants (user_id, role_code, org_id) VALUES (" +
                          std::to_string(user_.value()) + ", 'auditor', " + Id(school2_) + ")"),
            "policy");
  EXPECT_EQ(TenantRefusal("UPDATE grants SET org_id = " + Id(school2_) +
                          " WHERE org_id = " + Id(school1_)),
            "policy")
      << "moving a row out of the scope";
  EXPECT_EQ(TenantRefusal("INSERT INTO institutions (bin, name_kk, name_ru, kind, budget_level, "
                          "parent_id) VALUES ('" +
                          SyntheticBin(9) + "', 'x', 'x', 'gu', 3, " + Id(school2_) + ")"),
            "policy")
      << "registering under an invisible parent";
  EXPECT_EQ(TenantRefusal("INSERT INTO institutions (bin, name_kk, name_ru, kind, budget_level) "
                          "VALUES ('" +
                          SyntheticBin(9) + "', 'x', 'x', 'gu', 3)"),
            "policy")
      << "a top-level institution is the system's to register";
  EXPECT_EQ(TenantRefusal("INSERT INTO audit_log (kind, action, org_id, prev_hash, hash) VALUES "
                          "('mutation', 'x', " +
                          Id(school2_) + ", '\\x00', '\\x01')"),
            "policy");

  // Invisible rows are not there for UPDATE and DELETE: nothing changes.
  {
    pqxx::work tx(db());
    BecomeTenant(tx, {school1_});
    EXPECT_EQ(tx.exec("UPDATE institutions SET name_ru = 'Захвачено' WHERE id = " + Id(school2_))
                  .affected_rows(),
              0u);
    EXPECT_EQ(tx.exec("DELETE FROM grants WHERE org_id = " + Id(school2_)).affected_rows(), 0u);
    EXPECT_EQ(
        tx.exec("UPDATE institutions SET name_ru = 'Школа № 1 им. Абая' WHERE id = " + Id(school1_))
            .affected_rows(),
        1u)
        << "its own institution it may change";
    tx.commit();
  }
  pqxx::work tx(db());
  EXPECT_EQ(
      tx.exec1("SELECT name_ru FROM institutions WHERE id = " + Id(school2_))[0].as<std::string>(),
      "Школа № 2");
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM grants")[0].as<int>(), 2);
}

TEST_F(RowLevelSecurityTest, ServicesWorkUnderTheTenantsScope) {
  pqxx::work tx(db());
  BecomeTenant(tx, {department_, school1_});
  platform::Actor actor;
  actor.user = user_;
  actor.org_scope = {department_, school1_};

  // Registering below a visible parent works, and the new school is readable at once.
  auto created = platform::CreateInstitution(tx, actor, Input(4, "Школа № 3", department_));
  ASSERT_TRUE(created.ok()) << created.error().code;
  EXPECT_TRUE(platform::GetInstitution(tx, created->id).ok());
  auto changed =
      platform::ChangeInstitutionKind(tx, actor, created->id, 1, platform::InstitutionKind::kKgu);
  ASSERT_TRUE(changed.ok());

  // Below an invisible one it is as if the parent did not exist.
  auto hidden_parent = platform::CreateInstitution(tx, actor, Input(5, "Чужая", school2_));
  ASSERT_FALSE(hidden_parent.ok());
  EXPECT_EQ(hidden_parent.error().code, "institution.parent_not_found");
  auto hidden_update = platform::UpdateInstitution(tx, actor, school2_, 1, Input(3, "x"));
  ASSERT_FALSE(hidden_update.ok());
  EXPECT_EQ(hidden_update.error().code, "institution.not_found");
  auto hidden_grant = platform::GrantRole(tx, actor, user_, "auditor", school2_, false);
  ASSERT_FALSE(hidden_grant.ok());
  EXPECT_EQ(hidden_grant.error().code, "grant.org_not_found");
  tx.commit();

  pqxx::work check(db());
  EXPECT_EQ(check
                .exec1("SELECT count(*) FROM audit_log WHERE entity_id = '" +
                       std::to_string(created->id.value()) + "'")[0]
                .as<int>(),
            2);
}

TEST_F(RowLevelSecurityTest, ATopLevelInstitutionIsTheSystemsToRegister) {
  pqxx::work tx(db());
  BecomeTenant(tx, {school1_});
  platform::Actor actor;
  actor.user = user_;
  EXPECT_THROW((void)platform::CreateInstitution(tx, actor, Input(6, "Новое ведомство")),
               pqxx::insufficient_privilege);
}

TEST_F(RowLevelSecurityTest, ATenantWritesInstallationWideAuditRowsButCannotReadThem) {
  pqxx::work tx(db());
  BecomeTenant(tx, {school1_});
  platform::Actor actor;
  actor.user = user_;
  platform::AuditEntry password;
  password.action = "user.password_change";
  password.entity = "user";
  platform::AppendAudit(tx, actor, password);
  EXPECT_EQ(
      tx.exec1("SELECT count(*) FROM audit_log WHERE action = 'user.password_change'")[0].as<int>(),
      0);
  tx.exec("SELECT set_config('esep.system', 'on', true)");
  EXPECT_EQ(
      tx.exec1("SELECT count(*) FROM audit_log WHERE action = 'user.password_change'")[0].as<int>(),
      1);
}

TEST_F(RowLevelSecurityTest, TheAuditTrailIsNotTheApplicationsToChange) {
  // Refused by privilege before the append-only trigger even runs; the trigger stays for
  // everyone else.
  EXPECT_EQ(TenantRefusal("UPDATE audit_log SET action = 'x'"), "privilege");
  EXPECT_EQ(TenantRefusal("DELETE FROM audit_log"), "privilege");
  EXPECT_EQ(TenantRefusal("INSERT INTO esep_schema_migrations (version, name, checksum) "
                          "VALUES (9999, 'x', 'x')"),
            "privilege");
  pqxx::work tx(db());
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
                     "AND NOT tgisinternal")[0]
                .as<int>(),
            2);
}

TEST_F(RowLevelSecurityTest, TheChainHeadIsReadableWhateverTheScope) {
  pqxx::work tx(db());
  const auto head =
      tx.exec1("SELECT encode(hash, 'hex') FROM audit_log ORDER BY id DESC LIMIT 1")[0]
          .as<std::string>();
  BecomeTenant(tx, {school1_});
  // The last row is the installation-wide login: invisible to the tenant, yet the chain
  // continues from it.
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log WHERE org_id IS NULL")[0].as<int>(), 0);
  EXPECT_EQ(tx.exec1("SELECT encode(esep_audit_chain_head(), 'hex')")[0].as<std::string>(), head);
}

TEST_F(RowLevelSecurityTest, TablesOfLaterMigrationsAreTheApplicationsToo) {
  pqxx::nontransaction(db()).exec("CREATE TABLE later_table (id bigserial PRIMARY KEY, v int)");
  pqxx::work tx(db());
  BecomeTenant(tx, {school1_});
  tx.exec("INSERT INTO later_table (v) VALUES (1)");
  EXPECT_EQ(tx.exec("UPDATE later_table SET v = 2").affected_rows(), 1u);
  EXPECT_EQ(tx.exec("DELETE FROM later_table").affected_rows(), 1u);
}

TEST_F(RowLevelSecurityTest, MigratingASecondDatabaseFindsTheRoleAlreadyThere) {
  // The role is the cluster's, created by the template's migration; a second database must
  // migrate cleanly all the same.
  const std::string name = database_ + "_second";
  pqxx::nontransaction(db()).exec("CREATE DATABASE " + name + " TEMPLATE template0");
  {
    pqxx::connection second(TestCluster().cluster().ConnectionString(name));
    auto migrations = db::LoadMigrations(db::DefaultSqlDir());
    ASSERT_TRUE(migrations.ok());
    auto applied = db::Migrator(*migrations).Apply(second);
    ASSERT_TRUE(applied.ok()) << applied.error().details;
    EXPECT_EQ(applied->size(), migrations->size());
    pqxx::work tx(second);
    EXPECT_EQ(
        tx.exec1("SELECT count(*) FROM pg_policies WHERE tablename = 'institutions'")[0].as<int>(),
        4);
  }
  pqxx::nontransaction(db()).exec("DROP DATABASE " + name);
}

}  // namespace
}  // namespace esep::testing
