// Institutions: registration with validated BIN, names, budget level and АБП code; changes
// under an optimistic lock; the hierarchy and centralized accounting; switching the scenario
// (ГУ → КГУ → ГККП) keeps every other column and every related row.
#include "esep/platform/institutions.hpp"

#include <cstdio>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "esep/core/iin.hpp"
#include "esep/platform/audit.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using platform::Institution;
using platform::InstitutionFilter;
using platform::InstitutionInput;
using platform::InstitutionKind;

// A synthetic resident head-office BIN registered in March 2021 (never a real one's
// structure clash: serials are ours). Serials that give no check digit are skipped, and
// each `serial` owns ten candidates so that two serials never meet.
std::string SyntheticBin(int serial) {
  for (int candidate = serial * 10;; ++candidate) {
    char first11[16];
    std::snprintf(first11, sizeof first11, "210340%05d", candidate);
    const int check = core::KzCheckDigit(first11);
    if (check >= 0) return std::string(first11) + static_cast<char>('0' + check);
  }
}

InstitutionInput Input(int serial, std::string name_ru, std::string name_kk = {}) {
  InstitutionInput input;
  input.bin = SyntheticBin(serial);
  input.name_kk = name_kk.empty() ? name_ru + " (kk)" : std::move(name_kk);
  input.name_ru = std::move(name_ru);
  input.kind = InstitutionKind::kGu;
  input.budget_level = 3;
  return input;
}

InstitutionInput FromInstitution(const Institution& institution) {
  InstitutionInput input;
  input.bin = institution.bin;
  input.name_kk = institution.name_kk;
  input.name_ru = institution.name_ru;
  input.kind = institution.kind;
  input.budget_level = institution.budget_level;
  input.parent = institution.parent;
  input.accounting_office = institution.accounting_office;
  input.abp_code = institution.abp_code;
  input.active = institution.active;
  return input;
}

class InstitutionsTest : public PgTest {
 protected:
  platform::Actor System() { return platform::Actor::System("test"); }

  // Registers and commits; fails the test on an error.
  Institution Create(const InstitutionInput& input) {
    pqxx::work tx(db());
    auto created = platform::CreateInstitution(tx, System(), input);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().code);
    tx.commit();
    return created.ok() ? *created : Institution{};
  }

  core::Error CreateError(const InstitutionInput& input) {
    pqxx::work tx(db());
    auto created = platform::CreateInstitution(tx, System(), input);
    EXPECT_FALSE(created.ok());
    return created.ok() ? core::Error{} : created.error();
  }

  core::Error UpdateError(core::OrgId id, int version, const InstitutionInput& input) {
    pqxx::work tx(db());
    auto updated = platform::UpdateInstitution(tx, System(), id, version, input);
    EXPECT_FALSE(updated.ok());
    return updated.ok() ? core::Error{} : updated.error();
  }

  std::vector<platform::AuditRecord> Audit(const std::string& action_prefix) {
    pqxx::work tx(db());
    platform::AuditQuery query;
    query.action_prefix = action_prefix;
    return platform::QueryAudit(tx, query);
  }

  std::vector<std::string> Texts(const std::string& sql) {
    pqxx::work tx(db());
    std::vector<std::string> texts;
    for (const auto& row : tx.exec(sql)) texts.push_back(row[0].as<std::string>());
    return texts;
  }

  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }

  std::vector<Institution> List(const InstitutionFilter& filter) {
    pqxx::work tx(db());
    return platform::ListInstitutions(tx, filter);
  }
};

void ExpectTrilingual(const core::Error& error) {
  EXPECT_FALSE(error.message.kk.empty()) << error.code;
  EXPECT_FALSE(error.message.ru.empty()) << error.code;
  EXPECT_FALSE(error.message.en.empty()) << error.code;
}

