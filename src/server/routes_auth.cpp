// Sign-in and the signed-in user's own things: login, logout, me, password change.
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/sessions.hpp"
#include "esep/platform/users.hpp"
#include "esep/server/entity_json.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

void AddAuthRoutes(Router& router, const ApiSettings& settings) {
  router.Add(Route{"POST", "/api/v1/auth/login", RouteAccess::Public(), TransactionMode::kManual,
                   [policy = settings.session_policy](RequestContext& ctx) -> HandlerResult {
                     auto body = ParseJsonObject(ctx.request.body);
                     if (!body) return Reject(body.error());
                     auto login = RequiredString(*body, "login");
                     if (!login) return Reject(login.error());
                     auto password = RequiredString(*body, "password");
                     if (!password) return Reject(password.error());
                     auto client = OptionalString(*body, "client");
                     if (!client) return Reject(client.error());
                     auto result = platform::Login(*ctx.connection, *login, *password,
                                                   client->value_or(""), policy, ctx.request_id);
                     if (!result) {
                       return Fail(result.error().code == "auth.locked" ? 423 : 401,
                                   result.error());
                     }
                     return JsonResponse(200, json::object{{"token", result->token},
                                                           {"expires_at", result->expires_at_iso},
                                                           {"user", UserJson(result->user)}});
                   },
                   "Sign in with login and password; returns a session token"});

  router.Add(SecurityChange(Route{
      "POST", "/api/v1/auth/logout", RouteAccess::Authenticated(), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto status = platform::Logout(*ctx.tx, ctx.actor, ctx.session_token);
        if (!status) return Reject(status.error());
        return JsonResponse(200, json::object{{"status", "signed_out"}});
      },
      "End the current session"}));

  router.Add(Route{"GET", "/api/v1/me", RouteAccess::Authenticated(), TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     auto user = platform::FindUser(*ctx.tx, ctx.actor.user);
                     if (!user) return Reject(user.error());
                     json::object body = UserJson(*user);
                     json::array grants;
                     for (const auto& org : ctx.access->AllOrgs()) grants.push_back(org.value());
                     body["institutions"] = std::move(grants);
                     return JsonResponse(200, body);
                   },
                   "The signed-in user and the institutions they can work in"});

  router.Add(SecurityChange(Route{
      "POST", "/api/v1/me/password", RouteAccess::Authenticated(), TransactionMode::kFramework,
      [policy = settings.password_policy](RequestContext& ctx) -> HandlerResult {
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        auto current = RequiredString(*body, "current_password");
        if (!current) return Reject(current.error());
        auto next = RequiredString(*body, "new_password");
        if (!next) return Reject(next.error());
        auto status =
            platform::ChangePassword(*ctx.tx, ctx.actor, ctx.actor.user, *current, *next, policy);
        if (!status) return Reject(status.error());
        return JsonResponse(200, json::object{{"status", "password_changed"}});
      },
      "Change one's own password (ends every session of the user)"}));
}

}  // namespace esep::server
