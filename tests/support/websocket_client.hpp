#pragma once
/// @file
/// A blocking WebSocket-over-TLS client for API tests of the events endpoint: connects with
/// a bearer token, then reads text messages with a timeout.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace esep::testing {

class WebSocketClient {
 public:
  WebSocketClient(std::string host, unsigned short port, const std::filesystem::path& ca_file);
  ~WebSocketClient();
  WebSocketClient(const WebSocketClient&) = delete;
  WebSocketClient& operator=(const WebSocketClient&) = delete;

  /// Upgrades GET `target`. Returns 101 on success, else the HTTP status the server refused
  /// with (its body in `refusal_body()`). Throws on transport failures.
  int Connect(const std::string& target, const std::string& token);
  const std::string& refusal_body() const;

  /// The next text message, or nullopt when none came within `timeout` or the server closed
  /// the connection (then `closed()` is true).
  std::optional<std::string> Read(std::chrono::milliseconds timeout);
  bool closed() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace esep::testing
