// Users and their grants, always reached through an institution: an administrator works
// with the users of the institutions where they hold users.* / grants.write, never beyond.
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/access.hpp"
#include "esep/platform/permissions.hpp"
#include "esep/platform/users.hpp"
#include "esep/server/entity_json.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

json::object GrantJson(const platform::GrantView& grant) {
  json::object object{{"id", grant.id},
                      {"user_id", grant.user.value()},
                      {"role", grant.role_code},
                      {"role_name", LocalizedJson(grant.role_name)},
                      {"org_id", grant.org.value()},
                      {"org_name_kk", grant.org_name_kk},
                      {"org_name_ru", grant.org_name_ru},
                      {"include_subtree", grant.include_subtree},
                      {"granted_at", grant.granted_at}};
  object["granted_by"] =
      grant.granted_by ? json::value(grant.granted_by->value()) : json::value(nullptr);
  return object;
}

core::Error UserNotHere() {
  return core::MakeError("user.not_found", "Бұл мекемеде мұндай пайдаланушы жоқ.",
                         "В этом учреждении нет такого пользователя.",
                         "There is no such user in this institution.", "id");
}

// The user of path {id}, if they hold a grant in the institution of path {org_id}.
core::Result<platform::User> UserOfInstitution(RequestContext& ctx) {
  auto org = PathId(ctx, "org_id");
  if (!org) return org.error();
  auto id = PathId(ctx, "id");
  if (!id) return id.error();
  bool member = false;
  for (const auto& grant : platform::ListGrants(*ctx.tx, core::UserId(*id))) {
    member = member || grant.org == core::OrgId(*org);
  }
  if (!member) return UserNotHere();
  return platform::FindUser(*ctx.tx, core::UserId(*id));
}

}  // namespace

