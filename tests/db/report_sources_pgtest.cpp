// The providers of reports (src/reports) against a real database: the rows of `institutions`
// and `audit_events` field by field, their filters (subtree, as-of date, local day bounds,
// login, action prefix), row-level security, data versions; and institutions' signatories.
#include <algorithm>
#include <cstdio>
#include <pqxx/pqxx>
#include <string>
#include <variant>
#include <vector>

#include "esep/core/iin.hpp"
#include "esep/forms/builtin_sources.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/reports/audit_events_source.hpp"
#include "esep/reports/institutions_source.hpp"
#include "esep/reports/local_time.hpp"
#include "esep/reports/signatories.hpp"
#include "esep/reports/sources.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

std::string SyntheticBin(int serial) {
  for (int candidate = serial * 10;; ++candidate) {
    char first11[16];
    std::snprintf(first11, sizeof first11, "210540%05d", candidate);
    const int check = core::KzCheckDigit(first11);
    if (check >= 0) return std::string(first11) + static_cast<char>('0' + check);
  }
}

core::Date D(const char* iso) { return core::Date::Parse(iso).value(); }

class ReportSourcesTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    pqxx::work tx(db());
    const auto system = platform::Actor::System("setup");
    const auto make = [&](int serial, const char* kk, const char* ru,
                          platform::InstitutionKind kind, int level,
                          std::optional<core::OrgId> parent, std::optional<std::string> abp) {
      platform::InstitutionInput input;
      input.bin = SyntheticBin(serial);
      input.name_kk = kk;
      input.name_ru = ru;
      input.kind = kind;
      input.budget_level = level;
      input.parent = parent;
      input.accounting_office = parent;
      input.abp_code = std::move(abp);
      return platform::CreateInstitution(tx, system, input).value().id;
    };
    // Names whose Kazakh and Russian orders differ (А Б Г М against М О Ш Я).
    department_ = make(1, "Білім бөлімі", "Отдел образования", platform::InstitutionKind::kGu, 3,
                       std::nullopt, std::string("464"));
    school1_ = make(2, "Гимназия № 1", "Школа № 1", platform::InstitutionKind::kKgu, 3, department_,
                    std::nullopt);
    kindergarten_ = make(3, "Айгөлек бөбекжайы", "Ясли-сад Айгөлек",
                         platform::InstitutionKind::kGkkp, 4, department_, std::nullopt);
    ministry_ = make(4, "Мемлекеттік кірістер комитеті", "Министерство финансов",
                     platform::InstitutionKind::kGu, 1, std::nullopt, std::nullopt);
    teacher_ = core::UserId(tx.exec1("INSERT INTO users (login, full_name, password_hash) "
                                     "VALUES ('teacher', 'Мұғалім', 'x') RETURNING id")[0]
                                .as<std::int64_t>());
    tx.commit();
  }

  // As esep_app for a user who may see `orgs`, as the server's requests and jobs do.
  void BecomeTenant(pqxx::dbtransaction& tx, std::vector<core::OrgId> orgs) {
    tx.exec("SET LOCAL ROLE esep_app");
    platform::Actor actor;
    actor.user = teacher_;
    actor.org_scope = std::move(orgs);
    actor.request_id = "tenant";
    platform::ApplyActor(tx, actor);
  }

  static forms::DataSet Fetch(pqxx::dbtransaction& tx, const char* source,
                              const forms::ParameterValues& params,
                              core::Lang lang = core::Lang::kRu) {
    auto rows = reports::BuiltinDataSources().Find(source)->fetch(tx, params, lang);
    EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message.en);
    if (!rows.ok()) return {};
    EXPECT_TRUE(rows->Check().ok());
    return rows.value();
  }

  static std::string Version(pqxx::dbtransaction& tx, const char* source,
                             const forms::ParameterValues& params) {
    return reports::BuiltinDataSources().Find(source)->version(tx, params);
  }

  static forms::ParameterValues Institutions(core::Date as_of,
                                             std::optional<core::OrgId> root = {}) {
    forms::ParameterValues params{{"as_of", as_of}, {"institution", std::monostate{}}};
    if (root) params["institution"] = root->value();
    return params;
  }

  static forms::ParameterValues Audit(core::Date from, core::Date to) {
    return {{"from", from},
            {"to", to},
            {"institution", std::monostate{}},
            {"actor", std::monostate{}},
            {"action", std::monostate{}}};
  }

  static const forms::Value& At(const forms::DataSet& data, std::size_t row, const char* field) {
    return data.rows.at(row).at(data.FieldIndex(field).value());
  }
  static std::string Text(const forms::DataSet& data, std::size_t row, const char* field) {
    const auto& value = At(data, row, field);
    return std::holds_alternative<std::string>(value) ? std::get<std::string>(value) : "<none>";
  }
  static std::vector<std::string> Column(const forms::DataSet& data, const char* field) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < data.rows.size(); ++i) texts.push_back(Text(data, i, field));
    return texts;
  }

  // An audit row at a chosen moment (seconds since the epoch), straight into the table: the
  // chain is not what these tests are about.
  void AuditAt(std::int64_t epoch, const std::string& action, std::optional<core::OrgId> org,
               std::optional<core::UserId> actor, const char* kind = "mutation") {
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO audit_log (at, kind, action, actor_user_id, org_id, entity, entity_id, "
        "request_id, prev_hash, hash) VALUES (to_timestamp($1::double precision), $2, $3, $4, $5, "
        "'institution', '7', 'req-1', '\\x00', sha256(convert_to(gen_random_uuid()::text, "
        "'UTF8')))",
        epoch, kind, action, actor ? std::to_string(actor->value()).c_str() : nullptr,
        org ? std::to_string(org->value()).c_str() : nullptr);
    tx.commit();
  }

  core::OrgId department_, school1_, kindergarten_, ministry_;
  core::UserId teacher_;
};

