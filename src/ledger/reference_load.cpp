#include "esep/ledger/reference_load.hpp"

#include <boost/json.hpp>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <string>

#include "esep/platform/audit.hpp"
#include "sql_array.hpp"

namespace esep::ledger {
namespace {

// Where a kind is stored and how its columns read and write as the file's normalized text.
struct TableSpec {
  std::string table;
  std::string filter;  ///< SQL restricting the table to the kind ("true" for own tables)
  std::string key;     ///< SQL giving ReferenceRow::key
  std::vector<std::string> columns;  ///< the table's columns, in ReferenceColumns order
  std::vector<std::string> read;     ///< SQL reading each column as the file's text
  std::vector<std::string> write;    ///< SQL writing each from text `%` (replaced by the value)
  std::string fixed_columns, fixed_values;  ///< ledger_codes' `kind`
};

std::string Quote(std::string_view text) { return "'" + std::string(text) + "'"; }

const std::string kPostableRead = "CASE WHEN postable THEN 'true' ELSE 'false' END";

TableSpec SpecOf(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kAccounts:
      return {"ledger_accounts",
              "true",
              "code",
              ReferenceColumns(kind),
              {"code", "name_kk", "name_ru", "section::text", "kind", "balance", kPostableRead,
               "array_to_string(dimensions, ';')", "source"},
              {"%", "%", "%", "(%)::smallint", "%", "%", "(%)::boolean",
               "CASE WHEN % = '' THEN '{}'::text[] ELSE string_to_array(%, ';') END", "%"},
              "",
              ""};
    case ReferenceKind::kMemorialOrders:
      return {"ledger_memorial_orders",
              "true",
              "number::text",
              ReferenceColumns(kind),
              {"number::text", "name_kk", "name_ru", "form", "source"},
              {"(%)::smallint", "%", "%", "%", "%"},
              "",
              ""};
    case ReferenceKind::kMemorialOrderRules:
      return {"ledger_memorial_order_rules",
              "true",
              "debit_prefix || '|' || credit_prefix || '|' || priority::text",
              ReferenceColumns(kind),
              {"debit_prefix", "credit_prefix", "priority::text", "order_number::text", "source"},
              {"%", "%", "(%)::smallint", "(%)::smallint", "%"},
              "",
              ""};
    default:
      return {"ledger_codes",
              "kind = " + Quote(CodeKindOf(kind)),
              "code",
              ReferenceColumns(kind),
              {"code", "coalesce(parent_code, '')", "level", kPostableRead, "name_kk", "name_ru",
               "source"},
              {"%", "NULLIF(%, '')", "%", "(%)::boolean", "%", "%", "%"},
              "kind, ",
              Quote(CodeKindOf(kind)) + ", "};
  }
}

std::string Replace(std::string pattern, const std::string& value) {
  for (auto at = pattern.find('%'); at != std::string::npos;
       at = pattern.find('%', at + value.size())) {
    pattern.replace(at, 1, value);
  }
  return pattern;
}

struct InForce {
  std::string valid_from;
  std::vector<std::string> values;
};

std::map<std::string, InForce> OpenRows(pqxx::dbtransaction& tx, const TableSpec& spec) {
  std::string sql = "SELECT " + spec.key + ", valid_from::text";
  for (const std::string& column : spec.read) sql += ", " + column;
  sql += " FROM " + spec.table + " WHERE " + spec.filter + " AND valid_to IS NULL";
  std::map<std::string, InForce> rows;
  for (const pqxx::row& row : tx.exec(sql)) {
    InForce in_force{row[1].as<std::string>(), {}};
    for (std::size_t i = 0; i < spec.read.size(); ++i) {
      in_force.values.push_back(row[static_cast<int>(i) + 2].as<std::string>());
    }
    rows.emplace(row[0].as<std::string>(), std::move(in_force));
  }
  return rows;
}

void Insert(pqxx::dbtransaction& tx, const TableSpec& spec,
            const std::vector<const ReferenceRow*>& rows, const std::string& from) {
  if (rows.empty()) return;
  // All values travel as one array, row after row: one statement whatever the file's size.
  std::vector<std::string> flat;
  for (const ReferenceRow* row : rows)
    flat.insert(flat.end(), row->values.begin(), row->values.end());
  const std::size_t width = spec.columns.size();
  std::string columns = spec.fixed_columns;
  std::string values = spec.fixed_values;
  for (std::size_t i = 0; i < width; ++i) {
    columns += spec.columns[i] + ", ";
    values += Replace(spec.write[i], "v[(i - 1) * " + std::to_string(width) + " + " +
                                         std::to_string(i + 1) + "]") +
              ", ";
  }
  tx.exec_params("INSERT INTO " + spec.table + " (" + columns + "valid_from) SELECT " + values +
                     "$2::date FROM (SELECT $1::text[] AS v) a, generate_series(1, $3::int) AS i",
                 detail::TextArray(flat), from, static_cast<int>(rows.size()));
}

core::Error EditionOrderError(std::string_view file_name, const std::string& latest,
                              const std::string& from) {
  core::Error error = core::MakeError(
      "reference.edition_order",
      "Бұл анықтамалықтың " + latest + " күнінен бастап редакциясы жүктелген: " + from +
          " күнінен бастап жүктеуге болмайды (редакциялар күн ретімен жүктеледі)",
      "Уже загружена редакция этого справочника с " + latest + ": загрузить с " + from +
          " нельзя (редакции загружаются по порядку дат)",
      "An edition of this reference from " + latest + " is loaded already: cannot load one from " +
          from + " (editions are loaded in date order)",
      std::string(file_name));
  error.details = latest;
  return error;
}

// Rules name memorial orders; the orders in force on the date must have them.
std::vector<core::Error> CheckRuleOrders(pqxx::dbtransaction& tx,
                                         const std::vector<ReferenceRow>& rows,
                                         std::string_view file_name, const std::string& from) {
  std::set<std::string> orders;
  for (const pqxx::row& row : tx.exec_params(
           "SELECT number::text FROM ledger_memorial_orders WHERE valid_from <= $1::date "
           "AND (valid_to IS NULL OR valid_to >= $1::date)",
           from)) {
    orders.insert(row[0].as<std::string>());
  }
  std::vector<core::Error> errors;
  for (const ReferenceRow& row : rows) {
    const std::string& number = row.values[3];
    if (orders.count(number) > 0) continue;
    errors.push_back(CellError("reference.order_missing",
                               number + " мемориалдық ордері " + from +
                                   " күні қолданыста жоқ (алдымен memorial_orders жүктеңіз)",
                               "Мемориального ордера " + number + " нет в действии на " + from +
                                   " (сначала загрузите memorial_orders)",
                               "Memorial order " + number + " is not in force on " + from +
                                   " (load memorial_orders first)",
                               file_name, row.line, "order_number", number));
  }
  return errors;
}

}  // namespace

