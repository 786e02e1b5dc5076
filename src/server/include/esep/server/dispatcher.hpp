#pragma once
/// @file
/// The one place every request passes: request id, routing, session, permission check
/// (denials audited), the per-request transaction bound to the actor for row-level
/// security, idempotency keys, error mapping, access log and metrics.

#include <atomic>
#include <functional>
#include <string>

#include "esep/db/connection_pool.hpp"
#include "esep/platform/sessions.hpp"
#include "esep/server/http.hpp"
#include "esep/server/metrics.hpp"
#include "esep/server/router.hpp"
#include "esep/server/session_cache.hpp"

namespace esep::server {

class Dispatcher {
 public:
  /// `sessions` (may be null: no caching) holds recently checked sessions;
  /// `security_changed` is called after a route that changes security state committed
  /// (the server forgets cached sessions and drops event connections).
  Dispatcher(const Router& router, db::ConnectionPool& pool, Metrics& metrics,
             platform::SessionPolicy session_policy, SessionCache* sessions = nullptr,
             std::function<void()> security_changed = {});

  /// Never throws: every failure becomes a JSON error with a status.
  HttpResponse Handle(HttpRequest& request);

 private:
  HttpResponse Route(HttpRequest& request, const std::string& request_id, std::string& route_name,
                     std::int64_t& user_id);
  /// The session behind ctx.session_token with its access, from the cache or the database.
  core::Result<CachedAuth> SignedIn(pqxx::connection& connection, const RequestContext& ctx);
  HttpResponse RunWithDatabase(const esep::server::Route& route, RequestContext& ctx,
                               std::int64_t& user_id);

  const Router& router_;
  db::ConnectionPool& pool_;
  Metrics& metrics_;
  platform::SessionPolicy session_policy_;
  SessionCache* sessions_;
  std::function<void()> security_changed_;
};

/// A fresh random request id (16 hex digits), or the client's X-Request-Id when it is a
/// sane token (so a client can correlate its logs with ours).
std::string RequestIdFor(const HttpRequest& request);

}  // namespace esep::server
