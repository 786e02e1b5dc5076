// The audit trail for administrators and auditors (read only; rows limited to the
// institutions where the user holds audit.read, by row-level security).
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/audit.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

json::value JsonOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  return ec ? json::value(text) : value;
}

json::object RecordJson(const platform::AuditRecord& record) {
  json::object object{
      {"id", record.id},
      {"at", record.at},
      {"kind", record.kind == platform::AuditKind::kSecurity ? "security" : "mutation"},
      {"action", record.action},
      {"entity", record.entity},
      {"entity_id", record.entity_id},
      {"before", JsonOrNull(record.before_json)},
      {"after", JsonOrNull(record.after_json)},
      {"details", JsonOrNull(record.details_json)},
      {"request_id", record.request_id},
      {"hash", record.hash_hex}};
  object["actor_user_id"] =
      record.actor ? json::value(record.actor->value()) : json::value(nullptr);
  object["org_id"] = record.org ? json::value(record.org->value()) : json::value(nullptr);
  return object;
}

core::Result<std::int64_t> NumberParam(const HttpRequest& request, const char* name) {
  const std::string text = request.QueryParam(name);
  if (text.empty()) return std::int64_t{0};
  const auto value = ParseDecimal(text);
  if (!value) {
    return core::MakeError("http.bad_filter", std::string("Параметр қате: ") + name,
                           std::string("Неверный параметр: ") + name,
                           std::string("Bad parameter: ") + name, name);
  }
  return *value;
}

}  // namespace

void AddAuditRoutes(Router& router) {
  router.Add(Route{"GET", "/api/v1/audit", RouteAccess::Permission("audit.read", OrgFrom::kNone),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     platform::AuditQuery query;
                     auto org = NumberParam(ctx.request, "org_id");
                     if (!org) return Reject(org.error());
                     if (*org > 0) query.org = core::OrgId(*org);
                     auto actor = NumberParam(ctx.request, "user_id");
                     if (!actor) return Reject(actor.error());
                     if (*actor > 0) query.actor = core::UserId(*actor);
                     auto after = NumberParam(ctx.request, "after_id");
                     if (!after) return Reject(after.error());
                     query.after_id = *after;
                     auto limit = NumberParam(ctx.request, "limit");
                     if (!limit) return Reject(limit.error());
                     query.limit = *limit > 0 && *limit <= 500 ? static_cast<int>(*limit) : 100;
                     query.action_prefix = ctx.request.QueryParam("action");
                     query.from_iso = ctx.request.QueryParam("from");
                     query.to_iso = ctx.request.QueryParam("to");
                     if (auto valid = platform::ValidateAuditQuery(query); !valid) {
                       return Fail(400, valid.error());
                     }
                     json::array items;
                     std::int64_t last_id = query.after_id;
                     for (const auto& record : platform::QueryAudit(*ctx.tx, query)) {
                       last_id = record.id;
                       items.push_back(RecordJson(record));
                     }
                     return JsonResponse(200, json::object{{"items", std::move(items)},
                                                           {"next_after_id", last_id}});
                   },
                   "Audit trail extract (filters: org_id, user_id, action prefix, from, to; keyset "
                   "paging by after_id)"});
}

}  // namespace esep::server
