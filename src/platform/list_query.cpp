// The SQL of a list page and its total. Column expressions and the source come from the
// definitions; everything the user typed is a numbered parameter.
#include "esep/platform/list_query.hpp"

#include <pqxx/pqxx>

#include "esep/platform/actor.hpp"

namespace esep::platform {
namespace {

// Collects parameters and hands out their placeholders.
class Params {
 public:
  std::string Add(std::string value) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
  }
  std::vector<std::string> Take() { return std::move(values_); }

 private:
  std::vector<std::string> values_;
};

std::string Cast(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kInt:
    case ColumnKind::kMoney:
      return "::bigint";
    case ColumnKind::kBool:
      return "::boolean";
    case ColumnKind::kDate:
      return "::date";
    case ColumnKind::kDateTime:
      return "::timestamptz";
    case ColumnKind::kText:
      return "::text";
  }
  return "::text";
}

// "%" + text with the LIKE wildcards and the escape character taken literally + "%".
std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  return pattern + "%";
}

std::string FilterSql(const ListFilter& filter, Params& params) {
  const ListColumn& column = *filter.column;
  const std::string expr = "(" + column.sql + ")";
  switch (filter.op) {
    case ListFilter::Op::kContains:
      return expr + "::text ILIKE " + params.Add(ContainsPattern(filter.value));
    case ListFilter::Op::kEq:
      return expr + " = " + params.Add(filter.value) + Cast(column.kind);
    case ListFilter::Op::kFrom:
      if (filter.whole_day) {
        return expr + " >= ((" + params.Add(filter.value) +
               "::date)::timestamp AT TIME ZONE 'UTC')";
      }
      return expr + " >= " + params.Add(filter.value) + Cast(column.kind);
    case ListFilter::Op::kTo:
      if (filter.whole_day) {
        return expr + " < ((" + params.Add(filter.value) +
               "::date + 1)::timestamp AT TIME ZONE 'UTC')";
      }
      return expr + " <= " + params.Add(filter.value) + Cast(column.kind);
  }
  return "true";
}

std::string ScopeSql(const ListDefinition& list, const ListVisibility& visibility, Params& params) {
  const std::string orgs = params.Add(OrgIdsLiteral(visibility.orgs)) + "::bigint[]";
  switch (list.scope) {
    case ListScope::kOrgColumn:
      return list.scope_sql + " = ANY (" + orgs + ")";
    case ListScope::kOrgColumnOrOwnRow:
      if (!visibility.own_rows_of) return list.scope_sql + " = ANY (" + orgs + ")";
      return "(" + list.scope_sql + " = ANY (" + orgs + ") OR " + list.owner_sql + " = " +
             params.Add(std::to_string(visibility.own_rows_of->value())) + "::bigint)";
    case ListScope::kGrantedInOrgs:
      return "EXISTS (SELECT 1 FROM grants g WHERE g.user_id = " + list.scope_sql +
             " AND g.org_id = ANY (" + orgs + "))";
  }
  return "false";
}