void AddUserRoutes(Router& router, const ApiSettings& settings) {
  // The catalog is not a secret: every signed-in user's client shows role names (e.g. in
  // the profile), and administrators pick from it when granting.
  router.Add(
      Route{"GET", "/api/v1/roles", RouteAccess::Authenticated(), TransactionMode::kFramework,
            [](RequestContext& ctx) -> HandlerResult {
              json::array roles;
              for (const auto& role : platform::ListRoles(*ctx.tx)) {
                json::array permissions;
                for (const auto& p : role.permissions) permissions.emplace_back(p);
                roles.push_back(json::object{{"code", role.code},
                                             {"name", LocalizedJson(role.name)},
                                             {"builtin", role.builtin},
                                             {"permissions", std::move(permissions)}});
              }
              json::array permissions;
              for (const auto& p : platform::AllPermissions()) {
                permissions.push_back(
                    json::object{{"code", p.code}, {"description", LocalizedJson(p.description)}});
              }
              return JsonResponse(200, json::object{{"roles", std::move(roles)},
                                                    {"permissions", std::move(permissions)}});
            },
            "The roles (names in kk/ru/en, permissions) and the permission catalog"});
  router.Add(Route{"GET", "/api/v1/institutions/{org_id}/users",
                   RouteAccess::Permission("users.read", OrgFrom::kPathOrgId),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     auto org = PathId(ctx, "org_id");
                     if (!org) return Reject(org.error());
                     auto paging = PagingFromQuery(ctx.request);
                     if (!paging) return Reject(paging.error());
                     json::array items;
                     for (const auto& user : platform::ListUsersOfInstitution(
                              *ctx.tx, core::OrgId(*org), paging->limit, paging->offset)) {
                       items.push_back(UserJson(user));
                     }
                     return JsonResponse(200, json::object{{"items", std::move(items)},
                                                           {"limit", paging->limit},
                                                           {"offset", paging->offset}});
                   },
                   "Users holding a role in the institution"});

  router.Add(Route{
      "POST", "/api/v1/institutions/{org_id}/users",
      RouteAccess::Permission("users.write", OrgFrom::kPathOrgId), TransactionMode::kFramework,
      [policy = settings.password_policy](RequestContext& ctx) -> HandlerResult {
        auto org = PathId(ctx, "org_id");
        if (!org) return Reject(org.error());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        platform::NewUser user;
        auto login = RequiredString(*body, "login");
        if (!login) return Reject(login.error());
        user.login = *login;
        auto name = RequiredString(*body, "full_name");
        if (!name) return Reject(name.error());
        user.full_name = *name;
        auto iin = OptionalString(*body, "iin");
        if (!iin) return Reject(iin.error());
        user.iin = *iin;
        auto password = RequiredString(*body, "password");
        if (!password) return Reject(password.error());
        user.password = *password;
        auto lang = OptionalString(*body, "lang");
        if (!lang) return Reject(lang.error());
        user.lang = lang->value_or("ru");
        auto role = RequiredString(*body, "role");
        if (!role) return Reject(role.error());
        auto subtree = OptionalBool(*body, "include_subtree");
        if (!subtree) return Reject(subtree.error());
        if (!ctx.access->Allows("grants.write", core::OrgId(*org))) {
          return Fail(
              403, core::MakeError("auth.forbidden", "Рөл беруге рұқсатыңыз жоқ.",
                                   "Нет прав назначать роли.", "You may not grant roles.", "role"));
        }
        auto created = platform::CreateUser(*ctx.tx, ctx.actor, user, policy);
        if (!created) return Reject(created.error());
        auto grant = platform::GrantRole(*ctx.tx, ctx.actor, created->id, *role, core::OrgId(*org),
                                         subtree->value_or(false));
        if (!grant) return Reject(grant.error());
        json::object response = UserJson(*created);
        response["grants"] = json::array{GrantJson(*grant)};
        return JsonResponse(201, response);
      },
      "Create a user with a role in the institution (needs users.write and grants.write)"});

  router.Add(Route{"GET", "/api/v1/institutions/{org_id}/users/{id}",
                   RouteAccess::Permission("users.read", OrgFrom::kPathOrgId),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     auto user = UserOfInstitution(ctx);
                     if (!user) return Reject(user.error());
                     json::object body = UserJson(*user);
                     json::array grants;
                     for (const auto& grant : platform::ListGrants(*ctx.tx, user->id)) {
                       grants.push_back(GrantJson(grant));
                     }
                     body["grants"] = std::move(grants);
                     return JsonResponse(200, body);
                   },
                   "One user of the institution, with all their grants"});

  router.Add(SecurityChange(Route{
      "POST", "/api/v1/institutions/{org_id}/users/{id}/password-reset",
      RouteAccess::Permission("users.write", OrgFrom::kPathOrgId), TransactionMode::kFramework,
      [policy = settings.password_policy](RequestContext& ctx) -> HandlerResult {
        auto user = UserOfInstitution(ctx);
        if (!user) return Reject(user.error());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        auto password = RequiredString(*body, "new_password");
        if (!password) return Reject(password.error());
        auto status = platform::ResetPassword(*ctx.tx, ctx.actor, user->id, *password, policy);
        if (!status) return Reject(status.error());
        return JsonResponse(
            200, json::object{{"status", "password_reset"}, {"must_change_password", true}});
      },
      "Set a new password for a user (they must change it at next sign-in; sessions end)"}));

  router.Add(SecurityChange(Route{
      "POST", "/api/v1/institutions/{org_id}/users/{id}/active",
      RouteAccess::Permission("users.write", OrgFrom::kPathOrgId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto user = UserOfInstitution(ctx);
        if (!user) return Reject(user.error());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        auto active = OptionalBool(*body, "active");
        if (!active) return Reject(active.error());
        if (!active->has_value()) {
          return Reject(core::MakeError("json.missing_field", "Міндетті өріс жоқ: active",
                                        "Не заполнено обязательное поле: active",
                                        "A required field is missing: active", "active"));
        }
        auto status = platform::SetUserActive(*ctx.tx, ctx.actor, user->id, **active);
        if (!status) return Reject(status.error());
        return JsonResponse(200, json::object{{"active", **active}});
      },
      "Block or unblock a user"}));

  router.Add(SecurityChange(Route{
      "POST", "/api/v1/institutions/{org_id}/grants",
      RouteAccess::Permission("grants.write", OrgFrom::kPathOrgId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto org = PathId(ctx, "org_id");
        if (!org) return Reject(org.error());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        auto user = RequiredInt(*body, "user_id");
        if (!user) return Reject(user.error());
        auto role = RequiredString(*body, "role");
        if (!role) return Reject(role.error());
        auto subtree = OptionalBool(*body, "include_subtree");
        if (!subtree) return Reject(subtree.error());
        auto grant = platform::GrantRole(*ctx.tx, ctx.actor, core::UserId(*user), *role,
                                         core::OrgId(*org), subtree->value_or(false));
        if (!grant) return Reject(grant.error());
        return JsonResponse(201, GrantJson(*grant));
      },
      "Give a user a role in the institution (optionally with everything below it)"}));

  router.Add(SecurityChange(Route{
      "DELETE", "/api/v1/institutions/{org_id}/grants/{id}",
      RouteAccess::Permission("grants.write", OrgFrom::kPathOrgId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto org = PathId(ctx, "org_id");
        if (!org) return Reject(org.error());
        auto id = PathId(ctx, "id");
        if (!id) return Reject(id.error());
        // A grant of another institution is not found from this path.
        auto status = platform::RevokeGrant(*ctx.tx, ctx.actor, *id, core::OrgId(*org));
        if (!status) return Reject(status.error());
        return JsonResponse(200, json::object{{"status", "revoked"}});
      },
      "Take a role away"}));
}

}  // namespace esep::server