ReferenceLoadResult LoadReferenceEdition(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                         ReferenceKind kind, std::string_view text,
                                         std::string_view file_name, core::Date from) {
  ReferenceLoadResult result;
  ParsedReference parsed = ParseReferenceFile(kind, text, file_name);
  const std::string from_iso = from.ToIso();
  const TableSpec spec = SpecOf(kind);
  if (parsed.errors.empty() && kind == ReferenceKind::kMemorialOrderRules) {
    parsed.errors = CheckRuleOrders(tx, parsed.rows, file_name, from_iso);
  }
  const pqxx::row latest =
      tx.exec1("SELECT max(greatest(valid_from, coalesce(valid_to + 1, valid_from)))::text FROM " +
               spec.table + " WHERE " + spec.filter);
  if (!latest[0].is_null() && latest[0].as<std::string>() > from_iso) {
    parsed.errors.insert(parsed.errors.begin(),
                         EditionOrderError(file_name, latest[0].as<std::string>(), from_iso));
  }
  if (!parsed.errors.empty()) {
    result.errors = std::move(parsed.errors);
    return result;
  }

  const std::map<std::string, InForce> open = OpenRows(tx, spec);
  std::vector<const ReferenceRow*> to_insert;
  std::vector<std::string> to_close, to_delete;
  std::set<std::string> in_file;
  for (const ReferenceRow& row : parsed.rows) {
    in_file.insert(row.key);
    const auto current = open.find(row.key);
    if (current == open.end()) {
      to_insert.push_back(&row);
      ++result.counts.added;
    } else if (current->second.values == row.values) {
      ++result.counts.unchanged;
    } else if (current->second.valid_from == from_iso) {
      to_delete.push_back(row.key);
      to_insert.push_back(&row);
      ++result.counts.replaced;
    } else {
      to_close.push_back(row.key);
      to_insert.push_back(&row);
      ++result.counts.closed;
      ++result.counts.added;
    }
  }
  for (const auto& [key, current] : open) {
    if (in_file.count(key) > 0) continue;
    if (current.valid_from == from_iso) {
      to_delete.push_back(key);
      ++result.counts.replaced;
    } else {
      to_close.push_back(key);
      ++result.counts.closed;
    }
  }
  if (!to_delete.empty()) {
    tx.exec_params("DELETE FROM " + spec.table + " WHERE " + spec.filter +
                       " AND valid_from = $2::date AND " + spec.key + " = ANY ($1::text[])",
                   detail::TextArray(to_delete), from_iso);
  }
  if (!to_close.empty()) {
    tx.exec_params("UPDATE " + spec.table + " SET valid_to = $2::date - 1 WHERE " + spec.filter +
                       " AND valid_to IS NULL AND " + spec.key + " = ANY ($1::text[])",
                   detail::TextArray(to_close), from_iso);
  }
  Insert(tx, spec, to_insert, from_iso);

  boost::json::object details{
      {"file", std::string(file_name)},       {"from", from_iso},
      {"added", result.counts.added},         {"closed", result.counts.closed},
      {"unchanged", result.counts.unchanged}, {"replaced", result.counts.replaced}};
  platform::AppendAudit(
      tx, actor,
      platform::AuditEntry{platform::AuditKind::kMutation, "ledger.reference_load", std::nullopt,
                           "ledger_reference", std::string(ReferenceKindName(kind)), "", "",
                           boost::json::serialize(details)});
  return result;
}

}  // namespace esep::ledger