TEST_F(ReportSourcesTest, InstitutionsAreTheSchemasFieldsNamedInBothLanguages) {
  pqxx::work tx(db());
  platform::ApplyActor(tx, platform::Actor::System("test"));
  const core::Date today = core::Date::Today();
  const forms::DataSet data = Fetch(tx, "institutions", Institutions(today));
  EXPECT_EQ(data.fields, forms::FindBuiltinSource("institutions")->fields);
  ASSERT_EQ(data.rows.size(), 4u);
  EXPECT_EQ(Column(data, "name_ru"),
            (std::vector<std::string>{"Министерство финансов", "Отдел образования", "Школа № 1",
                                      "Ясли-сад Айгөлек"}));
  // Row 2: the school.
  EXPECT_EQ(std::get<std::int64_t>(At(data, 2, "id")), school1_.value());
  EXPECT_EQ(Text(data, 2, "bin"), SyntheticBin(2));
  EXPECT_EQ(Text(data, 2, "name_kk"), "Гимназия № 1");
  EXPECT_EQ(Text(data, 2, "kind"), "kgu");
  EXPECT_EQ(Text(data, 2, "kind_kk"), "КММ");
  EXPECT_EQ(Text(data, 2, "kind_ru"), "КГУ");
  EXPECT_EQ(std::get<std::int64_t>(At(data, 2, "budget_level")), 3);
  EXPECT_EQ(Text(data, 2, "budget_level_kk"), "аудандық");
  EXPECT_EQ(Text(data, 2, "budget_level_ru"), "районный");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(At(data, 2, "abp_code")));
  EXPECT_EQ(std::get<std::int64_t>(At(data, 2, "parent_id")), department_.value());
  EXPECT_EQ(Text(data, 2, "parent_name_kk"), "Білім бөлімі");
  EXPECT_EQ(Text(data, 2, "parent_name_ru"), "Отдел образования");
  EXPECT_EQ(std::get<std::int64_t>(At(data, 2, "accounting_office_id")), department_.value());
  EXPECT_EQ(Text(data, 2, "accounting_office_name_ru"), "Отдел образования");
  EXPECT_EQ(Text(data, 2, "status_kk"), "жұмыс істейді");
  EXPECT_EQ(Text(data, 2, "status_ru"), "действует");
  EXPECT_EQ(std::get<core::Date>(At(data, 2, "created_on")), today);
  // The department administers programs and has no superior.
  EXPECT_EQ(Text(data, 1, "abp_code"), "464");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(At(data, 1, "parent_id")));
  EXPECT_EQ(Text(data, 1, "parent_name_ru"), "<none>");
  EXPECT_EQ(Text(data, 3, "kind_kk"), "МКҚК");
  EXPECT_EQ(Text(data, 3, "budget_level_ru"), "местного самоуправления");
  EXPECT_EQ(Text(data, 0, "budget_level_kk"), "республикалық");

  // A Kazakh document lists them by their Kazakh names.
  const forms::DataSet kk = Fetch(tx, "institutions", Institutions(today), core::Lang::kKk);
  EXPECT_EQ(Column(kk, "name_kk"),
            (std::vector<std::string>{"Айгөлек бөбекжайы", "Білім бөлімі", "Гимназия № 1",
                                      "Мемлекеттік кірістер комитеті"}));
}

