#include "esep/server/dispatcher.hpp"

#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <pqxx/pqxx>
#include <string>

#include "esep/platform/audit.hpp"
#include "esep/platform/idempotency.hpp"
#include "esep/platform/session_token.hpp"
#include "esep/server/json_io.hpp"

namespace esep::server {
namespace {

bool IsMutating(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

core::Error Unauthenticated() {
  return core::MakeError("auth.required", "Жүйеге кіру қажет.", "Требуется вход в систему.",
                         "Sign-in required.", "Authorization");
}

core::Error Forbidden(const std::string& permission) {
  core::Error error = core::MakeError("auth.forbidden", "Бұл әрекетке рұқсатыңыз жоқ.",
                                      "Недостаточно прав для этого действия.",
                                      "You are not allowed to do this.", "");
  error.details = permission;
  return error;
}

core::Error DatabaseDown() {
  return core::MakeError("db.unavailable", "Дерекқор уақытша қолжетімсіз, кейінірек қайталаңыз.",
                         "База данных временно недоступна, повторите позже.",
                         "The database is temporarily unavailable, retry later.", "");
}

core::Error Internal() {
  return core::MakeError("server.internal",
                         "Сервердің ішкі қатесі. Сұраныс нөмірін әкімшіге хабарлаңыз.",
                         "Внутренняя ошибка сервера. Сообщите администратору номер запроса.",
                         "Internal server error. Give the request id to your administrator.", "");
}

std::string BearerToken(const HttpRequest& request) {
  const std::string header = request.Header("authorization");
  const std::string prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return {};
  return header.substr(prefix.size());
}

// The institution a permission is checked in, per the route's declaration.
core::Result<std::optional<core::OrgId>> TargetOrg(const RouteAccess& access, RequestContext& ctx) {
  const auto from_text = [](const std::string& text,
                            const char* field) -> core::Result<std::optional<core::OrgId>> {
    const auto id = ParseDecimal(text);
    if (!id || *id <= 0) {
      return core::MakeError("http.bad_org", "Мекеме идентификаторы қате немесе жоқ.",
                             "Не указан или неверен идентификатор учреждения.",
                             "The institution id is missing or wrong.", field);
    }
    return std::optional<core::OrgId>(core::OrgId(*id));
  };
  switch (access.org_from()) {
    case OrgFrom::kNone:
      return std::optional<core::OrgId>();
    case OrgFrom::kPathId:
      return from_text(ctx.params["id"], "id");
    case OrgFrom::kPathOrgId:
      return from_text(ctx.params["org_id"], "org_id");
    case OrgFrom::kQuery:
      return from_text(ctx.request.QueryParam("org_id"), "org_id");
    case OrgFrom::kBody: {
      auto body = ParseJsonObject(ctx.request.body);
      if (!body) return body.error();
      auto id = RequiredInt(*body, access.body_field().c_str());
      if (!id) return id.error();
      return from_text(std::to_string(*id), access.body_field().c_str());
    }
  }
  return std::optional<core::OrgId>();
}

void AuditDenied(pqxx::connection& connection, const RequestContext& ctx,
                 const std::string& permission, std::optional<core::OrgId> org) {
  pqxx::work tx(connection);
  platform::ApplyActor(tx, platform::Actor::System(ctx.request_id));
  platform::AuditEntry entry;
  entry.kind = platform::AuditKind::kSecurity;
  entry.action = "access.denied";
  entry.org = org;
  boost::json::object details{{"method", ctx.request.method},
                              {"path", ctx.request.path},
                              {"permission", permission},
                              {"user_id", ctx.actor.user.value()}};
  entry.details_json = boost::json::serialize(details);
  platform::Actor actor = ctx.actor;
  actor.system = false;
  platform::AppendAudit(tx, actor, entry);
  tx.commit();
}

}  // namespace

std::string RequestIdFor(const HttpRequest& request) {
  const std::string given = request.Header("x-request-id");
  bool sane = !given.empty() && given.size() <= 64;
  for (char c : given) {
    sane =
        sane && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
  }
  if (sane) return given;
  unsigned char bytes[8];
  RAND_bytes(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 15]);
  }
  return id;
}

