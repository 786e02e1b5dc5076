#pragma once
/// @file
/// A route: method, path pattern, the access it requires, and its handler. RouteAccess has
/// no default, so a route without a declared permission cannot even be written; the router
/// also refuses permissions that are not in the catalog (platform/permissions.hpp).

#include <functional>
#include <map>
#include <optional>
#include <pqxx/connection>
#include <pqxx/transaction>
#include <string>
#include <variant>
#include <vector>

#include "esep/core/error.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/actor.hpp"
#include "esep/server/http.hpp"

namespace esep::server {

/// Where a route finds the institution a permission is checked against.
enum class OrgFrom {
  kNone,       ///< the permission is needed somewhere; rows are limited to where it is held
  kPathId,     ///< the `{id}` path parameter is the institution
  kPathOrgId,  ///< the `{org_id}` path parameter
  kQuery,      ///< the `org_id` query parameter (required)
  kBody,       ///< a member of the JSON body (required): `org_id` unless named otherwise
};

class RouteAccess {
 public:
  /// Anyone, without a session (health, login).
  static RouteAccess Public() { return RouteAccess(Kind::kPublic, {}, OrgFrom::kNone); }
  /// Any signed-in user, for their own things (logout, me, own password).
  static RouteAccess Authenticated() {
    return RouteAccess(Kind::kAuthenticated, {}, OrgFrom::kNone);
  }
  /// `permission` ("resource.action") in the institution found by `org_from`.
  static RouteAccess Permission(std::string permission, OrgFrom org_from,
                                std::string body_field = "org_id") {
    RouteAccess access(Kind::kPermission, std::move(permission), org_from);
    access.body_field_ = std::move(body_field);
    return access;
  }

  enum class Kind { kPublic, kAuthenticated, kPermission };
  Kind kind() const { return kind_; }
  const std::string& permission() const { return permission_; }
  OrgFrom org_from() const { return org_from_; }
  /// The JSON member holding the institution for OrgFrom::kBody.
  const std::string& body_field() const { return body_field_; }

 private:
  RouteAccess(Kind kind, std::string permission, OrgFrom org_from)
      : kind_(kind), permission_(std::move(permission)), org_from_(org_from) {}
  Kind kind_;
  std::string permission_;
  OrgFrom org_from_;
  std::string body_field_ = "org_id";
};

/// What a handler gets: the request, its path parameters, who is acting and (for
/// database routes) the open transaction, already bound to the actor for row-level security.
struct RequestContext {
  const HttpRequest& request;
  std::map<std::string, std::string> params;
  std::string request_id;
  platform::Actor actor;
  std::optional<platform::AccessSet> access;  ///< set for signed-in users
  std::string session_token;                  ///< set for signed-in users
  std::int64_t session_id = 0;                ///< set for signed-in users
  pqxx::dbtransaction* tx = nullptr;          ///< TransactionMode::kFramework routes
  pqxx::connection* connection = nullptr;     ///< TransactionMode::kManual routes
  /// Run by the framework after the request's transaction committed (never after a
  /// rollback): waking the job runner, pushing events, dropping cached sessions.
  std::vector<std::function<void()>> after_commit;
};

/// A handler returns a response, or an Error that the framework turns into a JSON error
/// with a status (and then rolls the transaction back: nothing is half-written).
struct HandlerError {
  int status = 400;
  core::Error error;
};
using HandlerResult = std::variant<HttpResponse, HandlerError>;
using Handler = std::function<HandlerResult(RequestContext&)>;

enum class TransactionMode {
  kNoDatabase,  ///< health, metrics: never touch the pool
  kFramework,   ///< one transaction per request, committed by the framework
  kManual,      ///< the handler manages its own transactions on ctx.connection (login)
};

struct Route {
  std::string method;
  std::string pattern;  ///< "/api/v1/institutions/{id}"
  RouteAccess access;
  TransactionMode mode;
  Handler handler;
  std::string summary;  ///< one line for docs and the route listing
  /// The route changes who may do what (sessions, passwords, grants, the hierarchy): the
  /// server forgets its cached sessions once the change has committed.
  bool changes_security = false;
};

/// Marks a route as changing security state (see Route::changes_security).
inline Route SecurityChange(Route route) {
  route.changes_security = true;
  return route;
}

}  // namespace esep::server
