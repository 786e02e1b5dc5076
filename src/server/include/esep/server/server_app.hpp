#pragma once
/// @file
/// esep-server as a whole: configuration, the embedded cluster (when no DSN is configured),
/// the connection pool, the routes and the HTTPS transport, started and stopped together.
/// Tests run it in-process; main.cpp adds signal handling.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "esep/core/config.hpp"
#include "esep/core/result.hpp"
#include "esep/server/https_server.hpp"
#include "esep/server/routes.hpp"

namespace esep::db {
class EmbeddedCluster;
}

namespace esep::server {

struct ServerSettings {
  HttpsOptions https;
  std::string dsn;  ///< empty: the embedded cluster in data_dir
  std::filesystem::path data_dir = "var/esep";
  std::size_t pool_size = 16;
  unsigned job_workers = 2;
  /// The report templates (forms/*.form); empty: reports::DefaultFormsDir().
  std::filesystem::path forms_dir;
  ApiSettings api;
  /// The database role requests run as; row-level security applies to it (migration 0007).
  std::string app_role = "esep_app";
};

/// Settings from a loaded config (docs/config.md). TLS files default to
/// <data_dir>/tls/server.crt and server.key, which `esep-admin init` writes.
ServerSettings SettingsFromConfig(const core::Config& config);

class ServerApp {
 public:
  explicit ServerApp(ServerSettings settings);
  ~ServerApp();
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  /// Loads and checks the report templates (an error names "forms/<file>.form:<line>"),
  /// prepares PDF painting when a QGuiApplication exists, starts the embedded cluster if it
  /// is used and not running, then serves.
  core::Status Start();
  unsigned short port() const;
  /// Graceful: refuse new work, let in-flight requests finish (up to `grace`), stop the
  /// embedded cluster if this process started it.
  void Stop(std::chrono::milliseconds grace = std::chrono::seconds(20));
  const Router& router() const;
  const std::string& dsn() const;

  struct Parts;

 private:
  ServerSettings settings_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace esep::server