Dispatcher::Dispatcher(const Router& router, db::ConnectionPool& pool, Metrics& metrics,
                       platform::SessionPolicy session_policy, SessionCache* sessions,
                       std::function<void()> security_changed)
    : router_(router),
      pool_(pool),
      metrics_(metrics),
      session_policy_(session_policy),
      sessions_(sessions),
      security_changed_(std::move(security_changed)) {}

core::Result<CachedAuth> Dispatcher::SignedIn(pqxx::connection& connection,
                                              const RequestContext& ctx) {
  const std::string key = platform::TokenHash(ctx.session_token);
  if (sessions_ != nullptr) {
    if (auto cached = sessions_->Find(key)) return std::move(*cached);
  }
  const std::uint64_t generation = sessions_ != nullptr ? sessions_->generation() : 0;
  pqxx::work tx(connection);
  platform::ApplyActor(tx, platform::Actor::System(ctx.request_id));
  auto session = platform::Authenticate(tx, ctx.session_token, session_policy_);
  if (!session) {
    tx.commit();
    return session.error();
  }
  CachedAuth auth{std::move(session).value(), platform::LoadAccess(tx, session->user.id)};
  tx.commit();
  if (sessions_ != nullptr) sessions_->Put(key, auth, generation);
  return auth;
}

HttpResponse Dispatcher::Handle(HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = RequestIdFor(request);
  std::string route_name = "unmatched";
  std::int64_t user_id = 0;
  HttpResponse response;
  try {
    response = Route(request, request_id, route_name, user_id);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request_id, request.method, request.path,
                  e.what());
    response = ErrorResponse(500, Internal(), request_id);
  }
  response.headers.emplace_back("X-Request-Id", request_id);
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  metrics_.Record(request.method, route_name, response.status, elapsed);
  spdlog::info("access {} {} {} {} {} user={} {}us", request_id, request.remote_address,
               request.method, request.path, response.status, user_id, elapsed.count());
  return response;
}

HttpResponse Dispatcher::Route(HttpRequest& request, const std::string& request_id,
                               std::string& route_name, std::int64_t& user_id) {
  RouteMatch match = router_.Match(request.method, request.path);
  if (match.route == nullptr) {
    if (match.path_known) {
      return ErrorResponse(
          405,
          core::MakeError("http.method_not_allowed", "Бұл әдіске рұқсат жоқ: " + request.method,
                          "Метод не поддерживается: " + request.method,
                          "Method not allowed: " + request.method, "method"),
          request_id);
    }
    return ErrorResponse(404,
                         core::MakeError("http.not_found", "Мұндай мекенжай жоқ: " + request.path,
                                         "Нет такого адреса: " + request.path,
                                         "No such route: " + request.path, "path"),
                         request_id);
  }
  const struct Route& route = *match.route;
  route_name = route.pattern;
  RequestContext ctx{
      request, std::move(match.params), request_id, {}, std::nullopt, {}, 0, nullptr, nullptr, {}};
  ctx.actor.request_id = request_id;

  if (route.mode == TransactionMode::kNoDatabase) {
    HandlerResult result = route.handler(ctx);
    if (auto* error = std::get_if<HandlerError>(&result)) {
      return ErrorResponse(error->status, error->error, request_id);
    }
    return std::get<HttpResponse>(std::move(result));
  }
  try {
    return RunWithDatabase(route, ctx, user_id);
  } catch (const db::DatabaseUnavailable&) {
    return ErrorResponse(503, DatabaseDown(), request_id);
  } catch (const pqxx::broken_connection&) {
    return ErrorResponse(503, DatabaseDown(), request_id);
  } catch (const pqxx::insufficient_privilege&) {
    // Row-level security refused a row the permission check let through.
    return ErrorResponse(403, Forbidden("row-level security"), request_id);
  } catch (const pqxx::data_exception& e) {
    core::Error error =
        core::MakeError("http.bad_value", "Сұраныстағы мән қате.", "Неверное значение в запросе.",
                        "A value in the request is not valid.", "");
    spdlog::info("request {}: data exception {}", request_id, e.what());
    return ErrorResponse(400, error, request_id);
  }
}

