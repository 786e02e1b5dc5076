// Authorization data: the permission catalog, the nine builtin roles (migration 0006), grants
// with their audit rows, and the effective access of a user expanded down the hierarchy.
#include "esep/platform/access.hpp"

#include <cstdio>
#include <map>
#include <pqxx/pqxx>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "esep/core/iin.hpp"
#include "esep/platform/audit.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/permissions.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using platform::AccessSet;
using Ids = std::vector<core::OrgId>;
using Permissions = std::set<std::string>;

std::string SyntheticBin(int serial) {
  for (int candidate = serial * 10;; ++candidate) {
    char first11[16];
    std::snprintf(first11, sizeof first11, "220540%05d", candidate);
    const int check = core::KzCheckDigit(first11);
    if (check >= 0) return std::string(first11) + static_cast<char>('0' + check);
  }
}

TEST(PermissionCatalog, IsSortedUniqueWellFormedAndDescribedInThreeLanguages) {
  const auto all = platform::AllPermissions();
  const std::regex form("^[a-z_]+\\.[a-z_]+$");
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string code(all[i].code);
    EXPECT_TRUE(std::regex_match(code, form)) << code;
    if (i > 0) {
      EXPECT_LT(all[i - 1].code, all[i].code) << "sorted and unique";
    }
    EXPECT_FALSE(all[i].description.kk.empty() || all[i].description.ru.empty() ||
                 all[i].description.en.empty())
        << code;
    EXPECT_TRUE(platform::IsKnownPermission(code));
    EXPECT_EQ(platform::PermissionIndex(code), i);
  }
  for (const char* required : {"institutions.read",
                               "institutions.write",
                               "users.read",
                               "users.write",
                               "grants.write",
                               "audit.read",
                               "jobs.read",
                               "jobs.cancel",
                               "reports.read",
                               "ledger.read",
                               "ledger.write",
                               "ledger.post",
                               "ledger.close_period",
                               "payroll.read",
                               "payroll.write",
                               "hr.read",
                               "hr.write",
                               "budget.read",
                               "budget.write",
                               "budget.approve",
                               "self.read"}) {
    EXPECT_TRUE(platform::IsKnownPermission(required)) << required;
  }
  for (const char* unknown : {"", "ledger", "ledger.", "ledger.delete", "LEDGER.READ", "zz.zz"}) {
    EXPECT_FALSE(platform::IsKnownPermission(unknown)) << unknown;
    EXPECT_FALSE(platform::PermissionIndex(unknown)) << unknown;
  }
}

TEST(AccessSetValue, AnswersPerInstitutionAndIgnoresUnknownPermissions) {
  AccessSet access;
  EXPECT_TRUE(access.empty());
  EXPECT_FALSE(access.AllowsAnywhere("ledger.read"));
  access.Add("ledger.read", core::OrgId(7));
  access.Add("ledger.post", core::OrgId(7));
  access.Add("ledger.read", core::OrgId(3));
  access.Add("ledger.delete", core::OrgId(9));  // not in the catalog: nothing asks for it
  EXPECT_FALSE(access.empty());
  EXPECT_TRUE(access.Allows("ledger.read", core::OrgId(3)));
  EXPECT_TRUE(access.Allows("ledger.post", core::OrgId(7)));
  EXPECT_FALSE(access.Allows("ledger.post", core::OrgId(3)));
  EXPECT_FALSE(access.Allows("ledger.read", core::OrgId(4)));
  EXPECT_FALSE(access.Allows("ledger.delete", core::OrgId(9)));
  EXPECT_FALSE(access.Allows("nonsense", core::OrgId(7)));
  EXPECT_EQ(access.OrgsWith("ledger.read"), (Ids{core::OrgId(3), core::OrgId(7)}));
  EXPECT_EQ(access.OrgsWith("ledger.post"), (Ids{core::OrgId(7)}));
  EXPECT_TRUE(access.OrgsWith("budget.read").empty());
  EXPECT_TRUE(access.OrgsWith("nonsense").empty());
  EXPECT_EQ(access.AllOrgs(), (Ids{core::OrgId(3), core::OrgId(7)}));
  EXPECT_TRUE(access.AllowsAnywhere("ledger.post"));
  EXPECT_FALSE(access.AllowsAnywhere("budget.read"));
  EXPECT_FALSE(access.AllowsAnywhere("nonsense"));
}

class AccessTest : public PgTest {
 protected:
  platform::Actor System() { return platform::Actor::System("test"); }

