#pragma once
/// @file
/// Generic lists (GET /api/v1/lists/{name}): a list is data — its SQL source, columns and
/// permission — and one query builder turns paging, sorting, filters and a quick search into
/// parameterised SQL. Identifiers come only from the definitions; user input only ever
/// travels as query parameters.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/core/text.hpp"

namespace esep::platform {

/// How a column's values look in JSON: int and money (tiyn) numbers, bool, date
/// "YYYY-MM-DD", datetime ISO 8601 UTC "…Z", text strings.
enum class ColumnKind { kInt, kMoney, kBool, kDate, kDateTime, kText };
/// How a column may be filtered: equality (ids, enums, bools), substring, from/to inclusive.
enum class FilterKind { kNone, kEq, kText, kRange };

std::string_view ColumnKindName(ColumnKind kind);
std::string_view FilterKindName(FilterKind kind);

struct ListColumn {
  std::string code;  ///< the name the API uses ("full_name")
  ColumnKind kind = ColumnKind::kText;
  core::LocalizedText title;
  std::string sql;  ///< an expression over the list's source ("u.full_name")
  bool sortable = true;
  FilterKind filter = FilterKind::kNone;
  bool searchable = false;  ///< part of the quick search `q`
  /// For a column of codes (a status, a kind): the name of each code in kk/ru/en, so that a
  /// client shows "Выполнено" rather than "succeeded". Codes not listed show as they are.
  std::vector<std::pair<std::string, core::LocalizedText>> values;
};

/// Which rows of a list a user sees (row-level security stands behind it), in terms of
/// the definition's `scope_sql` and `owner_sql`.
enum class ListScope {
  kOrgColumn,          ///< `scope_sql` (an institution id) is one where the permission holds
  kOrgColumnOrOwnRow,  ///< the same, or `owner_sql` is the user: their own jobs
  kGrantedInOrgs,      ///< `scope_sql` (a user id) holds a role in such an institution
};

struct ListDefinition {
  std::string name;
  std::string permission;
  core::LocalizedText title;
  std::string from_sql;  ///< "audit_log a LEFT JOIN users u ON u.id = a.actor_user_id"
  std::string key;       ///< the code of the unique column: the last tiebreak of every sort
  std::string default_sort;
  ListScope scope = ListScope::kOrgColumn;
  std::string scope_sql;  ///< see ListScope
  std::string owner_sql;  ///< kOrgColumnOrOwnRow only
  std::vector<ListColumn> columns;

  const ListColumn* Column(std::string_view code) const;
  /// True when a user without the permission anywhere may still open it (own rows).
  bool OwnRowsVisible() const { return scope == ListScope::kOrgColumnOrOwnRow; }
};

/// The lists of this version: institutions, users, audit, jobs.
const std::vector<ListDefinition>& ListCatalog();
const ListDefinition* FindList(std::string_view name);

struct ListSortKey {
  const ListColumn* column = nullptr;
  bool descending = false;
};

struct ListFilter {
  const ListColumn* column = nullptr;
  enum class Op { kEq, kContains, kFrom, kTo } op = Op::kEq;
  std::string value;       ///< checked and normalised for the column's kind
  bool whole_day = false;  ///< a bare date given for a datetime column
};

/// A validated request: paging, sort, filters and the quick search.
struct ListRequest {
  std::int64_t offset = 0;
  int limit = 100;
  std::vector<ListSortKey> sort;  ///< ends with the key column
  std::vector<ListFilter> filters;
  std::string search;  ///< `q`, empty for none
  /// `total=0` leaves out the count: a client that already has the total of its query asks
  /// for further pages without it (on a million rows the count is most of a page's time).
  bool count_total = true;
};

/// The largest page a list returns.
inline constexpr int kMaxListPageSize = 1000;

/// Parses the query parameters of a list request (`offset`, `limit`, `sort`, `q`,
/// `f.<code>`, `f.<code>.from`, `f.<code>.to`, `total` = 1 | 0; other names are left to the
/// caller). Errors: "http.bad_paging" (offset | limit | total), "list.bad_sort" (sort),
/// "list.bad_filter" (f.<code>…: unknown column, a kind of filter the column does not
/// have, a value that is not of the column's kind).
core::Result<ListRequest> ParseListRequest(
    const ListDefinition& list, const std::vector<std::pair<std::string, std::string>>& params);

/// Who asks: the institutions whose rows they see, and for lists of own rows the user.
struct ListVisibility {
  std::vector<core::OrgId> orgs;
  std::optional<core::UserId> own_rows_of;
};

/// The SQL of one page and of its total, with their parameters ($1… in order, as text).
struct ListSql {
  std::string page;
  std::string count;
  std::vector<std::string> params;
};
ListSql BuildListSql(const ListDefinition& list, const ListRequest& request,
                     const ListVisibility& visibility);

using ListCell = std::variant<std::monostate, std::int64_t, bool, std::string>;
struct ListPage {
  std::vector<std::vector<ListCell>> rows;  ///< cells in the list's column order
  std::optional<std::int64_t> total;        ///< rows matching, across all pages (if counted)
};
/// Runs the page and the count in `tx`.
ListPage RunList(pqxx::dbtransaction& tx, const ListDefinition& list, const ListRequest& request,
                 const ListVisibility& visibility);

}  // namespace esep::platform
