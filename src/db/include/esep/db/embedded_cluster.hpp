#pragma once
/// @file
/// A private PostgreSQL cluster living in one directory: the server's embedded database
/// and the test suite's throwaway database are the same code (docs/decisions/0002).

#include <filesystem>
#include <string>
#include <vector>

#include "esep/core/result.hpp"

namespace esep::db {

struct ClusterOptions {
  /// The cluster's home: `pgdata/` (the data directory), the unix socket, `postgres.log`.
  std::filesystem::path dir;
  /// Throwaway clusters (tests) run with fsync=off; everything else keeps full durability.
  bool throwaway = false;
  /// The database superuser initdb creates; Esep connects as this role.
  std::string superuser = "esep";
  /// Names the socket file (.s.PGSQL.<port>); no TCP listener is ever opened.
  int port = 5432;
  /// OS account that owns and runs the cluster when we are root (PostgreSQL refuses root).
  std::string os_user_when_root = "postgres";
};

/// Creates, starts and stops a cluster that listens only on a unix socket inside `dir`,
/// with socket permissions 0700 so that only its OS owner (and root) can connect — which
/// is why `trust` authentication is safe for it.
class EmbeddedCluster {
 public:
  explicit EmbeddedCluster(ClusterOptions options);

  /// Runs initdb unless the data directory already holds a cluster. Idempotent.
  core::Status Init();
  /// Starts the postmaster unless it already runs; returns once it accepts connections.
  core::Status Start();
  /// Stops it ("fast": rolls back open transactions, then a clean checkpoint).
  core::Status Stop();
  /// Stops it without a checkpoint — for sweeping leftovers of a killed test run.
  core::Status StopImmediately();

  bool IsInitialized() const;
  bool IsRunning() const;

  /// libpq connection string for `database` over the cluster's socket.
  std::string ConnectionString(const std::string& database = "postgres") const;

  const ClusterOptions& options() const { return options_; }
  std::filesystem::path DataDir() const { return options_.dir / "pgdata"; }
  std::filesystem::path LogFile() const { return options_.dir / "postgres.log"; }

 private:
  core::Status PrepareDirectory();
  core::Status RunPgCtl(const std::vector<std::string>& args, const std::string& what);
  std::vector<std::string> AsClusterOwner(std::vector<std::string> argv) const;

  ClusterOptions options_;
};

}  // namespace esep::db