TEST_F(ReportSourcesTest, InstitutionsOfASubtreeAndAsOfADate) {
  pqxx::work tx(db());
  platform::ApplyActor(tx, platform::Actor::System("test"));
  const core::Date today = core::Date::Today();
  EXPECT_EQ(Column(Fetch(tx, "institutions", Institutions(today, department_)), "name_ru"),
            (std::vector<std::string>{"Отдел образования", "Школа № 1", "Ясли-сад Айгөлек"}));
  EXPECT_EQ(Column(Fetch(tx, "institutions", Institutions(today, school1_)), "name_ru"),
            (std::vector<std::string>{"Школа № 1"}));
  // Nothing was registered yesterday.
  EXPECT_TRUE(Fetch(tx, "institutions", Institutions(today.AddDays(-1))).rows.empty());
  // Registered yesterday evening (local time) is in yesterday's register.
  tx.exec_params(
      "UPDATE institutions SET created_at = to_timestamp($1::double precision) "
      "WHERE id = $2",
      reports::LocalDayStart(today) - 60, ministry_.value());
  EXPECT_EQ(Column(Fetch(tx, "institutions", Institutions(today.AddDays(-1))), "name_ru"),
            (std::vector<std::string>{"Министерство финансов"}));
}

TEST_F(ReportSourcesTest, InstitutionsOnlyWithinTheRowLevelScope) {
  pqxx::work tx(db());
  BecomeTenant(tx, {school1_, kindergarten_});
  const forms::DataSet data = Fetch(tx, "institutions", Institutions(core::Date::Today()));
  EXPECT_EQ(Column(data, "name_ru"), (std::vector<std::string>{"Школа № 1", "Ясли-сад Айгөлек"}));
  // The superior is outside the scope: its id is the row's own, its name is not printed.
  EXPECT_EQ(std::get<std::int64_t>(At(data, 0, "parent_id")), department_.value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(At(data, 0, "parent_name_ru")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(At(data, 0, "accounting_office_name_kk")));
  // A subtree rooted outside the scope is empty.
  EXPECT_TRUE(Fetch(tx, "institutions", Institutions(core::Date::Today(), ministry_)).rows.empty());
}

TEST_F(ReportSourcesTest, TheInstitutionsVersionChangesWithEveryChange) {
  const auto params = Institutions(core::Date::Today());
  std::string before;
  {
    pqxx::work tx(db());
    platform::ApplyActor(tx, platform::Actor::System("test"));
    before = Version(tx, "institutions", params);
    EXPECT_EQ(Version(tx, "institutions", params), before);
    auto school = platform::GetInstitution(tx, school1_).value();
    platform::InstitutionInput input{
        school.bin,    school.name_kk,           school.name_ru,  school.kind, school.budget_level,
        school.parent, school.accounting_office, school.abp_code, false};
    ASSERT_TRUE(platform::UpdateInstitution(tx, platform::Actor::System("test"), school1_,
                                            school.version, input)
                    .ok());
    tx.commit();
  }
  pqxx::work tx(db());
  platform::ApplyActor(tx, platform::Actor::System("test"));
  EXPECT_NE(Version(tx, "institutions", params), before);
  const forms::DataSet data =
      Fetch(tx, "institutions", Institutions(core::Date::Today(), school1_));
  EXPECT_EQ(Text(data, 0, "status_kk"), "жабылған");
  EXPECT_EQ(Text(data, 0, "status_ru"), "закрыто");
}

TEST_F(ReportSourcesTest, AuditEventsOfLocalDaysBothIncluded) {
  const std::int64_t day = reports::LocalDayStart(D("2026-03-15"));
  const std::int64_t next = reports::LocalDayStart(D("2026-03-16"));
  AuditAt(day - 1, "institution.update", school1_, teacher_);  // the 14th, 23:59:59
  AuditAt(day, "institution.update", school1_, teacher_);      // the 15th, 00:00:00
  AuditAt(next - 1, "login.failure", std::nullopt, std::nullopt, "security");
  AuditAt(next - 1, "access.denied", kindergarten_, teacher_, "security");
  AuditAt(next, "grant.create", school1_, std::nullopt);  // the 16th
  AuditAt(next + 60, "custom.thing", ministry_, std::nullopt);

  pqxx::work tx(db());
  platform::ApplyActor(tx, platform::Actor::System("test"));
  const forms::DataSet data = Fetch(tx, "audit_events", Audit(D("2026-03-15"), D("2026-03-15")));
  EXPECT_EQ(data.fields, forms::FindBuiltinSource("audit_events")->fields);
  ASSERT_EQ(data.rows.size(), 3u);
  EXPECT_EQ(Column(data, "occurred_at"),
            (std::vector<std::string>{"00:00:00", "23:59:59", "23:59:59"}));
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(std::get<core::Date>(At(data, i, "occurred_on")), D("2026-03-15"));
  }
  EXPECT_EQ(Text(data, 0, "action"), "institution.update");
  EXPECT_EQ(Text(data, 0, "action_kk"), "Мекеме туралы мәліметтер өзгертілді");
  EXPECT_EQ(Text(data, 0, "action_ru"), "Изменение сведений об учреждении");
  EXPECT_EQ(Text(data, 0, "actor_login"), "teacher");
  EXPECT_EQ(Text(data, 0, "kind_ru"), "изменение");
  EXPECT_EQ(Text(data, 0, "org_name_ru"), "Школа № 1");
  EXPECT_EQ(Text(data, 0, "org_name_kk"), "Гимназия № 1");
  EXPECT_EQ(Text(data, 0, "outcome_ru"), "выполнено");
  EXPECT_EQ(Text(data, 0, "entity"), "institution");
  EXPECT_EQ(Text(data, 0, "request_id"), "req-1");
  // A failed sign-in: no user, no institution, refused.
  EXPECT_EQ(Text(data, 1, "actor_login"), "");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(At(data, 1, "org_id")));
  EXPECT_EQ(Text(data, 1, "kind_kk"), "қауіпсіздік");
  EXPECT_EQ(Text(data, 1, "outcome_kk"), "қабылданбады");
  EXPECT_EQ(Text(data, 2, "action_ru"), "Отказ в доступе");

  // Two days; unknown actions are described generically.
  const forms::DataSet both = Fetch(tx, "audit_events", Audit(D("2026-03-15"), D("2026-03-16")));
  ASSERT_EQ(both.rows.size(), 5u);
  EXPECT_EQ(Text(both, 4, "action_ru"), "Действие: custom.thing");
  EXPECT_EQ(Text(both, 4, "action_kk"), "Әрекет: custom.thing");
}

