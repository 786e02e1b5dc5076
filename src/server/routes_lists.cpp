// The generic lists every client table pages through: the catalog of lists a user may
// open, and one page of a list (paging, sort, filters, quick search, exact total). The
// permission depends on the list named in the path, so it is checked here, not by the
// dispatcher; rows are limited to the institutions where it holds (jobs: also own rows).
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/list_query.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

core::Error UnknownList(const std::string& name) {
  return core::MakeError("list.unknown", "Мұндай тізім жоқ: " + name, "Нет такого списка: " + name,
                         "No such list: " + name, "name");
}

core::Error Forbidden(const std::string& permission, const char* field) {
  core::Error error = core::MakeError("auth.forbidden", "Бұл әрекетке рұқсатыңыз жоқ.",
                                      "Недостаточно прав для этого действия.",
                                      "You are not allowed to do this.", field);
  error.details = permission;
  return error;
}

// Every query parameter, decoded, in the order given (filters may repeat a name).
std::vector<std::pair<std::string, std::string>> QueryPairs(const HttpRequest& request) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t start = 0;
  while (start < request.query.size()) {
    std::size_t end = request.query.find('&', start);
    if (end == std::string::npos) end = request.query.size();
    const std::string pair = request.query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    pairs.emplace_back(UrlDecode(pair.substr(0, eq)),
                       eq == std::string::npos ? std::string() : UrlDecode(pair.substr(eq + 1)));
  }
  return pairs;
}

bool MayOpen(const RequestContext& ctx, const platform::ListDefinition& list) {
  return list.OwnRowsVisible() || ctx.access->AllowsAnywhere(list.permission);
}

json::object ListJson(const platform::ListDefinition& list) {
  json::array columns;
  for (const auto& column : list.columns) {
    json::object entry{{"code", column.code},
                       {"kind", platform::ColumnKindName(column.kind)},
                       {"title", LocalizedJson(column.title)},
                       {"sortable", column.sortable},
                       {"filter", platform::FilterKindName(column.filter)},
                       {"searchable", column.searchable}};
    if (!column.values.empty()) {
      json::object values;
      for (const auto& [code, name] : column.values) values[code] = LocalizedJson(name);
      entry["values"] = std::move(values);
    }
    columns.push_back(std::move(entry));
  }
  return json::object{
      {"name", list.name}, {"title", LocalizedJson(list.title)}, {"permission", list.permission},
      {"key", list.key},   {"default_sort", list.default_sort},  {"columns", std::move(columns)}};
}

json::value CellJson(const platform::ListCell& cell) {
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number;
  if (const auto* flag = std::get_if<bool>(&cell)) return *flag;
  if (const auto* text = std::get_if<std::string>(&cell)) return json::string(*text);
  return nullptr;
}

// Whose rows: in `org_id` only when given (the permission must hold there), otherwise
// wherever the permission holds, plus the user's own rows for lists that have them.
core::Result<platform::ListVisibility> Visibility(const RequestContext& ctx,
                                                  const platform::ListDefinition& list) {
  platform::ListVisibility visibility;
  if (const std::string org_text = ctx.request.QueryParam("org_id"); !org_text.empty()) {
    const auto org = ParseDecimal(org_text);
    if (!org || *org <= 0) {
      return core::MakeError("http.bad_org", "Мекеме идентификаторы қате.",
                             "Неверный идентификатор учреждения.", "The institution id is wrong.",
                             "org_id");
    }
    if (!ctx.access->Allows(list.permission, core::OrgId(*org))) {
      return Forbidden(list.permission, "org_id");
    }
    visibility.orgs = {core::OrgId(*org)};
    return visibility;
  }
  if (!MayOpen(ctx, list)) return Forbidden(list.permission, "");
  visibility.orgs = ctx.access->OrgsWith(list.permission);
  if (list.OwnRowsVisible()) visibility.own_rows_of = ctx.actor.user;
  return visibility;
}

HandlerResult ListPageHandler(RequestContext& ctx) {
  const std::string& name = ctx.params["name"];
  const platform::ListDefinition* list = platform::FindList(name);
  if (list == nullptr) return Fail(404, UnknownList(name));
  auto visibility = Visibility(ctx, *list);
  if (!visibility) {
    return Fail(visibility.error().code == "auth.forbidden" ? 403 : 400, visibility.error());
  }
  auto request = platform::ParseListRequest(*list, QueryPairs(ctx.request));
  if (!request) return Fail(400, request.error());
  const platform::ListPage page = platform::RunList(*ctx.tx, *list, *request, *visibility);
  json::array columns;
  for (const auto& column : list->columns) columns.push_back(json::string(column.code));
  json::array items;
  items.reserve(page.rows.size());
  for (const auto& row : page.rows) {
    json::array item;
    item.reserve(row.size());
    for (const auto& cell : row) item.push_back(CellJson(cell));
    items.push_back(std::move(item));
  }
  return JsonResponse(
      200, json::object{{"name", list->name},
                        {"columns", std::move(columns)},
                        {"items", std::move(items)},
                        {"total", page.total ? json::value(*page.total) : json::value(nullptr)},
                        {"offset", request->offset},
                        {"limit", request->limit}});
}

}  // namespace

void AddListRoutes(Router& router) {
  router.Add(Route{"GET", "/api/v1/lists", RouteAccess::Authenticated(),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     json::array lists;
                     for (const auto& list : platform::ListCatalog()) {
                       if (MayOpen(ctx, list)) lists.push_back(ListJson(list));
                     }
                     return JsonResponse(200, json::object{{"lists", std::move(lists)}});
                   },
                   "The lists the user may open, with their columns (kinds, filters, titles)"});
  router.Add(Route{"GET", "/api/v1/lists/{name}", RouteAccess::Authenticated(),
                   TransactionMode::kFramework, ListPageHandler,
                   "One page of a list: offset, limit, sort, q, f.<column> filters, org_id; "
                   "with the exact total"});
}

}  // namespace esep::server
