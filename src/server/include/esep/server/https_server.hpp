#pragma once
/// @file
/// The HTTPS transport: TLS 1.2+ only (no plaintext listener), keep-alive, limits on header
/// and body size, timeouts and connection count, a pool of worker threads, and a graceful
/// shutdown that lets in-flight requests finish while refusing new ones.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "esep/core/result.hpp"
#include "esep/server/http.hpp"

namespace esep::server {

struct HttpsOptions {
  std::string listen = "127.0.0.1";
  unsigned short port = 8443;  ///< 0 picks a free port (tests)
  /// Threads that run TLS and handlers. Handlers block on PostgreSQL, so this is more
  /// than the number of cores; 0 = 8 per core.
  unsigned workers = 0;
  std::filesystem::path certificate;  ///< PEM chain
  std::filesystem::path private_key;  ///< PEM
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  std::chrono::seconds handshake_timeout{10};
  std::chrono::seconds idle_timeout{60};  ///< keep-alive connection with no request
  std::chrono::seconds request_timeout{30};
  std::size_t max_connections = 1024;
};

/// Called on a worker thread for every complete request; must not throw.
using Dispatch = std::function<HttpResponse(HttpRequest&)>;

/// An open WebSocket connection, as the application sees it. Both calls are thread-safe and
/// never block: messages are queued and written in order.
class WebSocketPeer {
 public:
  virtual ~WebSocketPeer() = default;
  virtual void Send(std::string text) = 0;
  virtual void Close() = 0;
};

/// The application's answer to a WebSocket upgrade request.
struct WebSocketAccept {
  /// Set: answer with this (e.g. 401) instead of upgrading.
  std::optional<HttpResponse> refusal;
  /// Called once the handshake has completed.
  std::function<void(std::shared_ptr<WebSocketPeer>)> on_open;
  /// Called once when the connection is gone (closed by either side or broken).
  std::function<void()> on_close;
};
/// Decides on an upgrade request (on a worker thread; may use the database).
using WebSocketUpgrade = std::function<WebSocketAccept(HttpRequest&)>;

class HttpsServer {
 public:
  /// Without `upgrade`, WebSocket upgrade requests are dispatched like any request.
  HttpsServer(HttpsOptions options, Dispatch dispatch, WebSocketUpgrade upgrade = {});
  ~HttpsServer();
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  /// Loads the certificate, binds, and starts the workers. Errors name the file or port.
  core::Status Start();
  /// The bound port (useful with port 0).
  unsigned short port() const;
  /// Stops accepting, answers 503 to new requests on open connections, waits up to
  /// `grace` for in-flight requests, then stops the workers. Idempotent.
  void Shutdown(std::chrono::milliseconds grace);
  /// Blocks until Shutdown has completed.
  void Wait();

  std::size_t open_connections() const;
  std::size_t in_flight() const;
  bool draining() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace esep::server