TEST(InstitutionKinds, HaveStableCodesAndNamesInThreeLanguages) {
  ASSERT_EQ(platform::AllInstitutionKinds().size(), 3u);
  EXPECT_EQ(platform::InstitutionKindCode(InstitutionKind::kGu), "gu");
  EXPECT_EQ(platform::InstitutionKindCode(InstitutionKind::kKgu), "kgu");
  EXPECT_EQ(platform::InstitutionKindCode(InstitutionKind::kGkkp), "gkkp");
  EXPECT_EQ(platform::KindInfo(InstitutionKind::kKgu).short_name.ru, "КГУ");
  EXPECT_EQ(platform::KindInfo(InstitutionKind::kKgu).short_name.kk, "КММ");
  EXPECT_EQ(platform::KindInfo(InstitutionKind::kGkkp).short_name.kk, "МКҚК");
  EXPECT_EQ(platform::KindInfo(InstitutionKind::kGkkp).name.ru,
            "Государственное коммунальное казённое предприятие");
  EXPECT_EQ(platform::KindInfo(InstitutionKind::kGu).name.kk, "Мемлекеттік мекеме");
  for (const auto& info : platform::AllInstitutionKinds()) {
    EXPECT_EQ(platform::ParseInstitutionKind(info.code), info.kind);
    EXPECT_FALSE(info.name.kk.empty() || info.name.ru.empty() || info.name.en.empty());
    EXPECT_FALSE(info.short_name.kk.empty() || info.short_name.en.empty());
  }
  EXPECT_FALSE(platform::ParseInstitutionKind("GU"));
  EXPECT_FALSE(platform::ParseInstitutionKind("ГУ"));
  EXPECT_FALSE(platform::ParseInstitutionKind(""));
}

TEST_F(InstitutionsTest, RegistersTheNormalizedInputAndAuditsIt) {
  InstitutionInput input = Input(1, "  КГУ «Школа-гимназия № 1»  ", "«№ 1 мектеп-гимназиясы» КММ");
  input.bin = "  " + input.bin + " ";
  input.kind = InstitutionKind::kKgu;
  input.abp_code = "464";
  const Institution created = Create(input);

  EXPECT_GT(created.id.value(), 0);
  EXPECT_EQ(created.bin, SyntheticBin(1));
  EXPECT_EQ(created.name_ru, "КГУ «Школа-гимназия № 1»");
  EXPECT_EQ(created.name_kk, "«№ 1 мектеп-гимназиясы» КММ");
  EXPECT_EQ(created.kind, InstitutionKind::kKgu);
  EXPECT_EQ(created.budget_level, 3);
  EXPECT_EQ(created.abp_code, "464");
  EXPECT_FALSE(created.parent || created.accounting_office);
  EXPECT_TRUE(created.active);
  EXPECT_EQ(created.version, 1);

  pqxx::work tx(db());
  auto read = platform::GetInstitution(tx, created.id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, created);
  tx.commit();

  const auto audit = Audit("institution.");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "institution.create");
  EXPECT_EQ(audit[0].org, created.id);
  EXPECT_EQ(audit[0].entity, "institution");
  EXPECT_EQ(audit[0].entity_id, std::to_string(created.id.value()));
  EXPECT_TRUE(audit[0].before_json.empty());
  EXPECT_NE(audit[0].after_json.find("\"bin\": \"" + SyntheticBin(1) + "\""), std::string::npos)
      << audit[0].after_json;
  EXPECT_NE(audit[0].after_json.find("\"kind\": \"kgu\""), std::string::npos);
  EXPECT_EQ(audit[0].request_id, "test");
}

TEST_F(InstitutionsTest, GetOfAnUnknownIdIsNotFound) {
  pqxx::work tx(db());
  auto read = platform::GetInstitution(tx, core::OrgId(987654));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, "institution.not_found");
  EXPECT_EQ(read.error().field, "id");
  ExpectTrilingual(read.error());
}

