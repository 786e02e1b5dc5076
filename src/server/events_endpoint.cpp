#include "esep/server/events_endpoint.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/access.hpp"
#include "esep/server/json_io.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

HttpResponse Refuse(int status, const core::Error& error) { return ErrorResponse(status, error); }

std::string BearerOf(const HttpRequest& request) {
  const std::string header = request.Header("authorization");
  const std::string prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return {};
  return header.substr(prefix.size());
}

}  // namespace

WebSocketUpgrade EventsEndpoint(db::ConnectionPool& pool, EventHub& hub,
                                platform::SessionPolicy policy) {
  return [&pool, &hub, policy](HttpRequest& request) -> WebSocketAccept {
    WebSocketAccept accept;
    if (request.path != kEventsPath) {
      accept.refusal =
          Refuse(404, core::MakeError("http.not_found", "Мұндай мекенжай жоқ: " + request.path,
                                      "Нет такого адреса: " + request.path,
                                      "No such route: " + request.path, "path"));
      return accept;
    }
    const std::string token = BearerOf(request);
    if (token.empty()) {
      accept.refusal = Refuse(
          401, core::MakeError("auth.required", "Жүйеге кіру қажет.", "Требуется вход в систему.",
                               "Sign-in required.", "Authorization"));
      return accept;
    }
    Subscriber subscriber;
    try {
      auto lease = pool.Acquire();
      pqxx::work tx(*lease);
      platform::ApplyActor(tx, platform::Actor::System("events"));
      auto session = platform::Authenticate(tx, token, policy);
      if (!session) {
        tx.commit();
        accept.refusal = Refuse(401, session.error());
        return accept;
      }
      subscriber.user = session->user.id;
      subscriber.session_id = session->session_id;
      subscriber.job_orgs = platform::LoadAccess(tx, session->user.id).OrgsWith("jobs.read");
      tx.commit();
    } catch (const std::exception&) {
      accept.refusal =
          Refuse(503, core::MakeError("db.unavailable",
                                      "Дерекқор уақытша қолжетімсіз, кейінірек қайталаңыз.",
                                      "База данных временно недоступна, повторите позже.",
                                      "The database is temporarily unavailable, retry later.", ""));
      return accept;
    }
    // The handle is known only once the connection opens; the close may come from either
    // side, so both callbacks share it.
    auto handle = std::make_shared<std::atomic<std::int64_t>>(0);
    const std::int64_t user_id = subscriber.user.value();
    accept.on_open = [&hub, handle, subscriber = std::move(subscriber),
                      user_id](std::shared_ptr<WebSocketPeer> peer) mutable {
      std::weak_ptr<WebSocketPeer> weak = peer;
      subscriber.send = [weak](std::string text) {
        if (auto p = weak.lock()) p->Send(std::move(text));
      };
      subscriber.close = [weak] {
        if (auto p = weak.lock()) p->Close();
      };
      handle->store(hub.Subscribe(std::move(subscriber)));
      peer->Send(json::serialize(json::object{{"type", "hello"}, {"user_id", user_id}}));
    };
    accept.on_close = [&hub, handle] {
      if (const auto h = handle->load(); h != 0) hub.Unsubscribe(h);
    };
    return accept;
  };
}

}  // namespace esep::server
