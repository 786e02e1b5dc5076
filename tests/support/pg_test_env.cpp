#include "pg_test_env.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>

#include "esep/db/migrator.hpp"

namespace esep::testing {
namespace {

constexpr const char* kLockFile = "owner.lock";

std::string Describe(const core::Error& error) {
  return error.code + ": " + error.message.en + "\n" + error.details;
}

std::string RandomSuffix() {
  std::random_device device;
  return std::to_string(getpid()) + "-" + std::to_string(device() % 1000000);
}

PgTestCluster* g_cluster = nullptr;

// ctest and a developer's Ctrl+C end a run with SIGTERM/SIGINT: stop the cluster then.
// kill -9 cannot be caught; the next run's sweep handles that case.
void StopOnSignal(int signal_number) {
  if (g_cluster != nullptr) {
    (void)g_cluster->cluster().StopImmediately();
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

std::filesystem::path TestClustersRoot() {
  const char* base = std::getenv("ESEP_TEST_TMP");
  if (base == nullptr || *base == '\0') base = std::getenv("TMPDIR");
  if (base == nullptr || *base == '\0') base = "/tmp";
  return std::filesystem::path(base) / "esep-test-clusters";
}

namespace {

// Every cluster under an orphaned run directory (the run's own and any a test made).
void StopClustersUnder(const std::filesystem::path& dir) {
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->path().filename() == "pgdata" && it->is_directory()) {
      db::EmbeddedCluster orphan(
          db::ClusterOptions{.dir = it->path().parent_path(), .throwaway = true});
      (void)orphan.StopImmediately();
      it.disable_recursion_pending();
    }
  }
}

bool OlderThanAMinute(const std::filesystem::path& path) {
  std::error_code ec;
  const auto written = std::filesystem::last_write_time(path, ec);
  return !ec && std::filesystem::file_time_type::clock::now() - written > std::chrono::minutes(1);
}

}  // namespace

int SweepLeftoverClusters(const std::filesystem::path& root) {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (!entry.is_directory()) continue;
    int fd = open((entry.path() / kLockFile).c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
      // No lock file: a run that died while being created — unless it is being created
      // right now, which takes milliseconds, hence the age check.
      if (OlderThanAMinute(entry.path())) {
        StopClustersUnder(entry.path());
        std::filesystem::remove_all(entry.path(), ec);
        ++removed;
      }
      continue;
    }
    // The owner holds LOCK_EX for its whole life; the kernel drops it when the owner dies,
    // even by kill -9, so a lock we can take belongs to a dead run.
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
      StopClustersUnder(entry.path());
      std::filesystem::remove_all(entry.path(), ec);
      ++removed;
    }
    close(fd);
  }
  return removed;
}

PgTestCluster::PgTestCluster() {
  const auto root = TestClustersRoot();
  std::filesystem::create_directories(root);
  // Root's clusters run as `postgres`, which must be able to enter the root directory.
  std::filesystem::permissions(root, std::filesystem::perms::all &
                                         ~std::filesystem::perms::others_write &
                                         ~std::filesystem::perms::group_write);
  SweepLeftoverClusters(root);

  run_dir_ = root / ("run-" + RandomSuffix());
  std::filesystem::create_directories(run_dir_);
  lock_fd_ = open((run_dir_ / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd_ < 0 || flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    throw std::runtime_error("cannot lock " + run_dir_.string());
  }

  cluster_ = std::make_unique<db::EmbeddedCluster>(
      db::ClusterOptions{.dir = run_dir_ / "pg", .throwaway = true});
  if (auto status = cluster_->Init(); !status) throw std::runtime_error(Describe(status.error()));
  if (auto status = cluster_->Start(); !status) throw std::runtime_error(Describe(status.error()));
  g_cluster = this;
  std::signal(SIGTERM, StopOnSignal);
  std::signal(SIGINT, StopOnSignal);

  {
    pqxx::connection admin(cluster_->ConnectionString("postgres"));
    pqxx::nontransaction tx(admin);
    tx.exec(std::string("CREATE DATABASE ") + kTemplate);
  }
  auto migrations = db::LoadMigrations(db::DefaultSqlDir());
  if (!migrations) throw std::runtime_error(Describe(migrations.error()));
  {
    pqxx::connection connection(cluster_->ConnectionString(kTemplate));
    auto applied = db::Migrator(*migrations).Apply(connection);
    if (!applied) throw std::runtime_error(Describe(applied.error()));
  }
  pqxx::connection admin(cluster_->ConnectionString("postgres"));
  pqxx::nontransaction tx(admin);
  tx.exec(std::string("ALTER DATABASE ") + kTemplate +
          " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
}

PgTestCluster::~PgTestCluster() {
  g_cluster = nullptr;
  if (cluster_) (void)cluster_->StopImmediately();
  std::error_code ec;
  std::filesystem::remove_all(run_dir_, ec);
  if (lock_fd_ >= 0) close(lock_fd_);
}

std::string PgTestCluster::CreateDatabase() {
  const std::string name = "test_" + std::to_string(++next_database_);
  pqxx::connection admin(cluster_->ConnectionString("postgres"));
  pqxx::nontransaction tx(admin);
  tx.exec("CREATE DATABASE " + name + " TEMPLATE " + kTemplate);
  return name;
}

void PgTestCluster::DropDatabase(const std::string& name) {
  pqxx::connection admin(cluster_->ConnectionString("postgres"));
  pqxx::nontransaction tx(admin);
  tx.exec("DROP DATABASE IF EXISTS " + admin.quote_name(name) + " WITH (FORCE)");
}

PgTestCluster& TestCluster() {
  // Destroyed at normal exit (static storage), after every test has finished.
  static PgTestCluster cluster;
  return cluster;
}

}  // namespace esep::testing