TEST_F(InstitutionsTest, InvalidInputIsRefusedFieldByFieldAndNothingIsWritten) {
  const Institution closed_office = [&] {
    InstitutionInput office = Input(90, "Закрытая бухгалтерия");
    office.active = false;
    return Create(office);
  }();
  std::string bad_check = SyntheticBin(2);
  bad_check.back() = static_cast<char>('0' + (bad_check.back() - '0' + 1) % 10);

  struct Case {
    std::string what;
    InstitutionInput input;
    std::string code, field;
  };
  std::vector<Case> cases;
  auto with = [&](std::string what, auto change, std::string code, std::string field) {
    InstitutionInput input = Input(3, "Школа");
    change(input);
    cases.push_back({std::move(what), std::move(input), std::move(code), std::move(field)});
  };
  with(
      "short BIN", [](auto& in) { in.bin = "12345"; }, "bin.length", "bin");
  with(
      "letters", [](auto& in) { in.bin = "21034000001a"; }, "bin.not_digits", "bin");
  with(
      "check digit", [&](auto& in) { in.bin = bad_check; }, "bin.checksum", "bin");
  with(
      "empty kk", [](auto& in) { in.name_kk = ""; }, "institution.name_required", "name_kk");
  with(
      "blank ru", [](auto& in) { in.name_ru = " \t "; }, "institution.name_required", "name_ru");
  with(
      "level 0", [](auto& in) { in.budget_level = 0; }, "institution.budget_level", "budget_level");
  with(
      "level 5", [](auto& in) { in.budget_level = 5; }, "institution.budget_level", "budget_level");
  with(
      "abp 2 digits", [](auto& in) { in.abp_code = "46"; }, "institution.abp_code", "abp_code");
  with(
      "abp letter", [](auto& in) { in.abp_code = "46a"; }, "institution.abp_code", "abp_code");
  with(
      "abp empty", [](auto& in) { in.abp_code = ""; }, "institution.abp_code", "abp_code");
  with(
      "no parent", [](auto& in) { in.parent = core::OrgId(999999); },
      "institution.parent_not_found", "parent");
  with(
      "no office", [](auto& in) { in.accounting_office = core::OrgId(999999); },
      "institution.accounting_office_not_found", "accounting_office");
  with(
      "closed office", [&](auto& in) { in.accounting_office = closed_office.id; },
      "institution.accounting_office_inactive", "accounting_office");

  for (const auto& c : cases) {
    const core::Error error = CreateError(c.input);
    EXPECT_EQ(error.code, c.code) << c.what;
    EXPECT_EQ(error.field, c.field) << c.what;
    ExpectTrilingual(error);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM institutions"), 1);
  EXPECT_EQ(Audit("institution.").size(), 1u);
}

TEST_F(InstitutionsTest, ABinIsRegisteredOnce) {
  const Institution first = Create(Input(4, "Первая"));
  const Institution second = Create(Input(5, "Вторая"));
  InstitutionInput again = Input(4, "Другая");
  const core::Error taken = CreateError(again);
  EXPECT_EQ(taken.code, "institution.bin_taken");
  EXPECT_EQ(taken.field, "bin");
  ExpectTrilingual(taken);

  InstitutionInput moved = FromInstitution(second);
  moved.bin = first.bin;
  const core::Error on_update = UpdateError(second.id, second.version, moved);
  EXPECT_EQ(on_update.code, "institution.bin_taken");

  // Its own BIN is not "taken" when saving other changes.
  InstitutionInput renamed = FromInstitution(first);
  renamed.name_ru = "Первая (переименована)";
  pqxx::work tx(db());
  EXPECT_TRUE(platform::UpdateInstitution(tx, System(), first.id, 1, renamed).ok());
}

TEST_F(InstitutionsTest, AnUpdateRaisesTheVersionAndAuditsBeforeAndAfter) {
  const Institution office = Create(Input(6, "Централизованная бухгалтерия"));
  const Institution school = Create(Input(7, "Школа № 7"));
  InstitutionInput change = FromInstitution(school);
  change.name_ru = "Школа-лицей № 7";
  change.bin = SyntheticBin(8);
  change.budget_level = 2;
  change.abp_code = "261";
  change.accounting_office = office.id;
  Institution updated;
  {
    pqxx::work tx(db());
    auto result = platform::UpdateInstitution(tx, System(), school.id, 1, change);
    ASSERT_TRUE(result.ok()) << result.error().code;
    updated = *result;
    tx.commit();
  }
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.name_ru, "Школа-лицей № 7");
  EXPECT_EQ(updated.bin, SyntheticBin(8));
  EXPECT_EQ(updated.budget_level, 2);
  EXPECT_EQ(updated.abp_code, "261");
  EXPECT_EQ(updated.accounting_office, office.id);

  const auto audit = Audit("institution.update");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].org, school.id);
  EXPECT_NE(audit[0].before_json.find("\"name_ru\": \"Школа № 7\""), std::string::npos)
      << audit[0].before_json;
  EXPECT_NE(audit[0].before_json.find("\"version\": 1"), std::string::npos);
  EXPECT_NE(audit[0].after_json.find("\"name_ru\": \"Школа-лицей № 7\""), std::string::npos);
  EXPECT_NE(audit[0].after_json.find("\"version\": 2"), std::string::npos);

  // Clearing optional fields works too.
  change.abp_code.reset();
  change.accounting_office.reset();
  pqxx::work tx(db());
  auto cleared = platform::UpdateInstitution(tx, System(), school.id, 2, change);
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(cleared->abp_code || cleared->accounting_office);
  EXPECT_EQ(cleared->version, 3);
}

