#pragma once
/// @file
/// GET /api/v1/events: the WebSocket a signed-in client keeps open to be told about its
/// jobs (progress, result) without polling. Authenticated like any request, by the
/// `Authorization: Bearer` header of the upgrade request.

#include "esep/db/connection_pool.hpp"
#include "esep/platform/sessions.hpp"
#include "esep/server/event_hub.hpp"
#include "esep/server/https_server.hpp"

namespace esep::server {

inline constexpr const char* kEventsPath = "/api/v1/events";

/// The transport's upgrade hook: refuses other paths (404) and missing, expired or forged
/// tokens (401, the same JSON errors as the API); on success subscribes the connection to
/// `hub` and greets it with {"type":"hello","user_id":N}.
WebSocketUpgrade EventsEndpoint(db::ConnectionPool& pool, EventHub& hub,
                                platform::SessionPolicy policy);

}  // namespace esep::server
