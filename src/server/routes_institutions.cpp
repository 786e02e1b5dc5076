// Institutions: list, read, create under a parent, update, change of scenario, subtree.
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/server/entity_json.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

core::Error NoRightInNewParent() {
  return core::MakeError("auth.forbidden", "Жаңа жоғары тұрған мекемеде рұқсатыңыз жоқ.",
                         "Нет прав в новом вышестоящем учреждении.",
                         "You have no rights in the new superior institution.", "parent_id");
}

// A change to the institution of path {id}: its body and the version the user last read
// (the optimistic lock).
struct VersionedChange {
  core::OrgId id;
  json::object body;
  int version = 0;
};
core::Result<VersionedChange> ReadVersionedChange(const RequestContext& ctx) {
  auto id = PathId(ctx, "id");
  if (!id) return id.error();
  auto body = ParseJsonObject(ctx.request.body);
  if (!body) return body.error();
  auto version = RequiredInt(*body, "version");
  if (!version) return version.error();
  return VersionedChange{core::OrgId(*id), std::move(body.value()), static_cast<int>(*version)};
}

}  // namespace

void AddInstitutionRoutes(Router& router) {
  router.Add(Route{
      "GET", "/api/v1/institutions", RouteAccess::Permission("institutions.read", OrgFrom::kNone),
      TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto paging = PagingFromQuery(ctx.request);
        if (!paging) return Reject(paging.error());
        platform::InstitutionFilter filter;
        filter.text = ctx.request.QueryParam("q");
        filter.limit = paging->limit;
        filter.offset = paging->offset;
        if (const std::string kind = ctx.request.QueryParam("kind"); !kind.empty()) {
          filter.kind = platform::ParseInstitutionKind(kind);
          if (!filter.kind) {
            return Reject(core::MakeError("http.bad_filter", "Мекеме түрі белгісіз: " + kind,
                                          "Неизвестный вид учреждения: " + kind,
                                          "Unknown kind: " + kind, "kind"));
          }
        }
        json::array items;
        for (const auto& institution : platform::ListInstitutions(*ctx.tx, filter)) {
          items.push_back(InstitutionJson(institution));
        }
        return JsonResponse(200, json::object{{"items", std::move(items)},
                                              {"limit", paging->limit},
                                              {"offset", paging->offset}});
      },
      "List the institutions the user can read (filters: q, kind; paging)"});

  router.Add(Route{"GET", "/api/v1/institutions/{id}",
                   RouteAccess::Permission("institutions.read", OrgFrom::kPathId),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     auto id = PathId(ctx, "id");
                     if (!id) return Reject(id.error());
                     auto institution = platform::GetInstitution(*ctx.tx, core::OrgId(*id));
                     if (!institution) return Reject(institution.error());
                     return JsonResponse(200, InstitutionJson(*institution));
                   },
                   "One institution"});

  router.Add(Route{"GET", "/api/v1/institutions/{id}/subtree",
                   RouteAccess::Permission("institutions.read", OrgFrom::kPathId),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     auto id = PathId(ctx, "id");
                     if (!id) return Reject(id.error());
                     json::array ids;
                     for (const auto& org : platform::Subtree(*ctx.tx, core::OrgId(*id)))
                       ids.push_back(org.value());
                     return JsonResponse(200, json::object{{"ids", std::move(ids)}});
                   },
                   "The institution and every institution below it"});

  router.Add(SecurityChange(
      Route{"POST", "/api/v1/institutions",
            RouteAccess::Permission("institutions.write", OrgFrom::kBody, "parent_id"),
            TransactionMode::kFramework,
            [](RequestContext& ctx) -> HandlerResult {
              auto body = ParseJsonObject(ctx.request.body);
              if (!body) return Reject(body.error());
              auto input = InstitutionInputFromJson(*body);
              if (!input) return Reject(input.error());
              auto created = platform::CreateInstitution(*ctx.tx, ctx.actor, *input);
              if (!created) return Reject(created.error());
              return JsonResponse(201, InstitutionJson(*created));
            },
            "Create an institution under a parent the user may write in"}));

  router.Add(SecurityChange(Route{
      "PUT", "/api/v1/institutions/{id}",
      RouteAccess::Permission("institutions.write", OrgFrom::kPathId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto target = ReadVersionedChange(ctx);
        if (!target) return Reject(target.error());
        const auto& [id, body, version] = *target;
        auto input = InstitutionInputFromJson(body);
        if (!input) return Reject(input.error());
        if (input->parent && !ctx.access->Allows("institutions.write", *input->parent)) {
          return Fail(403, NoRightInNewParent());
        }
        auto updated = platform::UpdateInstitution(*ctx.tx, ctx.actor, id, version, *input);
        if (!updated) return Reject(updated.error());
        return JsonResponse(200, InstitutionJson(*updated));
      },
      "Update an institution (optimistic lock: send the version you read)"}));

  router.Add(Route{
      "POST", "/api/v1/institutions/{id}/kind",
      RouteAccess::Permission("institutions.write", OrgFrom::kPathId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto target = ReadVersionedChange(ctx);
        if (!target) return Reject(target.error());
        const auto& [id, body, version] = *target;
        auto kind_text = RequiredString(body, "kind");
        if (!kind_text) return Reject(kind_text.error());
        auto kind = platform::ParseInstitutionKind(*kind_text);
        if (!kind) {
          return Reject(core::MakeError("institution.kind",
                                        "Мекеме түрі gu, kgu немесе gkkp болуы керек.",
                                        "Вид учреждения должен быть gu, kgu или gkkp.",
                                        "The institution kind must be gu, kgu or gkkp.", "kind"));
        }
        auto changed = platform::ChangeInstitutionKind(*ctx.tx, ctx.actor, id, version, *kind);
        if (!changed) return Reject(changed.error());
        return JsonResponse(200, InstitutionJson(*changed));
      },
      "Switch the scenario (ГУ, КГУ, ГККП); all data stays"});
}

}  // namespace esep::server