  core::OrgId Institution(int serial, std::string name, std::optional<core::OrgId> parent = {}) {
    platform::InstitutionInput input;
    input.bin = SyntheticBin(serial);
    input.name_ru = name;
    input.name_kk = name + " (kk)";
    input.budget_level = 3;
    input.parent = parent;
    pqxx::work tx(db());
    auto created = platform::CreateInstitution(tx, System(), input);
    EXPECT_TRUE(created.ok());
    tx.commit();
    return created.ok() ? created->id : core::OrgId();
  }

  core::UserId User(const std::string& login, bool active = true) {
    pqxx::work tx(db());
    const auto id = tx.exec_params1(
                          "INSERT INTO users (login, full_name, password_hash, active) "
                          "VALUES ($1, $1, 'not a hash', $2) RETURNING id",
                          login, active)[0]
                        .as<std::int64_t>();
    tx.commit();
    return core::UserId(id);
  }

  platform::GrantView Grant(core::UserId user, std::string_view role, core::OrgId org,
                            bool subtree = false) {
    pqxx::work tx(db());
    auto grant = platform::GrantRole(tx, System(), user, role, org, subtree);
    EXPECT_TRUE(grant.ok()) << (grant.ok() ? "" : grant.error().code);
    tx.commit();
    return grant.ok() ? *grant : platform::GrantView{};
  }

  AccessSet Load(core::UserId user) {
    pqxx::work tx(db());
    return platform::LoadAccess(tx, user);
  }

  std::vector<platform::AuditRecord> Audit(const std::string& prefix) {
    pqxx::work tx(db());
    platform::AuditQuery query;
    query.action_prefix = prefix;
    return platform::QueryAudit(tx, query);
  }

  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }
};

TEST_F(AccessTest, TheNineBuiltinRolesHoldExactlyTheirPermissions) {
  const std::map<std::string, Permissions> expected{
      {"administrator",
       {"institutions.read", "institutions.write", "users.read", "users.write", "grants.write",
        "audit.read", "jobs.read", "jobs.cancel"}},
      {"chief_accountant",
       {"ledger.read", "ledger.write", "ledger.post", "ledger.close_period", "reports.read",
        "audit.read", "jobs.read", "jobs.cancel", "institutions.read"}},
      {"accountant",
       {"ledger.read", "ledger.write", "ledger.post", "reports.read", "institutions.read",
        "jobs.read"}},
      {"payroll_accountant",
       {"payroll.read", "payroll.write", "hr.read", "reports.read", "institutions.read",
        "jobs.read"}},
      {"hr_officer", {"hr.read", "hr.write", "institutions.read"}},
      {"budget_planner", {"budget.read", "budget.write", "reports.read", "institutions.read"}},
      {"abp_approver", {"budget.read", "budget.approve", "reports.read", "institutions.read"}},
      {"auditor",
       {"audit.read", "budget.read", "hr.read", "institutions.read", "jobs.read", "ledger.read",
        "payroll.read", "reports.read", "users.read"}},
      {"employee", {"self.read"}},
  };
  std::map<std::string, Permissions> stored;
  pqxx::work tx(db());
  for (const auto& row : tx.exec(
           "SELECT r.code, r.name_kk, r.name_ru, r.name_en, r.builtin FROM roles r ORDER BY 1")) {
    const auto code = row[0].as<std::string>();
    EXPECT_TRUE(expected.count(code)) << "a role the migration should not have: " << code;
    EXPECT_FALSE(row[1].as<std::string>().empty() || row[2].as<std::string>().empty() ||
                 row[3].as<std::string>().empty())
        << code;
    EXPECT_TRUE(row[4].as<bool>()) << code;
    stored[code];
  }
  for (const auto& row : tx.exec("SELECT role_code, permission FROM role_permissions")) {
    const auto permission = row[1].as<std::string>();
    EXPECT_TRUE(platform::IsKnownPermission(permission)) << permission;
    stored[row[0].as<std::string>()].insert(permission);
  }
  EXPECT_EQ(stored, expected);

  // The auditor reads everything an institution has (self.read is one's own payslips).
  Permissions every_read;
  for (const auto& info : platform::AllPermissions()) {
    const std::string code(info.code);
    if (code.ends_with(".read") && code != "self.read") every_read.insert(code);
  }
  EXPECT_EQ(stored["auditor"], every_read);
}

