#include "esep/platform/institutions.hpp"

#include <array>
#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <string>
#include <utility>

#include "esep/core/iin.hpp"
#include "esep/core/text.hpp"
#include "esep/platform/audit.hpp"

namespace esep::platform {
namespace {

constexpr const char* kColumns =
    "id, bin, name_kk, name_ru, kind, budget_level, parent_id, accounting_office_id, abp_code, "
    "active, version";

core::Error NotFound(core::OrgId id) {
  core::Error error = core::MakeError("institution.not_found", "Мекеме табылмады",
                                      "Учреждение не найдено", "Institution not found", "id");
  error.details = boost::json::serialize(boost::json::object{{"id", id.value()}});
  return error;
}

core::Error VersionConflict(int current) {
  const std::string version = std::to_string(current);
  core::Error error = core::MakeError(
      "institution.version_conflict",
      "Мекеме туралы мәліметтерді басқа пайдаланушы өзгертті (қазіргі нұсқасы: " + version +
          "). Деректерді жаңартып, қайталаңыз",
      "Сведения об учреждении уже изменил другой пользователь (текущая версия: " + version +
          "). Обновите данные и повторите",
      "Another user has changed the institution (current version: " + version +
          "). Reload it and try again",
      "version");
  error.details = boost::json::serialize(boost::json::object{{"current_version", current}});
  return error;
}

core::Error BinTaken() {
  return core::MakeError("institution.bin_taken", "Бұл БСН-мен мекеме тіркеліп қойған",
                         "Учреждение с таким БИН уже зарегистрировано",
                         "An institution with this BIN is already registered", "bin");
}

// libpqxx 6 has no std::optional parameters; a null char pointer is SQL NULL.
const char* Nullable(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

std::optional<std::string> IdText(const std::optional<core::OrgId>& id) {
  if (!id) return std::nullopt;
  return std::to_string(id->value());
}

std::optional<core::OrgId> OptionalId(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return core::OrgId(field.as<std::int64_t>());
}

Institution FromRow(const pqxx::row& row) {
  Institution institution;
  institution.id = core::OrgId(row[0].as<std::int64_t>());
  institution.bin = row[1].as<std::string>();
  institution.name_kk = row[2].as<std::string>();
  institution.name_ru = row[3].as<std::string>();
  // The CHECK constraint admits only the three codes.
  institution.kind = ParseInstitutionKind(row[4].as<std::string>()).value_or(InstitutionKind::kGu);
  institution.budget_level = row[5].as<int>();
  institution.parent = OptionalId(row[6]);
  institution.accounting_office = OptionalId(row[7]);
  if (!row[8].is_null()) institution.abp_code = row[8].as<std::string>();
  institution.active = row[9].as<bool>();
  institution.version = row[10].as<int>();
  return institution;
}

boost::json::value IdJson(const std::optional<core::OrgId>& id) {
  if (!id) return nullptr;
  return id->value();
}

std::string ToJson(const Institution& institution) {
  boost::json::object object{
      {"id", institution.id.value()},
      {"bin", institution.bin},
      {"name_kk", institution.name_kk},
      {"name_ru", institution.name_ru},
      {"kind", InstitutionKindCode(institution.kind)},
      {"budget_level", institution.budget_level},
      {"parent_id", IdJson(institution.parent)},
      {"accounting_office_id", IdJson(institution.accounting_office)},
      {"active", institution.active},
      {"version", institution.version},
  };
  object["abp_code"] = institution.abp_code ? boost::json::value(*institution.abp_code)
                                            : boost::json::value(nullptr);
  return boost::json::serialize(object);
}

void Audit(pqxx::dbtransaction& tx, const Actor& actor, std::string action,
           const std::optional<Institution>& before, const Institution& after,
           std::string details_json = {}) {
  AuditEntry entry;
  entry.kind = AuditKind::kMutation;
  entry.action = std::move(action);
  entry.org = after.id;
  entry.entity = "institution";
  entry.entity_id = std::to_string(after.id.value());
  if (before) entry.before_json = ToJson(*before);
  entry.after_json = ToJson(after);
  entry.details_json = std::move(details_json);
  AppendAudit(tx, actor, entry);
}

std::string Trim(std::string_view text) { return std::string(core::TrimSpaces(text)); }

bool IsThreeDigits(const std::string& code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The checks that need no database, in the order a form shows its fields. Returns the input
// as it will be stored.
core::Result<InstitutionInput> Normalize(const InstitutionInput& input) {
  InstitutionInput normal = input;
  auto bin = core::Bin::Parse(input.bin, "bin");
  if (!bin) return bin.error();
  normal.bin = bin->str();
  normal.name_kk = Trim(input.name_kk);
  if (normal.name_kk.empty()) {
    return core::MakeError("institution.name_required",
                           "Мекеменің қазақ тіліндегі атауын толтырыңыз",
                           "Заполните наименование учреждения на казахском языке",
                           "Fill in the institution's name in Kazakh", "name_kk");
  }
  normal.name_ru = Trim(input.name_ru);
  if (normal.name_ru.empty()) {
    return core::MakeError("institution.name_required",
                           "Мекеменің орыс тіліндегі атауын толтырыңыз",
                           "Заполните наименование учреждения на русском языке",
                           "Fill in the institution's name in Russian", "name_ru");
  }
  if (input.budget_level < 1 || input.budget_level > 4) {
    return core::MakeError(
        "institution.budget_level",
        "Бюджет деңгейі 1-ден 4-ке дейін: 1 республикалық, 2 облыстық, 3 аудандық, 4 жергілікті "
        "өзін-өзі басқару",
        "Уровень бюджета от 1 до 4: 1 республиканский, 2 областной, 3 районный, 4 местного "
        "самоуправления",
        "Budget level is 1 to 4: 1 republican, 2 regional, 3 district, 4 local self-government",
        "budget_level");
  }
  if (input.abp_code && !IsThreeDigits(*input.abp_code)) {
    return core::MakeError("institution.abp_code", "БӘБ коды үш цифрдан тұрады (мысалы, 464)",
                           "Код АБП состоит из трёх цифр (например, 464)",
                           "The budget program administrator code is three digits (e.g. 464)",
                           "abp_code");
  }
  return normal;
}

core::Status CheckBinFree(pqxx::dbtransaction& tx, const std::string& bin,
                          std::optional<core::OrgId> self) {
  const auto taken = tx.exec_params1(
      "SELECT EXISTS (SELECT 1 FROM institutions WHERE bin = $1 AND id IS DISTINCT FROM $2)", bin,
      Nullable(IdText(self)));
  if (taken[0].as<bool>()) return BinTaken();
  return core::Status::Ok();
}

core::Status CheckParent(pqxx::dbtransaction& tx, core::OrgId parent,
                         std::optional<core::OrgId> self) {
  core::Error cycle = core::MakeError(
      "institution.parent_cycle", "Мекеме өзіне немесе өзіне бағынысты мекемеге бағына алмайды",
      "Учреждение не может подчиняться самому себе или подведомственному ему учреждению",
      "An institution cannot be placed under itself or under one of its subordinates", "parent");
  if (self && *self == parent) return cycle;
  // The new parent's chain of superiors; meeting `self` in it would close a loop.
  const auto chain = tx.exec_params(
      "WITH RECURSIVE up(id, parent_id) AS ("
      "  SELECT id, parent_id FROM institutions WHERE id = $1"
      "  UNION"
      "  SELECT i.id, i.parent_id FROM institutions i JOIN up ON i.id = up.parent_id"
      ") SELECT id FROM up",
      parent.value());
  if (chain.empty()) {
    return core::MakeError("institution.parent_not_found", "Жоғары тұрған мекеме табылмады",
                           "Вышестоящее учреждение не найдено", "Parent institution not found",
                           "parent");
  }
  if (self) {
    for (const auto& row : chain) {
      if (row[0].as<std::int64_t>() == self->value()) return cycle;
    }
  }
  return core::Status::Ok();
}

core::Status CheckAccountingOffice(pqxx::dbtransaction& tx, core::OrgId office,
                                   std::optional<core::OrgId> self) {
  if (self && *self == office) {
    return core::MakeError(
        "institution.accounting_office_self",
        "Мекеме өзіне орталықтандырылған бухгалтерия бола алмайды; есепті өзі жүргізсе, өрісті "
        "бос қалдырыңыз",
        "Учреждение не может быть централизованной бухгалтерией самому себе; если учёт ведёт "
        "своя бухгалтерия, оставьте поле пустым",
        "An institution cannot be its own accounting office; leave the field empty when it keeps "
        "its own books",
        "accounting_office");
  }
  const auto found =
      tx.exec_params("SELECT active FROM institutions WHERE id = $1", office.value());
  if (found.empty()) {
    return core::MakeError("institution.accounting_office_not_found",
                           "Орталықтандырылған бухгалтерия табылмады",
                           "Централизованная бухгалтерия не найдена", "Accounting office not found",
                           "accounting_office");
  }
  if (!found[0][0].as<bool>()) {
    return core::MakeError("institution.accounting_office_inactive",
                           "Орталықтандырылған бухгалтерия жабылған (белсенді емес)",
                           "Централизованная бухгалтерия закрыта (неактивна)",
                           "The accounting office is closed (inactive)", "accounting_office");
  }
  return core::Status::Ok();
}

// The row locked for the rest of the transaction, so that the version read is the one the
// UPDATE replaces.
std::optional<Institution> LockInstitution(pqxx::dbtransaction& tx, core::OrgId id) {
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kColumns + " FROM institutions WHERE id = $1 FOR UPDATE",
      id.value());
  if (rows.empty()) return std::nullopt;
  return FromRow(rows[0]);
}

bool IsBinUniqueViolation(const pqxx::unique_violation& e) {
  return std::string_view(e.what()).find("institutions_bin_key") != std::string_view::npos;
}

}  // namespace

std::span<const InstitutionKindInfo> AllInstitutionKinds() {
  static const std::array<InstitutionKindInfo, 3> kKinds{{
      {InstitutionKind::kGu,
       "gu",
       {"ММ", "ГУ", "SI"},
       {"Мемлекеттік мекеме", "Государственное учреждение", "State institution"}},
      {InstitutionKind::kKgu,
       "kgu",
       {"КММ", "КГУ", "MSI"},
       {"Коммуналдық мемлекеттік мекеме", "Коммунальное государственное учреждение",
        "Municipal state institution"}},
      {InstitutionKind::kGkkp,
       "gkkp",
       {"МКҚК", "ГККП", "SMTE"},
       {"Мемлекеттік коммуналдық қазыналық кәсіпорын",
        "Государственное коммунальное казённое предприятие",
        "State municipal treasury enterprise"}},
  }};
  return kKinds;
}

const InstitutionKindInfo& KindInfo(InstitutionKind kind) {
  return AllInstitutionKinds()[static_cast<std::size_t>(kind)];
}

std::string_view InstitutionKindCode(InstitutionKind kind) { return KindInfo(kind).code; }

std::optional<InstitutionKind> ParseInstitutionKind(std::string_view code) {
  for (const auto& info : AllInstitutionKinds()) {
    if (info.code == code) return info.kind;
  }
  return std::nullopt;
}

core::Result<Institution> CreateInstitution(pqxx::dbtransaction& tx, const Actor& actor,
                                            const InstitutionInput& input) {
  auto normal = Normalize(input);
  if (!normal) return normal.error();
  const InstitutionInput& in = *normal;
  if (auto free = CheckBinFree(tx, in.bin, std::nullopt); !free) return free.error();
  if (in.parent) {
    if (auto parent = CheckParent(tx, *in.parent, std::nullopt); !parent) return parent.error();
  }
  if (in.accounting_office) {
    if (auto office = CheckAccountingOffice(tx, *in.accounting_office, std::nullopt); !office) {
      return office.error();
    }
  }

  // The id is taken first so that the transaction can add it to its visible institutions:
  // under row-level security the INSERT is allowed by the parent's visibility, but reading
  // the new row back (RETURNING, the audit row) needs the row's own.
  const auto id = tx.exec1("SELECT nextval(pg_get_serial_sequence('institutions', 'id'))")[0]
                      .as<std::int64_t>();
  tx.exec_params(
      "SELECT set_config('esep.org_ids', (coalesce(nullif(current_setting('esep.org_ids', true), "
      "''), '{}')::bigint[] || $1::bigint)::text, true)",
      id);
  try {
    const auto row = tx.exec_params1(
        std::string("INSERT INTO institutions (id, bin, name_kk, name_ru, kind, budget_level, "
                    "parent_id, accounting_office_id, abp_code, active) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ") +
            kColumns,
        id, in.bin, in.name_kk, in.name_ru, std::string(InstitutionKindCode(in.kind)),
        in.budget_level, Nullable(IdText(in.parent)), Nullable(IdText(in.accounting_office)),
        Nullable(in.abp_code), in.active);
    const Institution created = FromRow(row);
    Audit(tx, actor, "institution.create", std::nullopt, created);
    return created;
  } catch (const pqxx::unique_violation& e) {
    // Only an institution hidden from this actor gets past CheckBinFree.
    if (IsBinUniqueViolation(e)) return BinTaken();
    throw;
  }
}

core::Result<Institution> UpdateInstitution(pqxx::dbtransaction& tx, const Actor& actor,
                                            core::OrgId id, int expected_version,
                                            const InstitutionInput& input) {
  const auto before = LockInstitution(tx, id);
  if (!before) return NotFound(id);
  if (before->version != expected_version) return VersionConflict(before->version);
  if (input.kind != before->kind) {
    return core::MakeError(
        "institution.kind_change_separate", "Мекеменің түрін (сценарийін) ауыстыру — жеке операция",
        "Смена вида (сценария) учреждения — отдельная операция",
        "Changing an institution's kind (scenario) is a separate operation", "kind");
  }
  auto normal = Normalize(input);
  if (!normal) return normal.error();
  const InstitutionInput& in = *normal;
  if (in.bin != before->bin) {
    if (auto free = CheckBinFree(tx, in.bin, id); !free) return free.error();
  }
  if (in.parent && in.parent != before->parent) {
    if (auto parent = CheckParent(tx, *in.parent, id); !parent) return parent.error();
  }
  if (in.accounting_office && in.accounting_office != before->accounting_office) {
    if (auto office = CheckAccountingOffice(tx, *in.accounting_office, id); !office) {
      return office.error();
    }
  }

  Institution wanted = *before;
  wanted.bin = in.bin;
  wanted.name_kk = in.name_kk;
  wanted.name_ru = in.name_ru;
  wanted.budget_level = in.budget_level;
  wanted.parent = in.parent;
  wanted.accounting_office = in.accounting_office;
  wanted.abp_code = in.abp_code;
  wanted.active = in.active;
  // Saving an unchanged form is not a change: no new version, nothing to audit.
  if (wanted == *before) return *before;

  try {
    const auto row = tx.exec_params1(
        std::string("UPDATE institutions SET bin = $2, name_kk = $3, name_ru = $4, "
                    "budget_level = $5, parent_id = $6, accounting_office_id = $7, "
                    "abp_code = $8, active = $9, version = version + 1, updated_at = now() "
                    "WHERE id = $1 RETURNING ") +
            kColumns,
        id.value(), in.bin, in.name_kk, in.name_ru, in.budget_level, Nullable(IdText(in.parent)),
        Nullable(IdText(in.accounting_office)), Nullable(in.abp_code), in.active);
    const Institution after = FromRow(row);
    Audit(tx, actor, "institution.update", before, after);
    return after;
  } catch (const pqxx::unique_violation& e) {
    if (IsBinUniqueViolation(e)) return BinTaken();
    throw;
  }
}

core::Result<Institution> ChangeInstitutionKind(pqxx::dbtransaction& tx, const Actor& actor,
                                                core::OrgId id, int expected_version,
                                                InstitutionKind kind) {
  const auto before = LockInstitution(tx, id);
  if (!before) return NotFound(id);
  if (before->version != expected_version) return VersionConflict(before->version);
  if (before->kind == kind) return *before;
  const auto row = tx.exec_params1(
      std::string("UPDATE institutions SET kind = $2, version = version + 1, updated_at = now() "
                  "WHERE id = $1 RETURNING ") +
          kColumns,
      id.value(), std::string(InstitutionKindCode(kind)));
  const Institution after = FromRow(row);
  Audit(tx, actor, "institution.change_kind", before, after,
        boost::json::serialize(boost::json::object{{"from", InstitutionKindCode(before->kind)},
                                                   {"to", InstitutionKindCode(kind)}}));
  return after;
}

core::Result<Institution> GetInstitution(pqxx::dbtransaction& tx, core::OrgId id) {
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kColumns + " FROM institutions WHERE id = $1", id.value());
  if (rows.empty()) return NotFound(id);
  return FromRow(rows[0]);
}

std::vector<Institution> ListInstitutions(pqxx::dbtransaction& tx,
                                          const InstitutionFilter& filter) {
  const std::string text = Trim(filter.text);
  std::optional<std::string> kind;
  if (filter.kind) kind = std::string(InstitutionKindCode(*filter.kind));
  std::optional<std::string> active;
  if (filter.active) active = *filter.active ? "true" : "false";
  const int limit = filter.limit < 1 ? 1 : (filter.limit > 1000 ? 1000 : filter.limit);
  const int offset = filter.offset < 0 ? 0 : filter.offset;
  // One static statement with "parameter is null or matches" terms: few enough institutions
  // that a generic plan is fine, and no SQL is built from pieces.
  const auto rows = tx.exec_params(
      std::string("SELECT ") + kColumns +
          " FROM institutions"
          " WHERE ($1::text = '' OR strpos(lower(name_ru), lower($1::text)) > 0"
          "        OR strpos(lower(name_kk), lower($1::text)) > 0 OR strpos(bin, $1::text) > 0)"
          "   AND ($2::bigint IS NULL OR parent_id = $2::bigint)"
          "   AND ($3::text IS NULL OR kind = $3::text)"
          "   AND ($4::bigint IS NULL OR accounting_office_id = $4::bigint)"
          "   AND ($5::boolean IS NULL OR active = $5::boolean)"
          " ORDER BY name_ru, id LIMIT $6 OFFSET $7",
      text, Nullable(IdText(filter.parent)), Nullable(kind),
      Nullable(IdText(filter.accounting_office)), Nullable(active), limit, offset);
  std::vector<Institution> institutions;
  institutions.reserve(rows.size());
  for (const auto& row : rows) institutions.push_back(FromRow(row));
  return institutions;
}

std::vector<core::OrgId> Subtree(pqxx::dbtransaction& tx, core::OrgId root) {
  const auto rows = tx.exec_params(
      "WITH RECURSIVE down(id) AS ("
      "  SELECT id FROM institutions WHERE id = $1"
      "  UNION"
      "  SELECT i.id FROM institutions i JOIN down ON i.parent_id = down.id"
      ") SELECT id FROM down ORDER BY id",
      root.value());
  std::vector<core::OrgId> ids;
  ids.reserve(rows.size());
  for (const auto& row : rows) ids.emplace_back(row[0].as<std::int64_t>());
  return ids;
}

}  // namespace esep::platform
