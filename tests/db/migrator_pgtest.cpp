// Migrations: ordered, one transaction each, checksummed; a changed applied file, an
// unknown applied version or a failing file is refused and leaves nothing behind.
#include "esep/db/migrator.hpp"

#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <string>

#include "pg_test.hpp"

namespace esep::testing {
namespace {

class MigratorTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    dir_ = TestCluster().run_dir() / ("migrations-" + database_);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    PgTest::TearDown();
  }
  void Write(const std::string& name, const std::string& sql) { std::ofstream(dir_ / name) << sql; }
  std::vector<db::Migration> Load() {
    auto migrations = db::LoadMigrations(dir_);
    EXPECT_TRUE(migrations.ok()) << (migrations.ok() ? "" : migrations.error().message.en);
    return migrations.ok() ? *migrations : std::vector<db::Migration>{};
  }
  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }

  std::filesystem::path dir_;
};

TEST_F(MigratorTest, AppliesInNumericOrderOnceAndRecordsChecksums) {
  Write("0002_b.sql", "INSERT INTO t VALUES (2);");
  Write("0001_a.sql", "CREATE TABLE t (v int); INSERT INTO t VALUES (1);");
  Write("README.md", "not a migration");
  auto migrations = Load();
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].name, "0001_a.sql");
  EXPECT_EQ(migrations[0].checksum.size(), 64u);

  // The test database already holds the product's migrations; use a clean schema.
  pqxx::nontransaction(db()).exec("DROP TABLE esep_schema_migrations");
  db::Migrator migrator(migrations);
  auto applied = migrator.Apply(db());
  ASSERT_TRUE(applied.ok()) << applied.error().details;
  EXPECT_EQ(applied->size(), 2u);
  EXPECT_EQ(Count("SELECT count(*) FROM t"), 2);

  auto again = migrator.Apply(db());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty()) << "a second run applies nothing";
  EXPECT_EQ(Count("SELECT count(*) FROM t"), 2);

  auto state = migrator.Inspect(db());
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->applied.size(), 2u);
  EXPECT_TRUE(state->pending.empty());
  EXPECT_EQ(state->applied[1].checksum, migrations[1].checksum);
}

TEST_F(MigratorTest, AChangedAppliedMigrationIsRefused) {
  pqxx::nontransaction(db()).exec("DROP TABLE esep_schema_migrations");
  Write("0001_a.sql", "CREATE TABLE t (v int);");
  ASSERT_TRUE(db::Migrator(Load()).Apply(db()).ok());
  Write("0001_a.sql", "CREATE TABLE t (v bigint);");
  Write("0002_b.sql", "CREATE TABLE u (v int);");
  auto result = db::Migrator(Load()).Apply(db());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "migration.checksum_mismatch");
  EXPECT_EQ(result.error().field, "0001_a.sql");
  EXPECT_NE(result.error().message.ru.find("0001_a.sql"), std::string::npos);
  EXPECT_FALSE(result.error().message.kk.empty());
  EXPECT_EQ(Count("SELECT count(*) FROM pg_tables WHERE tablename = 'u'"), 0)
      << "nothing after the refusal is applied";
}

TEST_F(MigratorTest, ADatabaseNewerThanTheBuildIsRefused) {
  pqxx::nontransaction(db()).exec("DROP TABLE esep_schema_migrations");
  Write("0001_a.sql", "SELECT 1;");
  Write("0002_b.sql", "SELECT 2;");
  ASSERT_TRUE(db::Migrator(Load()).Apply(db()).ok());
  std::filesystem::remove(dir_ / "0002_b.sql");
  auto state = db::Migrator(Load()).Inspect(db());
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().code, "migration.unknown_applied");
}

TEST_F(MigratorTest, AFailingMigrationLeavesNothingOfItself) {
  pqxx::nontransaction(db()).exec("DROP TABLE esep_schema_migrations");
  Write("0001_a.sql", "CREATE TABLE t (v int);");
  Write("0002_b.sql", "CREATE TABLE half (v int); INSERT INTO no_such_table VALUES (1);");
  auto result = db::Migrator(Load()).Apply(db());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "migration.failed");
  EXPECT_EQ(result.error().field, "0002_b.sql");
  EXPECT_NE(result.error().details.find("no_such_table"), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM pg_tables WHERE tablename = 'half'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM pg_tables WHERE tablename = 't'"), 1)
      << "migrations before the failing one stay applied";
  EXPECT_EQ(Count("SELECT count(*) FROM esep_schema_migrations"), 1);
}

TEST_F(MigratorTest, BadFileNamesAndDuplicateNumbersAreRefused) {
  Write("01_short.sql", "SELECT 1;");
  auto bad = db::LoadMigrations(dir_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "migration.bad_name");
  std::filesystem::remove(dir_ / "01_short.sql");

  Write("0003_x.sql", "SELECT 1;");
  Write("0003_y.sql", "SELECT 1;");
  auto duplicate = db::LoadMigrations(dir_);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, "migration.duplicate_version");

  auto missing = db::LoadMigrations(dir_ / "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "migration.dir");
}

TEST_F(MigratorTest, TheProductsMigrationsAreAllAppliedToTheTemplate) {
  auto product = db::LoadMigrations(db::DefaultSqlDir());
  ASSERT_TRUE(product.ok());
  ASSERT_FALSE(product->empty());
  auto state = db::Migrator(*product).Inspect(db());
  ASSERT_TRUE(state.ok()) << state.error().message.en;
  EXPECT_TRUE(state->pending.empty());
  EXPECT_EQ(state->applied.size(), product->size());
}

}  // namespace
}  // namespace esep::testing