TEST_F(InstitutionsTest, AStaleVersionIsAConflictNamingTheCurrentOne) {
  const Institution school = Create(Input(9, "Школа"));
  InstitutionInput change = FromInstitution(school);
  change.name_ru = "Школа (1)";
  {
    pqxx::work tx(db());
    ASSERT_TRUE(platform::UpdateInstitution(tx, System(), school.id, 1, change).ok());
    tx.commit();
  }
  change.name_ru = "Школа (2)";
  const core::Error conflict = UpdateError(school.id, 1, change);
  EXPECT_EQ(conflict.code, "institution.version_conflict");
  EXPECT_EQ(conflict.field, "version");
  EXPECT_NE(conflict.message.ru.find("2"), std::string::npos) << conflict.message.ru;
  EXPECT_NE(conflict.message.kk.find("2"), std::string::npos);
  EXPECT_EQ(conflict.details, "{\"current_version\":2}");

  pqxx::work tx(db());
  auto kind = platform::ChangeInstitutionKind(tx, System(), school.id, 1, InstitutionKind::kKgu);
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().code, "institution.version_conflict");
  EXPECT_EQ(platform::GetInstitution(tx, school.id)->name_ru, "Школа (1)");
}

TEST_F(InstitutionsTest, UpdatingAMissingInstitutionIsNotFound) {
  const core::Error error = UpdateError(core::OrgId(424242), 1, Input(10, "Нет"));
  EXPECT_EQ(error.code, "institution.not_found");
  pqxx::work tx(db());
  auto kind =
      platform::ChangeInstitutionKind(tx, System(), core::OrgId(424242), 1, InstitutionKind::kKgu);
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().code, "institution.not_found");
}

TEST_F(InstitutionsTest, SavingAnUnchangedFormWritesNothing) {
  const Institution school = Create(Input(11, "Школа"));
  InstitutionInput same = FromInstitution(school);
  same.name_ru = "  Школа ";  // normalizes to the stored name
  pqxx::work tx(db());
  auto result = platform::UpdateInstitution(tx, System(), school.id, 1, same);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, school);
  tx.commit();
  EXPECT_TRUE(Audit("institution.update").empty());
}

TEST_F(InstitutionsTest, AnUpdateDoesNotSwitchTheScenario) {
  const Institution school = Create(Input(12, "Школа"));
  InstitutionInput change = FromInstitution(school);
  change.kind = InstitutionKind::kGkkp;
  const core::Error error = UpdateError(school.id, 1, change);
  EXPECT_EQ(error.code, "institution.kind_change_separate");
  EXPECT_EQ(error.field, "kind");
  ExpectTrilingual(error);
}