TEST_F(ReportSourcesTest, AuditEventsFilteredAndWithinTheRowLevelScope) {
  const std::int64_t noon = reports::LocalDayStart(D("2026-03-15")) + 12 * 3600;
  AuditAt(noon, "institution.update", school1_, teacher_);
  AuditAt(noon + 1, "login.success", school1_, teacher_, "security");
  AuditAt(noon + 2, "login.failure", kindergarten_, std::nullopt, "security");
  AuditAt(noon + 3, "grant.create", ministry_, teacher_);

  pqxx::work tx(db());
  platform::ApplyActor(tx, platform::Actor::System("test"));
  auto params = Audit(D("2026-03-15"), D("2026-03-15"));
  params["actor"] = std::string(" Teacher ");
  EXPECT_EQ(Column(Fetch(tx, "audit_events", params), "action"),
            (std::vector<std::string>{"institution.update", "login.success", "grant.create"}));
  params["action"] = std::string("login.");
  EXPECT_EQ(Column(Fetch(tx, "audit_events", params), "action"),
            (std::vector<std::string>{"login.success"}));
  params = Audit(D("2026-03-15"), D("2026-03-15"));
  params["institution"] = department_.value();
  EXPECT_EQ(Column(Fetch(tx, "audit_events", params), "action"),
            (std::vector<std::string>{"institution.update", "login.success", "login.failure"}));
  tx.commit();

  pqxx::work tenant(db());
  BecomeTenant(tenant, {kindergarten_});
  EXPECT_EQ(
      Column(Fetch(tenant, "audit_events", Audit(D("2026-03-15"), D("2026-03-15"))), "action"),
      (std::vector<std::string>{"login.failure"}));
}

TEST_F(ReportSourcesTest, TheAuditVersionFollowsThePeriodsRows) {
  const std::int64_t day = reports::LocalDayStart(D("2026-03-15"));
  AuditAt(day + 10, "institution.update", school1_, teacher_);
  const auto params = Audit(D("2026-03-15"), D("2026-03-15"));
  std::string before;
  {
    pqxx::work tx(db());
    platform::ApplyActor(tx, platform::Actor::System("test"));
    before = Version(tx, "audit_events", params);
  }
  AuditAt(day + 2 * 86400, "institution.update", school1_, teacher_);  // after the period
  {
    pqxx::work tx(db());
    platform::ApplyActor(tx, platform::Actor::System("test"));
    EXPECT_EQ(Version(tx, "audit_events", params), before);
  }
  AuditAt(day + 20, "institution.update", school1_, teacher_);
  pqxx::work tx(db());
  platform::ApplyActor(tx, platform::Actor::System("test"));
  EXPECT_NE(Version(tx, "audit_events", params), before);
}

