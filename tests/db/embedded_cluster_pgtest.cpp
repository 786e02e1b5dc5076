// The embedded cluster and the test harness built on it: socket-only, durable unless
// throwaway, idempotent start/stop, leftovers of dead runs swept.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <string>

#include "esep/db/embedded_cluster.hpp"
#include "pg_test.hpp"
#include "pg_test_env.hpp"

namespace esep::testing {
namespace {

std::string Setting(pqxx::connection& connection, const std::string& name) {
  pqxx::work tx(connection);
  return tx.exec1("SELECT current_setting(" + tx.quote(name) + ")")[0].as<std::string>();
}

std::filesystem::path ScratchDir(const std::string& name) {
  auto dir = TestCluster().run_dir() / ("scratch-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

class EmbeddedClusterTest : public PgTest {};

TEST_F(EmbeddedClusterTest, TestClusterListensOnlyOnItsSocket) {
  EXPECT_EQ(Setting(db(), "listen_addresses"), "");
  EXPECT_EQ(Setting(db(), "unix_socket_permissions"), "0700");
  EXPECT_EQ(Setting(db(), "server_encoding"), "UTF8");
  EXPECT_EQ(Setting(db(), "fsync"), "off") << "throwaway clusters trade durability for speed";
}

TEST_F(EmbeddedClusterTest, EachTestGetsAFreshMigratedDatabase) {
  pqxx::work tx(db());
  EXPECT_EQ(tx.exec1("SELECT current_database()")[0].as<std::string>(), database_);
  EXPECT_GT(tx.exec1("SELECT count(*) FROM esep_schema_migrations")[0].as<int>(), 0);
  tx.exec("CREATE TABLE scratch (x int)");
  tx.commit();
}

TEST_F(EmbeddedClusterTest, WritesOfOneTestDoNotReachTheNext) {
  pqxx::work tx(db());
  EXPECT_FALSE(tx.exec1("SELECT to_regclass('scratch') IS NOT NULL")[0].as<bool>());
}

TEST(EmbeddedCluster, DurableClusterKeepsFsyncAndSurvivesRestart) {
  const auto dir = ScratchDir("durable");
  db::EmbeddedCluster cluster(db::ClusterOptions{.dir = dir / "pg"});
  ASSERT_TRUE(cluster.Init());
  ASSERT_TRUE(cluster.Init()) << "init is idempotent";
  ASSERT_TRUE(cluster.Start());
  ASSERT_TRUE(cluster.Start()) << "start is idempotent";
  EXPECT_TRUE(cluster.IsRunning());
  {
    pqxx::connection connection(cluster.ConnectionString());
    EXPECT_EQ(Setting(connection, "fsync"), "on");
    EXPECT_EQ(Setting(connection, "synchronous_commit"), "on");
    pqxx::work tx(connection);
    tx.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('тиын')");
    tx.commit();
  }
  ASSERT_TRUE(cluster.Stop());
  EXPECT_FALSE(cluster.IsRunning());
  ASSERT_TRUE(cluster.Stop()) << "stopping a stopped cluster is fine";
  ASSERT_TRUE(cluster.Start());
  {
    pqxx::connection connection(cluster.ConnectionString());
    pqxx::work tx(connection);
    EXPECT_EQ(tx.exec1("SELECT v FROM kept")[0].as<std::string>(), "тиын");
  }
  ASSERT_TRUE(cluster.Stop());
  std::filesystem::remove_all(dir);
}

TEST(EmbeddedCluster, StartWithoutInitIsAClearError) {
  const auto dir = ScratchDir("empty");
  db::EmbeddedCluster cluster(db::ClusterOptions{.dir = dir / "pg"});
  auto status = cluster.Start();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, "db.cluster.not_initialized");
  EXPECT_NE(status.error().message.kk.find("esep-admin init"), std::string::npos);
  EXPECT_NE(status.error().message.ru.find("esep-admin init"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(EmbeddedCluster, TooLongPathIsRefusedBeforeInitdb) {
  const auto dir = ScratchDir("long");
  db::EmbeddedCluster cluster(db::ClusterOptions{.dir = dir / std::string(120, 'x')});
  auto status = cluster.Init();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, "db.cluster.path_too_long");
  EXPECT_EQ(status.error().field, "data_dir");
  std::filesystem::remove_all(dir);
}

TEST(EmbeddedCluster, ConnectionStringQuotesPaths) {
  db::EmbeddedCluster cluster(db::ClusterOptions{.dir = "/tmp/it's here"});
  EXPECT_EQ(cluster.ConnectionString("d"),
            "host='/tmp/it\\'s here' port=5432 user='esep' dbname='d'");
}

// A run killed with -9 leaves its cluster running and its lock released; the next run
// must stop that cluster and remove the directory, but never touch a live run's.
TEST(SweepLeftoverClusters, StopsOrphansAndSparesLiveRuns) {
  const auto root = ScratchDir("sweep");
  const auto orphan = root / "run-orphan";
  std::filesystem::create_directories(orphan);
  std::ofstream(orphan / "owner.lock").put('\n');
  db::EmbeddedCluster orphan_cluster(db::ClusterOptions{.dir = orphan / "pg", .throwaway = true});
  ASSERT_TRUE(orphan_cluster.Init());
  ASSERT_TRUE(orphan_cluster.Start());

  const auto live = root / "run-live";
  std::filesystem::create_directories(live);
  int live_fd = open((live / "owner.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(live_fd, 0);
  ASSERT_EQ(flock(live_fd, LOCK_EX | LOCK_NB), 0);

  const auto half_made = root / "run-half";
  std::filesystem::create_directories(half_made);
  std::filesystem::last_write_time(
      half_made, std::filesystem::file_time_type::clock::now() - std::chrono::minutes(5));
  const auto being_made = root / "run-new";
  std::filesystem::create_directories(being_made);

  EXPECT_EQ(SweepLeftoverClusters(root), 2);
  EXPECT_FALSE(orphan_cluster.IsRunning());
  EXPECT_FALSE(std::filesystem::exists(orphan));
  EXPECT_FALSE(std::filesystem::exists(half_made));
  EXPECT_TRUE(std::filesystem::exists(live));
  EXPECT_TRUE(std::filesystem::exists(being_made)) << "a run being created right now is spared";

  close(live_fd);
  EXPECT_EQ(SweepLeftoverClusters(root), 1) << "once its owner is gone, it is swept too";
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace esep::testing