std::string WhereSql(const ListDefinition& list, const ListRequest& request,
                     const ListVisibility& visibility, Params& params) {
  std::string where = ScopeSql(list, visibility, params);
  for (const auto& filter : request.filters) where += " AND " + FilterSql(filter, params);
  if (!request.search.empty()) {
    const std::string pattern = params.Add(ContainsPattern(request.search));
    std::string any;
    for (const auto& column : list.columns) {
      if (!column.searchable) continue;
      any += (any.empty() ? "" : " OR ") + ("(" + column.sql + ")::text ILIKE " + pattern);
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }
  return where;
}

std::string OrderSql(const ListRequest& request) {
  std::string order;
  for (const auto& key : request.sort) {
    if (!order.empty()) order += ", ";
    order += "(" + key.column->sql + ")" + (key.descending ? " DESC" : " ASC");
  }
  return order;
}

std::string OutputSql(const ListColumn& column) {
  const std::string expr = "(" + column.sql + ")";
  switch (column.kind) {
    case ColumnKind::kDateTime:
      return "to_char(" + expr + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    case ColumnKind::kDate:
      return "to_char(" + expr + ", 'YYYY-MM-DD')";
    case ColumnKind::kInt:
    case ColumnKind::kMoney:
      return expr + "::bigint";
    case ColumnKind::kBool:
      return expr;
    case ColumnKind::kText:
      return expr + "::text";
  }
  return expr;
}

ListCell Cell(const pqxx::field& field, ColumnKind kind) {
  if (field.is_null()) return std::monostate{};
  switch (kind) {
    case ColumnKind::kInt:
    case ColumnKind::kMoney:
      return field.as<std::int64_t>();
    case ColumnKind::kBool:
      return field.as<bool>();
    default:
      return std::string(field.c_str(), field.size());
  }
}

}  // namespace

std::string_view ColumnKindName(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kInt:
      return "int";
    case ColumnKind::kMoney:
      return "money";
    case ColumnKind::kBool:
      return "bool";
    case ColumnKind::kDate:
      return "date";
    case ColumnKind::kDateTime:
      return "datetime";
    case ColumnKind::kText:
      return "text";
  }
  return "text";
}

std::string_view FilterKindName(FilterKind kind) {
  switch (kind) {
    case FilterKind::kNone:
      return "none";
    case FilterKind::kEq:
      return "eq";
    case FilterKind::kText:
      return "text";
    case FilterKind::kRange:
      return "range";
  }
  return "none";
}

ListSql BuildListSql(const ListDefinition& list, const ListRequest& request,
                     const ListVisibility& visibility) {
  Params params;
  const std::string where = WhereSql(list, request, visibility, params);
  const std::string order = OrderSql(request);
  const std::string key = "(" + list.Column(list.key)->sql + ")";
  std::string outputs;
  for (const auto& column : list.columns) {
    outputs += (outputs.empty() ? "" : ", ") + OutputSql(column);
  }
  ListSql sql;
  sql.count = "SELECT count(*) FROM " + list.from_sql + " WHERE " + where;
  // The keys of the page first, then the columns of those rows only: skipping to a deep
  // offset walks keys and never formats or joins the rows it passes.
  const std::string limit = params.Add(std::to_string(request.limit));
  const std::string offset = params.Add(std::to_string(request.offset));
  sql.page = "SELECT " + outputs + " FROM " + list.from_sql + " WHERE " + key + " IN (SELECT " +
             key + " FROM " + list.from_sql + " WHERE " + where + " ORDER BY " + order + " LIMIT " +
             limit + "::bigint OFFSET " + offset + "::bigint) ORDER BY " + order;
  sql.params = params.Take();
  return sql;
}

ListPage RunList(pqxx::dbtransaction& tx, const ListDefinition& list, const ListRequest& request,
                 const ListVisibility& visibility) {
  const ListSql sql = BuildListSql(list, request, visibility);
  // The count's parameters are a prefix of the page's (limit and offset come last).
  const std::vector<std::string> count_params(sql.params.begin(), sql.params.end() - 2);
  ListPage page;
  if (request.count_total) {
    page.total = tx.exec_params1(sql.count, pqxx::prepare::make_dynamic_params(count_params))[0]
                     .as<std::int64_t>();
    if (request.offset >= *page.total) return page;
  }
  const auto rows = tx.exec_params(sql.page, pqxx::prepare::make_dynamic_params(sql.params));
  page.rows.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<ListCell> cells;
    cells.reserve(list.columns.size());
    for (std::size_t i = 0; i < list.columns.size(); ++i) {
      cells.push_back(Cell(row[static_cast<int>(i)], list.columns[i].kind));
    }
    page.rows.push_back(std::move(cells));
  }
  return page;
}

}  // namespace esep::platform