HttpResponse Dispatcher::RunWithDatabase(const struct Route& route, RequestContext& ctx,
                                         std::int64_t& user_id) {
  auto lease = pool_.Acquire();
  try {
    const RouteAccess& access = route.access;
    if (access.kind() != RouteAccess::Kind::kPublic) {
      ctx.session_token = BearerToken(ctx.request);
      if (ctx.session_token.empty()) return ErrorResponse(401, Unauthenticated(), ctx.request_id);
      auto auth = SignedIn(*lease, ctx);
      if (!auth) return ErrorResponse(401, auth.error(), ctx.request_id);
      ctx.actor.user = auth->session.user.id;
      ctx.session_id = auth->session.session_id;
      user_id = auth->session.user.id.value();
      // A password set by an administrator must be replaced before anything else is done.
      if (auth->session.must_change_password && route.pattern != "/api/v1/me/password" &&
          route.pattern != "/api/v1/me" && route.pattern != "/api/v1/auth/logout") {
        return ErrorResponse(
            403,
            core::MakeError("auth.password_change_required", "Алдымен құпиясөзді ауыстырыңыз.",
                            "Сначала смените пароль.", "Change your password first.", "password"),
            ctx.request_id);
      }
      ctx.access = std::move(auth->access);
    }
    if (access.kind() == RouteAccess::Kind::kPermission) {
      auto org = TargetOrg(access, ctx);
      if (!org) return ErrorResponse(400, org.error(), ctx.request_id);
      const bool allowed = org->has_value() ? ctx.access->Allows(access.permission(), **org)
                                            : ctx.access->AllowsAnywhere(access.permission());
      if (!allowed) {
        AuditDenied(*lease, ctx, access.permission(), *org);
        return ErrorResponse(403, Forbidden(access.permission()), ctx.request_id);
      }
      ctx.actor.org_scope = ctx.access->OrgsWith(access.permission());
    } else if (ctx.access) {
      ctx.actor.org_scope = ctx.access->AllOrgs();
    }

    if (route.mode == TransactionMode::kManual) {
      ctx.connection = &*lease;
      HandlerResult result = route.handler(ctx);
      if (auto* error = std::get_if<HandlerError>(&result)) {
        return ErrorResponse(error->status, error->error, ctx.request_id);
      }
      if (route.changes_security && security_changed_) security_changed_();
      for (const auto& hook : ctx.after_commit) hook();
      return std::get<HttpResponse>(std::move(result));
    }

    platform::ActorTransaction tx(*lease, ctx.actor);
    ctx.tx = &tx;
    const std::string key = ctx.request.Header("idempotency-key");
    const bool idempotent = !key.empty() && IsMutating(ctx.request.method) && user_id != 0;
    std::string fingerprint;
    if (idempotent) {
      fingerprint = platform::RequestFingerprint(
          ctx.request.method, ctx.request.path + "?" + ctx.request.query, ctx.request.body);
      auto stored = platform::BeginIdempotent(tx, core::UserId(user_id), key, fingerprint);
      if (!stored) return ErrorResponse(422, stored.error(), ctx.request_id);
      if (stored->has_value()) {
        HttpResponse replay;
        replay.status = (*stored)->status;
        replay.body = (*stored)->body;
        replay.headers.emplace_back("Idempotent-Replayed", "true");
        return replay;  // tx rolls back: nothing written
      }
    }
    HandlerResult result = route.handler(ctx);
    if (auto* error = std::get_if<HandlerError>(&result)) {
      return ErrorResponse(error->status, error->error, ctx.request_id);  // rolled back
    }
    HttpResponse response = std::get<HttpResponse>(std::move(result));
    if (idempotent) {
      platform::RecordIdempotent(tx, core::UserId(user_id), key, fingerprint,
                                 platform::StoredResponse{response.status, response.body});
    }
    tx.commit();
    if (route.changes_security && security_changed_) security_changed_();
    for (const auto& hook : ctx.after_commit) hook();
    return response;
  } catch (const pqxx::broken_connection&) {
    lease.Discard();
    throw;
  }
}

}  // namespace esep::server