TEST_F(InstitutionsTest, TheHierarchyHasNoCycles) {
  // Region → district department → school.
  const Institution region = Create(Input(13, "Управление образования области"));
  InstitutionInput department_input = Input(14, "Отдел образования района");
  department_input.parent = region.id;
  const Institution department = Create(department_input);
  InstitutionInput school_input = Input(15, "Школа");
  school_input.parent = department.id;
  const Institution school = Create(school_input);

  InstitutionInput under_school = FromInstitution(region);
  under_school.parent = school.id;
  core::Error cycle = UpdateError(region.id, 1, under_school);
  EXPECT_EQ(cycle.code, "institution.parent_cycle");
  EXPECT_EQ(cycle.field, "parent");
  ExpectTrilingual(cycle);

  InstitutionInput under_itself = FromInstitution(department);
  under_itself.parent = department.id;
  EXPECT_EQ(UpdateError(department.id, 1, under_itself).code, "institution.parent_cycle");

  InstitutionInput under_nothing = FromInstitution(school);
  under_nothing.parent = core::OrgId(777777);
  EXPECT_EQ(UpdateError(school.id, 1, under_nothing).code, "institution.parent_not_found");

  // Moving a school to the region directly is fine.
  InstitutionInput moved = FromInstitution(school);
  moved.parent = region.id;
  pqxx::work tx(db());
  auto result = platform::UpdateInstitution(tx, System(), school.id, 1, moved);
  ASSERT_TRUE(result.ok()) << result.error().code;
  EXPECT_EQ(result->parent, region.id);
}

TEST_F(InstitutionsTest, OneAccountingOfficeServesManyInstitutions) {
  InstitutionInput office_input = Input(16, "ГУ «Централизованная бухгалтерия отдела образования»");
  const Institution office = Create(office_input);
  InstitutionInput a = Input(17, "Школа № 1");
  a.accounting_office = office.id;
  InstitutionInput b = Input(18, "Детский сад «Балапан»");
  b.accounting_office = office.id;
  b.kind = InstitutionKind::kGkkp;
  const Institution school = Create(a);
  const Institution kindergarten = Create(b);
  Create(Input(19, "Школа со своей бухгалтерией"));

  InstitutionFilter served;
  served.accounting_office = office.id;
  const auto list = List(served);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, kindergarten.id);  // «Детский сад» sorts before «Школа»
  EXPECT_EQ(list[1].id, school.id);

  InstitutionInput own = FromInstitution(office);
  own.accounting_office = office.id;
  const core::Error self = UpdateError(office.id, 1, own);
  EXPECT_EQ(self.code, "institution.accounting_office_self");
  EXPECT_EQ(self.field, "accounting_office");
  ExpectTrilingual(self);

  // An office closed later does not block unrelated edits of those it served...
  InstitutionInput close = FromInstitution(office);
  close.active = false;
  {
    pqxx::work tx(db());
    ASSERT_TRUE(platform::UpdateInstitution(tx, System(), office.id, 1, close).ok());
    tx.commit();
  }
  InstitutionInput rename = FromInstitution(school);
  rename.name_ru = "Школа № 1 имени Абая";
  {
    pqxx::work tx(db());
    ASSERT_TRUE(platform::UpdateInstitution(tx, System(), school.id, 1, rename).ok());
  }
  // ...but nobody new may be attached to it.
  InstitutionInput attach = Input(20, "Новая школа");
  attach.accounting_office = office.id;
  EXPECT_EQ(CreateError(attach).code, "institution.accounting_office_inactive");
}

