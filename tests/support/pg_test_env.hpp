#pragma once
/// @file
/// The test suite's PostgreSQL: one throwaway cluster per test process, a template
/// database migrated once, leftovers of killed runs swept away at start.

#include <filesystem>
#include <memory>
#include <string>

#include "esep/db/embedded_cluster.hpp"

namespace esep::testing {

/// Where every test run keeps its clusters: $ESEP_TEST_TMP or $TMPDIR or /tmp, plus
/// "esep-test-clusters". Each run owns one subdirectory and holds a flock on its
/// `owner.lock` while alive, so a later run knows which ones are orphans.
std::filesystem::path TestClustersRoot();

/// Stops and removes the clusters of runs that are no longer alive (killed with -9, or
/// crashed). Returns how many it removed.
int SweepLeftoverClusters(const std::filesystem::path& root);

/// Owns the process's cluster; created by the gtest environment in pg_test.cpp.
class PgTestCluster {
 public:
  /// Creates the run directory, locks it, inits and starts the cluster, migrates the
  /// template database. Throws std::runtime_error with the reason on failure.
  PgTestCluster();
  ~PgTestCluster();
  PgTestCluster(const PgTestCluster&) = delete;
  PgTestCluster& operator=(const PgTestCluster&) = delete;

  db::EmbeddedCluster& cluster() { return *cluster_; }
  /// This run's private directory; tests may make scratch directories inside it.
  const std::filesystem::path& run_dir() const { return run_dir_; }
  /// Creates a fresh database cloned from the migrated template; returns its name.
  std::string CreateDatabase();
  void DropDatabase(const std::string& name);

  static constexpr const char* kTemplate = "esep_template";

 private:
  std::filesystem::path run_dir_;
  int lock_fd_ = -1;
  std::unique_ptr<db::EmbeddedCluster> cluster_;
  int next_database_ = 0;
};

/// The cluster of this test process (started on first use, stopped at exit).
PgTestCluster& TestCluster();

}  // namespace esep::testing