TEST_F(ReportSourcesTest, AnAuditPeriodEndsAfterItStarts) {
  const auto* source = reports::BuiltinDataSources().Find("audit_events");
  EXPECT_EQ(source->permission, "audit.read");
  EXPECT_TRUE(source->check(Audit(D("2026-03-15"), D("2026-03-15"))).ok());
  const core::Status backwards = source->check(Audit(D("2026-03-15"), D("2026-03-14")));
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().code, "report.parameter.range");
  EXPECT_EQ(backwards.error().field, "to");
  EXPECT_NE(backwards.error().message.ru.find("14.03.2026"), std::string::npos);
  EXPECT_EQ(reports::DescribeAuditAction("job.create").kk, "Фондық тапсырма іске қосылды");
  EXPECT_TRUE(reports::IsRefusalAction("login.lockout"));
  EXPECT_FALSE(reports::IsRefusalAction("login.success"));
}

TEST_F(ReportSourcesTest, SignatoriesAreCheckedStoredAuditedAndPrinted) {
  pqxx::work tx(db());
  BecomeTenant(tx, {department_});
  const platform::Actor actor{teacher_, {department_}, "req", false};
  using S = reports::InstitutionSignatory;

  auto unknown = reports::SetSignatories(tx, actor, department_, {S{"mayor", {}, "X"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "signatory.role");
  EXPECT_EQ(unknown.error().field, "signatories[0].role");
  auto twice =
      reports::SetSignatories(tx, actor, department_, {S{"head", {}, "A"}, S{"head", {}, "B"}});
  EXPECT_EQ(twice.error().field, "signatories[1].role");
  auto nameless = reports::SetSignatories(tx, actor, department_, {S{"head", {}, "  "}});
  EXPECT_EQ(nameless.error().field, "signatories[0].person_name");
  auto half =
      reports::SetSignatories(tx, actor, department_, {S{"head", {"Бөлім басшысы", "", ""}, "A"}});
  EXPECT_EQ(half.error().field, "signatories[0].position_ru");

  auto stored = reports::SetSignatories(
      tx, actor, department_,
      {S{"chief_accountant", {}, " Г. Б. Ахметова "},
       S{"head", {"Бөлім басшысы", "Начальник отдела", ""}, "Ә. С. Омарова"}});
  ASSERT_TRUE(stored.ok()) << stored.error().message.en;
  // Stored trimmed, in the order of the signature roles.
  const auto listed = reports::ListSignatories(tx, department_);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].role, "head");
  EXPECT_EQ(listed[1].person_name, "Г. Б. Ахметова");
  EXPECT_EQ(listed, stored.value());
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log WHERE action = 'institution.signatories'")[0]
                .as<int>(),
            1);
  // The same list again is not a change.
  ASSERT_TRUE(reports::SetSignatories(tx, actor, department_, listed).ok());
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log WHERE action = 'institution.signatories'")[0]
                .as<int>(),
            1);

  // The executor is whoever runs the report, unless the institution named one.
  auto printed = reports::ReportSignatories(tx, department_, "Мұғалім М.");
  EXPECT_EQ(printed.at("head").position.ru, "Начальник отдела");
  EXPECT_EQ(printed.at("executor").person_name, "Мұғалім М.");
  EXPECT_TRUE(printed.at("executor").position.ru.empty());
  ASSERT_TRUE(
      reports::SetSignatories(tx, actor, department_, {S{"executor", {}, "Исполнитель И."}}).ok());
  EXPECT_EQ(reports::ReportSignatories(tx, department_, "Мұғалім М.").at("executor").person_name,
            "Исполнитель И.");

  // Another institution's signatories are out of reach.
  auto hidden = reports::SetSignatories(tx, actor, ministry_, {S{"head", {}, "X"}});
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, "institution.not_found");
  tx.commit();

  pqxx::work other(db());
  BecomeTenant(other, {school1_});
  EXPECT_TRUE(reports::ListSignatories(other, department_).empty());
}

}  // namespace
}  // namespace esep::testing
