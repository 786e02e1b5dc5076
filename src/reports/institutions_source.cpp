#include "esep/reports/institutions_source.hpp"

#include <optional>
#include <string>
#include <variant>

#include <pqxx/pqxx>

#include "esep/forms/builtin_sources.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/reports/local_time.hpp"
#include "source_params.hpp"

namespace esep::reports {
namespace {

// Both queries take the same filter: $1 the subtree's root (NULL = all), $2 the end of the
// `as_of` day. Row-level security hides what the caller may not see; a recursive walk
// stops at a hidden institution, which is what the caller may print anyway.
constexpr const char* kFilter =
    " WHERE ($1::bigint IS NULL OR i.id IN ("
    "   WITH RECURSIVE sub(id) AS ("
    "     SELECT id FROM institutions WHERE id = $1::bigint"
    "     UNION SELECT c.id FROM institutions c JOIN sub ON c.parent_id = sub.id)"
    "   SELECT id FROM sub))"
    "   AND i.created_at < to_timestamp($2::double precision)";

forms::Value Text(const pqxx::field& field) {
  if (field.is_null()) return std::monostate{};
  return field.as<std::string>();
}

forms::Value Integer(const pqxx::field& field) {
  if (field.is_null()) return std::monostate{};
  return field.as<std::int64_t>();
}

core::Result<forms::DataSet> Fetch(pqxx::dbtransaction& tx, const forms::ParameterValues& params,
                                   core::Lang lang) {
  const auto as_of = DateParameter(params, "as_of");
  if (!as_of) return as_of.error();
  const std::optional<std::string> root = IdParameterText(params, "institution");
  const std::string order = lang == core::Lang::kKk ? "i.name_kk" : "i.name_ru";
  const auto rows = tx.exec_params(
      "SELECT i.id, i.bin, i.name_kk, i.name_ru, i.kind, i.budget_level, i.abp_code, "
      "i.parent_id, p.name_kk, p.name_ru, i.accounting_office_id, a.name_kk, a.name_ru, "
      "i.active, (extract(epoch FROM i.created_at) * 1000000)::bigint "
      "FROM institutions i "
      "LEFT JOIN institutions p ON p.id = i.parent_id "
      "LEFT JOIN institutions a ON a.id = i.accounting_office_id" +
          std::string(kFilter) + " ORDER BY " + order + ", i.id",
      root ? root->c_str() : nullptr, LocalDayStart(as_of->AddDays(1)));

  forms::DataSet data;
  data.fields = forms::FindBuiltinSource("institutions")->fields;
  data.rows.reserve(rows.size());
  for (const auto& row : rows) {
    const auto kind = platform::ParseInstitutionKind(row[4].as<std::string>());
    const platform::InstitutionKindInfo* info = kind ? &platform::KindInfo(*kind) : nullptr;
    const int level = row[5].as<int>();
    const core::LocalizedText level_name = BudgetLevelName(level);
    const bool active = row[13].as<bool>();
    const core::Date registered = ToLocal(row[14].as<std::int64_t>()).date;
    std::vector<forms::Value> values{
        row[0].as<std::int64_t>(),
        row[1].as<std::string>(),
        row[2].as<std::string>(),
        row[3].as<std::string>(),
        row[4].as<std::string>(),
        info ? forms::Value(info->short_name.kk) : forms::Value(std::monostate{}),
        info ? forms::Value(info->short_name.ru) : forms::Value(std::monostate{}),
        std::int64_t{level},
        level_name.kk,
        level_name.ru,
        Text(row[6]),
        Integer(row[7]),
        Text(row[8]),
        Text(row[9]),
        Integer(row[10]),
        Text(row[11]),
        Text(row[12]),
        std::string(active ? "жұмыс істейді" : "жабылған"),
        std::string(active ? "действует" : "закрыто"),
        registered,
    };
    data.rows.push_back(std::move(values));
  }
  return data;
}

std::string Version(pqxx::dbtransaction& tx, const forms::ParameterValues&) {
  // Every change raises `version` and sets updated_at; a registration adds a row. The whole
  // visible register counts, because parents' and offices' names appear in other rows.
  const auto row = tx.exec1(
      "SELECT count(*), coalesce(sum(version), 0), "
      "coalesce((extract(epoch FROM max(updated_at)) * 1000000)::bigint, 0) FROM institutions");
  return row[0].as<std::string>() + ":" + row[1].as<std::string>() + ":" + row[2].as<std::string>();
}

}  // namespace

core::LocalizedText BudgetLevelName(int level) {
  switch (level) {
    case 1:
      return {"республикалық", "республиканский", "republican"};
    case 2:
      return {"облыстық", "областной", "regional"};
    case 3:
      return {"аудандық", "районный", "district"};
    case 4:
      return {"жергілікті өзін-өзі басқару", "местного самоуправления", "local self-government"};
    default:
      return {};
  }
}

DataSource InstitutionsSource() {
  DataSource source;
  source.schema = *forms::FindBuiltinSource("institutions");
  source.version = Version;
  source.fetch = Fetch;
  return source;
}

}  // namespace esep::reports