TEST_F(InstitutionsTest, SwitchingTheScenarioKeepsAllData) {
  // An АБП (district education department) with two schools, grants and audit rows.
  InstitutionInput department_input = Input(21, "ГУ «Отдел образования района»");
  department_input.abp_code = "464";
  const Institution office = Create(Input(22, "Централизованная бухгалтерия"));
  department_input.accounting_office = office.id;
  const Institution department = Create(department_input);
  InstitutionInput school_input = Input(23, "Школа № 1");
  school_input.parent = department.id;
  school_input.accounting_office = office.id;
  const Institution school = Create(school_input);
  InstitutionInput other_input = Input(24, "Школа № 2");
  other_input.parent = department.id;
  Create(other_input);
  {
    pqxx::work tx(db());
    tx.exec("INSERT INTO users (login, full_name, password_hash) VALUES ('acc', 'Бухгалтер', 'x')");
    tx.exec_params(
        "INSERT INTO grants (user_id, role_code, org_id, include_subtree) "
        "SELECT u.id, r.code, $1, true FROM users u, roles r WHERE r.code IN "
        "('accountant', 'auditor')",
        department.id.value());
    tx.exec_params(
        "INSERT INTO grants (user_id, role_code, org_id) "
        "SELECT id, 'payroll_accountant', $1 FROM users",
        school.id.value());
    tx.commit();
  }
  const std::string everything_but_version =
      "SELECT (to_jsonb(i) - 'version' - 'updated_at')::text FROM institutions i ORDER BY id";
  const auto institutions_before = Texts(everything_but_version);
  const auto grants_before = Texts("SELECT to_jsonb(g)::text FROM grants g ORDER BY id");
  const auto audit_before = Texts("SELECT to_jsonb(a)::text FROM audit_log a ORDER BY id");
  const auto updated_at_before = Texts("SELECT updated_at::text FROM institutions WHERE id <> " +
                                       std::to_string(department.id.value()) + " ORDER BY id");

  int version = department.version;
  for (const InstitutionKind kind : {InstitutionKind::kKgu, InstitutionKind::kGkkp}) {
    pqxx::work tx(db());
    auto changed = platform::ChangeInstitutionKind(tx, System(), department.id, version, kind);
    ASSERT_TRUE(changed.ok()) << changed.error().code;
    EXPECT_EQ(changed->kind, kind);
    EXPECT_EQ(changed->version, version + 1);
    Institution expected = department;
    expected.kind = kind;
    expected.version = version + 1;
    EXPECT_EQ(*changed, expected);
    version = changed->version;
    tx.commit();
  }

  // Only the department's kind (and its version) moved; every other row is as it was.
  auto institutions_after = Texts(everything_but_version);
  ASSERT_EQ(institutions_after.size(), institutions_before.size());
  for (std::size_t i = 0; i < institutions_after.size(); ++i) {
    std::string expected = institutions_before[i];
    if (expected.find("\"id\": " + std::to_string(department.id.value()) + ",") !=
        std::string::npos) {
      const auto at = expected.find("\"kind\": \"gu\"");
      ASSERT_NE(at, std::string::npos) << expected;
      expected.replace(at, 12, "\"kind\": \"gkkp\"");
    }
    EXPECT_EQ(institutions_after[i], expected);
  }
  EXPECT_EQ(Texts("SELECT updated_at::text FROM institutions WHERE id <> " +
                  std::to_string(department.id.value()) + " ORDER BY id"),
            updated_at_before);
  EXPECT_EQ(Texts("SELECT to_jsonb(g)::text FROM grants g ORDER BY id"), grants_before);
  auto audit_after = Texts("SELECT to_jsonb(a)::text FROM audit_log a ORDER BY id");
  ASSERT_EQ(audit_after.size(), audit_before.size() + 2);
  audit_after.resize(audit_before.size());
  EXPECT_EQ(audit_after, audit_before);

  const auto changes = Audit("institution.change_kind");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].org, department.id);
  EXPECT_NE(changes[0].before_json.find("\"kind\": \"gu\""), std::string::npos);
  EXPECT_NE(changes[0].after_json.find("\"kind\": \"kgu\""), std::string::npos);
  EXPECT_EQ(changes[0].details_json, "{\"to\": \"kgu\", \"from\": \"gu\"}");
  EXPECT_NE(changes[1].after_json.find("\"kind\": \"gkkp\""), std::string::npos);

  pqxx::work tx(db());
  auto chain = platform::VerifyAuditChain(tx);
  ASSERT_TRUE(chain.ok());
  EXPECT_FALSE(chain->first_bad_id);
}

TEST_F(InstitutionsTest, SwitchingToTheSameScenarioChangesNothing) {
  const Institution school = Create(Input(25, "Школа"));
  pqxx::work tx(db());
  auto same = platform::ChangeInstitutionKind(tx, System(), school.id, 1, InstitutionKind::kGu);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*same, school);
  tx.commit();
  EXPECT_TRUE(Audit("institution.change_kind").empty());
}

