#pragma once
/// @file
/// Where esep-admin's database is: the embedded cluster of a data directory (started for
/// the command and stopped after it, unless it was already running) or an external DSN.

#include <memory>
#include <string>

#include "cli.hpp"
#include "esep/core/result.hpp"
#include "esep/db/embedded_cluster.hpp"

namespace esep::admin {

class DatabaseTarget {
 public:
  /// The database Esep keeps its data in, inside the embedded cluster.
  static constexpr const char* kDatabaseName = "esep";
  static constexpr const char* kDefaultDataDir = "var/esep";

  explicit DatabaseTarget(const CommandLine& line);
  ~DatabaseTarget();
  DatabaseTarget(const DatabaseTarget&) = delete;
  DatabaseTarget& operator=(const DatabaseTarget&) = delete;

  bool embedded() const { return cluster_ != nullptr; }
  db::EmbeddedCluster* cluster() { return cluster_.get(); }

  /// Embedded: starts the cluster (creating it first when `create`). External: no-op.
  core::Status Open(bool create);
  /// Creates the Esep database when it does not exist yet.
  core::Status CreateDatabaseIfMissing();
  /// The connection string of the Esep database.
  std::string Dsn() const;
  /// Leave the cluster running after the command (for `start`).
  void KeepRunning() { keep_running_ = true; }

 private:
  std::string dsn_;
  std::unique_ptr<db::EmbeddedCluster> cluster_;
  bool stop_on_exit_ = false;  ///< this command started the cluster
  bool keep_running_ = false;
};

}  // namespace esep::admin