TEST_F(AccessTest, AGrantIsStoredAuditedAndListed) {
  const core::OrgId school = Institution(1, "Школа № 1");
  const core::OrgId lyceum = Institution(2, "Лицей");
  const core::UserId admin = User("admin");
  const core::UserId accountant = User("accountant");

  platform::Actor by_admin;
  by_admin.user = admin;
  by_admin.org_scope = {school, lyceum};
  by_admin.request_id = "req-1";
  platform::GrantView granted;
  {
    pqxx::work tx(db());
    auto result = platform::GrantRole(tx, by_admin, accountant, "accountant", school, false);
    ASSERT_TRUE(result.ok()) << result.error().code;
    granted = *result;
    tx.commit();
  }
  EXPECT_GT(granted.id, 0);
  EXPECT_EQ(granted.user, accountant);
  EXPECT_EQ(granted.role_code, "accountant");
  EXPECT_EQ(granted.role_name.en, "Accountant");
  EXPECT_EQ(granted.org, school);
  EXPECT_EQ(granted.org_name_ru, "Школа № 1");
  EXPECT_EQ(granted.org_name_kk, "Школа № 1 (kk)");
  EXPECT_FALSE(granted.include_subtree);
  EXPECT_EQ(granted.granted_by, admin);
  EXPECT_EQ(granted.granted_at.size(), 27u) << granted.granted_at;  // 2026-11-23T10:00:00.123456Z

  const platform::GrantView by_system = Grant(accountant, "auditor", lyceum, true);
  EXPECT_FALSE(by_system.granted_by) << "the system is not a user";
  EXPECT_TRUE(by_system.include_subtree);

  const auto audit = Audit("grant.");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "grant.create");
  EXPECT_EQ(audit[0].org, school);
  EXPECT_EQ(audit[0].actor, admin);
  EXPECT_EQ(audit[0].entity, "grant");
  EXPECT_EQ(audit[0].entity_id, std::to_string(granted.id));
  EXPECT_NE(audit[0].after_json.find("\"role_code\": \"accountant\""), std::string::npos)
      << audit[0].after_json;
  EXPECT_TRUE(audit[0].before_json.empty());

  pqxx::work tx(db());
  const auto grants = platform::ListGrants(tx, accountant);
  ASSERT_EQ(grants.size(), 2u);
  EXPECT_EQ(grants[0], by_system);  // «Лицей» before «Школа»
  EXPECT_EQ(grants[1], granted);
  EXPECT_TRUE(platform::ListGrants(tx, admin).empty());
}

TEST_F(AccessTest, AGrantNeedsAUserARoleAndAnInstitutionAndIsGivenOnce) {
  const core::OrgId school = Institution(3, "Школа");
  const core::UserId user = User("someone");
  Grant(user, "accountant", school);
  struct Case {
    core::UserId user;
    std::string role;
    core::OrgId org;
    std::string code, field;
  };
  const std::vector<Case> cases{
      {core::UserId(99999), "accountant", school, "grant.user_not_found", "user_id"},
      {user, "superuser", school, "grant.unknown_role", "role_code"},
      {user, "accountant", core::OrgId(99999), "grant.org_not_found", "org_id"},
      {user, "accountant", school, "grant.duplicate", "role_code"},
  };
  for (const auto& c : cases) {
    pqxx::work tx(db());
    auto result = platform::GrantRole(tx, System(), c.user, c.role, c.org, true);
    ASSERT_FALSE(result.ok()) << c.code;
    EXPECT_EQ(result.error().code, c.code);
    EXPECT_EQ(result.error().field, c.field);
    EXPECT_FALSE(result.error().message.kk.empty() || result.error().message.ru.empty() ||
                 result.error().message.en.empty());
    tx.commit();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM grants"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM grants WHERE include_subtree"), 0)
      << "the duplicate did not widen the grant";
  EXPECT_EQ(Audit("grant.").size(), 1u);
}

TEST_F(AccessTest, ARevokedGrantIsGoneAndAudited) {
  const core::OrgId school = Institution(4, "Школа");
  const core::UserId user = User("someone");
  const platform::GrantView grant = Grant(user, "hr_officer", school);
  EXPECT_TRUE(Load(user).Allows("hr.write", school));
  {
    pqxx::work tx(db());
    const core::Status revoked = platform::RevokeGrant(tx, System(), grant.id);
    ASSERT_TRUE(revoked.ok()) << revoked.error().code;
    tx.commit();
  }
  EXPECT_TRUE(Load(user).empty());
  const auto audit = Audit("grant.revoke");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].org, school);
  EXPECT_NE(audit[0].before_json.find("\"role_code\": \"hr_officer\""), std::string::npos);
  EXPECT_TRUE(audit[0].after_json.empty());

  pqxx::work tx(db());
  const core::Status again = platform::RevokeGrant(tx, System(), grant.id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "grant.not_found");
  EXPECT_EQ(again.error().field, "id");
}