TEST_F(InstitutionsTest, ListFiltersByTextParentKindAndActivityAndPages) {
  const Institution department = Create(Input(26, "Отдел образования", "Білім бөлімі"));
  auto child = [&](int serial, std::string ru, std::string kk, InstitutionKind kind) {
    InstitutionInput input = Input(serial, std::move(ru), std::move(kk));
    input.parent = department.id;
    input.kind = kind;
    return Create(input);
  };
  const Institution gymnasium = child(27, "Гимназия № 3", "№ 3 гимназия", InstitutionKind::kKgu);
  const Institution kindergarten =
      child(28, "Ясли-сад «Айгөлек»", "«Айгөлек» бөбекжай-бақшасы", InstitutionKind::kGkkp);
  const Institution school = child(29, "Школа № 5", "№ 5 мектеп", InstitutionKind::kKgu);
  InstitutionInput closed = Input(30, "Закрытая школа", "Жабылған мектеп");
  closed.active = false;
  const Institution closed_school = Create(closed);

  auto ids = [&](const InstitutionFilter& filter) {
    std::vector<std::int64_t> out;
    for (const auto& institution : List(filter)) out.push_back(institution.id.value());
    return out;
  };
  using Ids = std::vector<std::int64_t>;
  InstitutionFilter filter;
  EXPECT_EQ(ids(filter), (Ids{gymnasium.id.value(), closed_school.id.value(), department.id.value(),
                              school.id.value(), kindergarten.id.value()}));
  filter.text = "ШКОЛА";  // case-insensitive in Cyrillic
  EXPECT_EQ(ids(filter), (Ids{closed_school.id.value(), school.id.value()}));
  filter.text = "АЙГӨЛЕК";  // Kazakh letters, in the Kazakh name too
  EXPECT_EQ(ids(filter), (Ids{kindergarten.id.value()}));
  filter.text = "мектеп";  // only in Kazakh names
  EXPECT_EQ(ids(filter), (Ids{closed_school.id.value(), school.id.value()}));
  filter.text = school.bin.substr(4, 8);
  EXPECT_EQ(ids(filter), (Ids{school.id.value()}));
  filter.text = "50%_";  // LIKE wildcards are plain text
  EXPECT_TRUE(ids(filter).empty());

  filter = {};
  filter.parent = department.id;
  EXPECT_EQ(ids(filter), (Ids{gymnasium.id.value(), school.id.value(), kindergarten.id.value()}));
  filter.kind = InstitutionKind::kKgu;
  EXPECT_EQ(ids(filter), (Ids{gymnasium.id.value(), school.id.value()}));
  filter.limit = 1;
  filter.offset = 1;
  EXPECT_EQ(ids(filter), (Ids{school.id.value()}));

  filter = {};
  filter.active = false;
  EXPECT_EQ(ids(filter), (Ids{closed_school.id.value()}));
  filter.active = true;
  EXPECT_EQ(ids(filter).size(), 4u);
  filter.limit = 0;  // clamped to one row, not "no limit"
  EXPECT_EQ(ids(filter).size(), 1u);
}

TEST_F(InstitutionsTest, ASubtreeIsTheRootAndEverythingBelowIt) {
  const Institution region = Create(Input(31, "Область"));
  InstitutionInput district_input = Input(32, "Район");
  district_input.parent = region.id;
  const Institution district = Create(district_input);
  InstitutionInput school_input = Input(33, "Школа");
  school_input.parent = district.id;
  const Institution school = Create(school_input);
  InstitutionInput sibling_input = Input(34, "Другой район");
  sibling_input.parent = region.id;
  const Institution sibling = Create(sibling_input);
  const Institution stranger = Create(Input(35, "Другая область"));

  pqxx::work tx(db());
  using Ids = std::vector<core::OrgId>;
  EXPECT_EQ(platform::Subtree(tx, region.id), (Ids{region.id, district.id, school.id, sibling.id}));
  EXPECT_EQ(platform::Subtree(tx, district.id), (Ids{district.id, school.id}));
  EXPECT_EQ(platform::Subtree(tx, school.id), (Ids{school.id}));
  EXPECT_EQ(platform::Subtree(tx, stranger.id), (Ids{stranger.id}));
  EXPECT_TRUE(platform::Subtree(tx, core::OrgId(5555555)).empty());
}

}  // namespace
}  // namespace esep::testing