TEST_F(AccessTest, ASubtreeGrantOnTheDepartmentReachesBothSchoolsAndASchoolGrantOnlyItsOwn) {
  const core::OrgId region = Institution(5, "Управление образования области");
  const core::OrgId department = Institution(6, "Отдел образования района (АБП)", region);
  const core::OrgId school1 = Institution(7, "Школа № 1", department);
  const core::OrgId school2 = Institution(8, "Школа № 2", department);
  const core::UserId approver = User("approver");
  const core::UserId accountant = User("accountant");
  const core::UserId plain = User("plain");
  Grant(approver, "abp_approver", department, true);
  Grant(accountant, "accountant", school1);
  Grant(plain, "abp_approver", department, false);

  const AccessSet abp = Load(approver);
  for (const core::OrgId org : {department, school1, school2}) {
    EXPECT_TRUE(abp.Allows("budget.approve", org)) << org.value();
    EXPECT_TRUE(abp.Allows("budget.read", org));
    EXPECT_FALSE(abp.Allows("budget.write", org)) << "approving is not planning";
    EXPECT_FALSE(abp.Allows("ledger.read", org));
  }
  EXPECT_FALSE(abp.Allows("budget.read", region)) << "a subtree reaches down, not up";
  EXPECT_EQ(abp.AllOrgs(), (Ids{department, school1, school2}));
  EXPECT_EQ(abp.OrgsWith("budget.approve"), (Ids{department, school1, school2}));

  const AccessSet own = Load(accountant);
  EXPECT_TRUE(own.Allows("ledger.post", school1));
  EXPECT_FALSE(own.Allows("ledger.post", school2));
  EXPECT_FALSE(own.Allows("ledger.read", department));
  EXPECT_FALSE(own.Allows("ledger.close_period", school1));
  EXPECT_EQ(own.AllOrgs(), (Ids{school1}));

  EXPECT_EQ(Load(plain).AllOrgs(), (Ids{department})) << "without include_subtree";

  // A school opened later falls under the subtree grant without a new grant.
  const core::OrgId school3 = Institution(9, "Школа № 3", department);
  EXPECT_TRUE(Load(approver).Allows("budget.approve", school3));
  EXPECT_FALSE(Load(accountant).Allows("ledger.read", school3));
}

TEST_F(AccessTest, RolesInOneInstitutionAddUpAndOverlappingGrantsCountOnce) {
  const core::OrgId department = Institution(10, "Отдел образования");
  const core::OrgId school = Institution(11, "Школа", department);
  const core::UserId user = User("many.hats");
  Grant(user, "payroll_accountant", school);
  Grant(user, "hr_officer", school);
  Grant(user, "auditor", department, true);
  Grant(user, "auditor", school, true);  // already covered by the department's subtree

  const AccessSet access = Load(user);
  EXPECT_TRUE(access.Allows("payroll.write", school));
  EXPECT_TRUE(access.Allows("hr.write", school));
  EXPECT_TRUE(access.Allows("audit.read", school));
  EXPECT_TRUE(access.Allows("audit.read", department));
  EXPECT_FALSE(access.Allows("payroll.write", department));
  EXPECT_FALSE(access.Allows("ledger.write", school));
  EXPECT_EQ(access.OrgsWith("hr.read"), (Ids{department, school}));
  EXPECT_TRUE(access.AllowsAnywhere("payroll.write"));
  EXPECT_FALSE(access.AllowsAnywhere("budget.approve"));
}

TEST_F(AccessTest, AnInactiveOrUnknownUserHasNoAccess) {
  const core::OrgId school = Institution(12, "Школа");
  const core::UserId locked = User("locked", false);
  Grant(locked, "administrator", school, true);
  EXPECT_TRUE(Load(locked).empty());
  EXPECT_TRUE(Load(core::UserId(424242)).empty());
}

TEST_F(AccessTest, LoadingAccessKeepsTheTransactionsIdentity) {
  const core::OrgId school = Institution(13, "Школа");
  const core::OrgId other = Institution(14, "Другая школа");
  const core::UserId user = User("employee");
  Grant(user, "employee", other);

  pqxx::work tx(db());
  // The server's row-level role, as a user who may see only `school` so far.
  tx.exec("SET LOCAL ROLE esep_app");
  platform::Actor actor;
  actor.user = core::UserId(77);
  actor.org_scope = {school};
  platform::ApplyActor(tx, actor);

  const AccessSet access = platform::LoadAccess(tx, user);
  EXPECT_TRUE(access.Allows("self.read", other)) << "grants outside the scope are read too";
  const auto settings = tx.exec1(
      "SELECT current_setting('esep.user_id'), current_setting('esep.org_ids'), "
      "current_setting('esep.system')");
  EXPECT_EQ(settings[0].as<std::string>(), "77");
  EXPECT_EQ(settings[1].as<std::string>(), "{" + std::to_string(school.value()) + "}");
  EXPECT_EQ(settings[2].as<std::string>(), "off");
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM institutions")[0].as<int>(), 1);
}

}  // namespace
}  // namespace esep::testing
