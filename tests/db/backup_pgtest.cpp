// Backups end to end on a real cluster: pg_dump plus manifest, restore into a new database
// only after the manifest checks out, nothing half-restored on failure, and the integrity
// checks (audit chain, migrations) run on what was restored.
#include "esep/platform/backup.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <vector>

#include "esep/db/migrator.hpp"
#include "esep/db/sha256.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/audit.hpp"
#include "esep/platform/integrity.hpp"
#include "pg_test.hpp"

namespace esep::platform {
namespace {

using esep::testing::TestCluster;

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteAll(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

unsigned ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return static_cast<unsigned>(info.st_mode) & 07777U;
}

std::string MaintenanceDsn() { return TestCluster().cluster().ConnectionString("postgres"); }

bool DatabaseExists(const std::string& name) {
  pqxx::connection connection(MaintenanceDsn());
  pqxx::nontransaction tx(connection);
  return !tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty();
}

// Every row of the tables a backup must carry, as one text, to compare two databases.
std::string Content(const std::string& dsn) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  std::string all;
  for (const char* query :
       {"SELECT count(*)::text || ':' || coalesce(string_agg(day::text || day_type || "
        "work_minutes || source, ',' ORDER BY day), '') FROM production_calendar_days",
        "SELECT count(*)::text || ':' || coalesce(string_agg(id || bin || name_kk || name_ru || "
        "kind || budget_level || coalesce(parent_id::text, '-'), ',' ORDER BY id), '') "
        "FROM institutions",
        "SELECT count(*)::text || ':' || coalesce(string_agg(id || action || encode(hash, 'hex'), "
        "',' ORDER BY id), '') FROM audit_log",
        "SELECT count(*)::text || ':' || string_agg(version || name || checksum, ',' ORDER BY "
        "version) FROM esep_schema_migrations"}) {
    all += tx.exec1(query)[0].as<std::string>() + "\n";
  }
  return all;
}

// The checks a test registers: they pass unless the database carries an `integrity_probe`
// row telling them otherwise, so that they do not disturb the other tests of this process.
CheckResult ProbeCheck(pqxx::connection& connection) {
  pqxx::work tx(connection);
  if (tx.exec1("SELECT to_regclass('integrity_probe') IS NULL")[0].as<bool>()) {
    return {"", true, {"probe", "probe", "probe"}, {}};
  }
  const std::string mode = tx.exec1("SELECT mode FROM integrity_probe")[0].as<std::string>();
  if (mode == "throw") tx.exec("SELECT no_such_column FROM integrity_probe");
  if (mode == "disconnect") tx.exec("SELECT pg_terminate_backend(pg_backend_pid())");
  return {"", mode != "fail", {"probe", "probe", "probe"}, mode};
}

void RegisterProbeOnce() {
  static std::once_flag once;
  std::call_once(once, [] { RegisterIntegrityCheck("test_probe", ProbeCheck); });
}

const CheckResult* Find(const std::vector<CheckResult>& checks, const std::string& name) {
  for (const auto& check : checks) {
    if (check.name == name) return &check;
  }
  return nullptr;
}

class BackupTest : public esep::testing::PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    dir_ = TestCluster().run_dir() / ("backups-" + database_);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    for (const auto& name : restored_) TestCluster().DropDatabase(name);
    std::filesystem::remove_all(dir_);
    PgTest::TearDown();
  }

  // A name for a restored database that TearDown drops.
  std::string RestoredName(const std::string& suffix) {
    restored_.push_back(database_ + "_" + suffix);
    return restored_.back();
  }

  void Seed() {
    pqxx::work tx(db());
    tx.exec(
        "INSERT INTO production_calendar_days (day, day_type, work_minutes, source) VALUES "
        "('2026-01-01', 'holiday', 0, 'test'), ('2026-01-05', 'work', 480, 'test'), "
        "('2026-01-10', 'weekend', 0, 'test')");
    tx.exec(
        "INSERT INTO institutions (bin, name_kk, name_ru, kind, budget_level) VALUES "
        "('123456789012', 'Білім бөлімі', 'Отдел образования', 'gu', 3)");
    tx.exec(
        "INSERT INTO institutions (bin, name_kk, name_ru, kind, budget_level, parent_id) "
        "SELECT '210987654321', '№17 мектеп', 'Школа № 17 «Болашақ»', 'kgu', 3, id "
        "FROM institutions WHERE bin = '123456789012'");
    for (int i = 1; i <= 3; ++i) {
      AuditEntry entry;
      entry.action = "institution.create";
      entry.entity = "institution";
      entry.entity_id = std::to_string(i);
      entry.after_json = R"({"name_ru": "Школа № )" + std::to_string(i) + R"("})";
      (void)AppendAudit(tx, Actor::System("backup-test"), entry);
    }
    tx.commit();
  }

  std::filesystem::path MakeBackup(const std::string& name = "b") {
    auto manifest = CreateBackup(dsn(), dir_ / name);
    EXPECT_TRUE(manifest.ok()) << manifest.error().code << " " << manifest.error().details;
    return dir_ / name;
  }

  std::filesystem::path dir_;
  std::vector<std::string> restored_;
};

TEST_F(BackupTest, BackupWritesTheDumpAndAManifestDescribingIt) {
  Seed();
  const auto out = dir_ / "nested" / "b";
  auto manifest = CreateBackup(dsn(), out);
  ASSERT_TRUE(manifest.ok()) << manifest.error().code << " " << manifest.error().details;

  auto migrations = db::LoadMigrations(db::DefaultSqlDir());
  ASSERT_TRUE(migrations.ok());
  EXPECT_EQ(manifest->format, "esep-backup/1");
  EXPECT_EQ(manifest->database, database_);
  EXPECT_EQ(manifest->schema_version, migrations->back().version);
  EXPECT_EQ(manifest->schema_name, migrations->back().name);
  EXPECT_EQ(manifest->postgres_version.substr(0, 3), "15.");
  EXPECT_EQ(manifest->created_at.size(), 20U) << manifest->created_at;
  EXPECT_EQ(manifest->created_at.back(), 'Z');

  const auto dump = out / "esep.dump";
  const std::string dump_bytes = ReadAll(dump);
  EXPECT_EQ(dump_bytes.substr(0, 5), "PGDMP") << "pg_dump's custom format";
  ASSERT_EQ(manifest->files.size(), 1U);
  EXPECT_EQ(manifest->files[0].name, "esep.dump");
  EXPECT_EQ(manifest->files[0].bytes, dump_bytes.size());
  EXPECT_EQ(manifest->files[0].sha256, db::Sha256Hex(dump_bytes));

  // The file on disk says the same, in the documented shape.
  const auto json = boost::json::parse(ReadAll(out / "manifest.json")).as_object();
  EXPECT_EQ(json.at("format").as_string(), "esep-backup/1");
  EXPECT_EQ(json.at("database").as_string(), database_);
  EXPECT_EQ(json.at("created_at").as_string(), manifest->created_at);
  EXPECT_EQ(json.at("postgres_version").as_string(), manifest->postgres_version);
  EXPECT_EQ(json.at("schema_version").at("version").as_int64(), migrations->back().version);
  EXPECT_EQ(json.at("schema_version").at("name").as_string(), migrations->back().name);
  const auto& file = json.at("files").as_array().at(0).as_object();
  EXPECT_EQ(file.at("name").as_string(), "esep.dump");
  EXPECT_EQ(file.at("bytes").as_int64(), static_cast<std::int64_t>(dump_bytes.size()));
  EXPECT_EQ(file.at("sha256").as_string(), db::Sha256Hex(dump_bytes));

  // A dump holds every row: nobody but its owner may read it.
  EXPECT_EQ(ModeOf(out), 0700U);
  EXPECT_EQ(ModeOf(dump), 0600U);
  EXPECT_EQ(ModeOf(out / "manifest.json"), 0600U);

  auto verified = VerifyBackup(out);
  ASSERT_TRUE(verified.ok()) << verified.error().details;
  EXPECT_EQ(verified->files[0].sha256, manifest->files[0].sha256);
  EXPECT_EQ(verified->schema_name, manifest->schema_name);
  EXPECT_EQ(verified->created_at, manifest->created_at);
}

TEST_F(BackupTest, RestoreIntoANewDatabaseGivesBackEveryRowAndPassesTheChecks) {
  Seed();
  const auto backup = MakeBackup();
  const std::string name = RestoredName("restored");
  auto report = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_TRUE(report.ok()) << report.error().code << " " << report.error().details;
  EXPECT_EQ(report->database, name);
  EXPECT_EQ(report->manifest.database, database_);

  const std::string restored_dsn = TestCluster().cluster().ConnectionString(name);
  const std::string original = Content(dsn());
  EXPECT_EQ(Content(restored_dsn), original);
  EXPECT_NE(original.find("3:2026-01-01holiday0test"), std::string::npos) << original;
  EXPECT_NE(original.find("Школа № 17 «Болашақ»"), std::string::npos) << original;

  ASSERT_EQ(report->checks.size(), IntegrityCheckNames().size());
  for (const auto& check : report->checks) {
    EXPECT_TRUE(check.ok) << check.name << ": " << check.summary.en << " " << check.details;
  }
  const CheckResult* audit = Find(report->checks, "audit_chain");
  ASSERT_NE(audit, nullptr);
  EXPECT_EQ(audit->details, "rows_checked=3");
  EXPECT_NE(Find(report->checks, "migrations"), nullptr);
  EXPECT_TRUE(report->ChecksPassed());

  // The restored database is a working one: the append-only trigger came back too.
  pqxx::connection restored(restored_dsn);
  pqxx::work tx(restored);
  EXPECT_THROW(tx.exec("DELETE FROM audit_log"), pqxx::sql_error);
}

TEST_F(BackupTest, ATamperedDumpIsRefusedAndNoDatabaseIsCreated) {
  Seed();
  const auto backup = MakeBackup();
  const auto dump = backup / "esep.dump";
  std::string bytes = ReadAll(dump);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
  WriteAll(dump, bytes);

  const std::string name = RestoredName("tampered");
  auto report = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, "backup.checksum_mismatch");
  EXPECT_EQ(report.error().field, dump.string());
  EXPECT_NE(report.error().message.kk.find("esep.dump"), std::string::npos);
  EXPECT_NE(report.error().message.ru.find("esep.dump"), std::string::npos);
  EXPECT_NE(report.error().details.find("sha256"), std::string::npos);
  EXPECT_FALSE(DatabaseExists(name));

  // A truncated or extended file is caught by its size before hashing.
  WriteAll(dump, bytes + "x");
  auto longer = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.error().code, "backup.checksum_mismatch");
  EXPECT_NE(longer.error().details.find("size"), std::string::npos);
  EXPECT_FALSE(DatabaseExists(name));
}

TEST_F(BackupTest, AnExistingDatabaseIsNeverOverwritten) {
  Seed();
  const auto backup = MakeBackup();
  const std::string before = Content(dsn());
  {
    pqxx::work tx(db());
    tx.exec("DELETE FROM production_calendar_days");
    tx.commit();
  }
  const std::string changed = Content(dsn());
  auto onto_itself = RestoreBackup(backup, MaintenanceDsn(), database_);
  ASSERT_FALSE(onto_itself.ok());
  EXPECT_EQ(onto_itself.error().code, "backup.target_exists");
  EXPECT_EQ(onto_itself.error().field, database_);
  EXPECT_FALSE(onto_itself.error().message.kk.empty());
  EXPECT_TRUE(DatabaseExists(database_)) << "a refused restore must not drop the target";
  EXPECT_EQ(Content(dsn()), changed);
  EXPECT_NE(changed, before);

  const std::string name = RestoredName("twice");
  ASSERT_TRUE(RestoreBackup(backup, MaintenanceDsn(), name).ok());
  auto again = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "backup.target_exists");
  EXPECT_TRUE(DatabaseExists(name));
  EXPECT_EQ(Content(TestCluster().cluster().ConnectionString(name)), before);
}

TEST_F(BackupTest, ABadOrMissingManifestOrFileIsRefusedBeforeTheServer) {
  const auto backup = MakeBackup();
  const std::string name = RestoredName("never");
  const auto manifest = backup / "manifest.json";
  const std::string good = ReadAll(manifest);
  const auto expect_refused = [&](const std::string& code, const std::string& detail) {
    auto report = RestoreBackup(backup, MaintenanceDsn(), name);
    ASSERT_FALSE(report.ok()) << code;
    EXPECT_EQ(report.error().code, code) << report.error().details;
    EXPECT_NE(report.error().details.find(detail), std::string::npos) << report.error().details;
    EXPECT_FALSE(report.error().message.kk.empty());
    EXPECT_FALSE(report.error().message.en.empty());
    EXPECT_FALSE(DatabaseExists(name));
  };

  std::filesystem::remove(manifest);
  expect_refused("backup.manifest", "unfinished");
  EXPECT_EQ(RestoreBackup(dir_ / "nowhere", MaintenanceDsn(), name).error().code,
            "backup.manifest");

  WriteAll(manifest, "{ not json");
  expect_refused("backup.manifest", "JSON");
  WriteAll(manifest, "[1, 2]");
  expect_refused("backup.manifest", "object");

  std::string other_format = good;
  other_format.replace(other_format.find("esep-backup/1"), 13, "esep-backup/9");
  WriteAll(manifest, other_format);
  expect_refused("backup.manifest", "esep-backup/9");

  std::string escape = good;
  escape.replace(escape.find("\"esep.dump\""), 11, "\"../../etc/passwd\"");
  WriteAll(manifest, escape);
  expect_refused("backup.manifest", "../../etc/passwd");

  std::string bad_hash = good;
  const auto sha = bad_hash.find("\"sha256\": \"") + 11;
  bad_hash.replace(sha, 64, std::string(64, 'G'));
  WriteAll(manifest, bad_hash);
  expect_refused("backup.manifest", "esep.dump");

  std::string no_schema = good;
  const auto schema = no_schema.find("\"schema_version\"");
  no_schema.replace(schema, no_schema.find('\n', schema) - schema + 1, "");
  WriteAll(manifest, no_schema);
  expect_refused("backup.manifest", "schema_version");

  WriteAll(manifest, good);
  std::filesystem::remove(backup / "esep.dump");
  auto missing = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "backup.file_missing");
  EXPECT_EQ(missing.error().field, (backup / "esep.dump").string());
  EXPECT_NE(missing.error().message.ru.find("esep.dump"), std::string::npos);
  EXPECT_FALSE(DatabaseExists(name));
}

TEST_F(BackupTest, AnUnusableDatabaseNameIsRefused) {
  const auto backup = MakeBackup();
  for (const std::string& name : {std::string(), std::string("bad-name"), std::string("1st"),
                                  std::string(64, 'a'), std::string("x; DROP DATABASE postgres")}) {
    auto report = RestoreBackup(backup, MaintenanceDsn(), name);
    ASSERT_FALSE(report.ok()) << name;
    EXPECT_EQ(report.error().code, "backup.bad_database_name") << name;
  }
  EXPECT_TRUE(DatabaseExists("postgres"));
}

TEST_F(BackupTest, ABackupNeedsAnEmptyDirectory) {
  const auto busy = dir_ / "busy";
  std::filesystem::create_directories(busy);
  WriteAll(busy / "keep.txt", "mine");
  auto refused = CreateBackup(dsn(), busy);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "backup.dir_not_empty");
  EXPECT_EQ(refused.error().field, busy.string());
  EXPECT_EQ(ReadAll(busy / "keep.txt"), "mine");
  EXPECT_FALSE(std::filesystem::exists(busy / "esep.dump"));

  WriteAll(dir_ / "a-file", "x");
  EXPECT_EQ(CreateBackup(dsn(), dir_ / "a-file").error().code, "backup.dir_not_empty");

  // An existing empty directory is fine.
  std::filesystem::create_directories(dir_ / "empty");
  EXPECT_TRUE(CreateBackup(dsn(), dir_ / "empty").ok());
}

TEST_F(BackupTest, AFailedBackupLeavesNothingBehind) {
  // No such server: the facts for the manifest cannot be read.
  const auto nowhere = dir_ / "nowhere";
  auto lost = CreateBackup("host=/nonexistent-socket-dir dbname=esep", nowhere);
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, "backup.connection");
  EXPECT_FALSE(std::filesystem::exists(nowhere));

  // pg_dump itself fails: a role that may read the migrations table but not the data.
  const std::string role = database_ + "_reader";
  {
    pqxx::nontransaction tx(db());
    tx.exec("CREATE ROLE " + role + " LOGIN");
    tx.exec("GRANT SELECT ON esep_schema_migrations TO " + role);
  }
  const std::string reader_dsn = dsn() + " user=" + role;
  const auto out = dir_ / "denied";
  auto denied = CreateBackup(reader_dsn, out);
  {
    pqxx::nontransaction tx(db());
    tx.exec("REVOKE ALL ON esep_schema_migrations FROM " + role);
    tx.exec("DROP ROLE " + role);
  }
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, "backup.pg_dump");
  EXPECT_NE(denied.error().details.find("permission denied"), std::string::npos)
      << denied.error().details;
  EXPECT_FALSE(std::filesystem::exists(out)) << "no partial dump is left";
}

TEST_F(BackupTest, ARestoreThatFailsHalfwayDropsWhatItCreated) {
  Seed();
  // A grant to a role that will be gone at restore time: pg_restore fails on it after the
  // tables and rows are already in (ACLs come last), so the database is half-restored.
  const std::string role = database_ + "_gone";
  {
    pqxx::nontransaction tx(db());
    tx.exec("CREATE ROLE " + role);
    tx.exec("GRANT SELECT ON institutions TO " + role);
  }
  const auto backup = MakeBackup();
  {
    pqxx::nontransaction tx(db());
    tx.exec("REVOKE ALL ON institutions FROM " + role);
    tx.exec("DROP ROLE " + role);
  }
  const std::string name = RestoredName("half");
  auto report = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, "backup.pg_restore");
  EXPECT_NE(report.error().details.find(role), std::string::npos) << report.error().details;
  EXPECT_NE(report.error().message.en.find(name), std::string::npos);
  EXPECT_FALSE(DatabaseExists(name)) << "nothing half-restored is left";

  // Not an archive at all, with a manifest that matches it.
  const auto dump = backup / "esep.dump";
  const std::string garbage = "this is not a pg_dump archive";
  std::string manifest = ReadAll(backup / "manifest.json");
  const auto sha = manifest.find("\"sha256\": \"") + 11;
  manifest.replace(sha, 64, db::Sha256Hex(garbage));
  const auto bytes = manifest.find("\"bytes\": ") + 9;
  manifest.replace(bytes, manifest.find(',', bytes) - bytes, std::to_string(garbage.size()));
  WriteAll(dump, garbage);
  WriteAll(backup / "manifest.json", manifest);
  auto not_archive = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_FALSE(not_archive.ok());
  EXPECT_EQ(not_archive.error().code, "backup.pg_restore") << not_archive.error().details;
  EXPECT_FALSE(DatabaseExists(name));
}

TEST_F(BackupTest, RestoreNeedsAReachableServer) {
  const auto backup = MakeBackup();
  auto report = RestoreBackup(backup, "host=/nonexistent-socket-dir dbname=postgres", "anything");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, "backup.connection");
}

TEST_F(BackupTest, TheAuditChainCheckCatchesARowTamperedBeforeTheBackup) {
  Seed();
  std::string tampered_id;
  {
    // Only a superuser can get past the append-only trigger — the chain still tells.
    pqxx::work tx(db());
    tx.exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    const pqxx::result changed = tx.exec(
        "UPDATE audit_log SET action = 'institution.delete' WHERE id = "
        "(SELECT id FROM audit_log ORDER BY id OFFSET 1 LIMIT 1) RETURNING id");
    ASSERT_EQ(changed.size(), 1U);
    tampered_id = changed[0][0].as<std::string>();
    tx.exec("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    tx.commit();
  }
  const auto backup = MakeBackup();
  const std::string name = RestoredName("tampered_audit");
  auto report = RestoreBackup(backup, MaintenanceDsn(), name);
  ASSERT_TRUE(report.ok()) << report.error().code << " " << report.error().details;
  EXPECT_FALSE(report->ChecksPassed());
  const CheckResult* audit = Find(report->checks, "audit_chain");
  ASSERT_NE(audit, nullptr);
  EXPECT_FALSE(audit->ok);
  EXPECT_EQ(audit->details, "first_bad_id=" + tampered_id);
  EXPECT_NE(audit->summary.ru.find("№" + tampered_id), std::string::npos) << audit->summary.ru;
  EXPECT_FALSE(audit->summary.kk.empty());
  const CheckResult* migrations = Find(report->checks, "migrations");
  ASSERT_NE(migrations, nullptr);
  EXPECT_TRUE(migrations->ok);
  EXPECT_TRUE(DatabaseExists(name)) << "failed checks are reported, the restore is kept";
}

TEST_F(BackupTest, TheMigrationsCheckFailsOnAPendingOrChangedMigration) {
  auto fresh = RunIntegrityChecks(db());
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(Find(*fresh, "migrations")->ok) << Find(*fresh, "migrations")->summary.en;
  EXPECT_EQ(Find(*fresh, "audit_chain")->details, "rows_checked=0");

  {
    pqxx::work tx(db());
    tx.exec(
        "DELETE FROM esep_schema_migrations WHERE version = "
        "(SELECT max(version) FROM esep_schema_migrations)");
    tx.commit();
  }
  auto pending = RunIntegrityChecks(db());
  ASSERT_TRUE(pending.ok());
  const CheckResult* check = Find(*pending, "migrations");
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->details, db::LoadMigrations(db::DefaultSqlDir())->back().name);
  EXPECT_NE(check->summary.en.find("pending: 1"), std::string::npos) << check->summary.en;

  {
    pqxx::work tx(db());
    tx.exec("UPDATE esep_schema_migrations SET checksum = 'x' WHERE version = 1");
    tx.commit();
  }
  auto changed = RunIntegrityChecks(db());
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(Find(*changed, "migrations")->ok);
  EXPECT_EQ(Find(*changed, "migrations")->details.rfind("migration.checksum_mismatch", 0), 0U)
      << Find(*changed, "migrations")->details;
}

TEST_F(BackupTest, AnUnreadableAuditLogFailsItsCheckAndTheOthersStillRun) {
  {
    pqxx::work tx(db());
    tx.exec("DROP TABLE audit_log");
    tx.commit();
  }
  auto checks = RunIntegrityChecks(db());
  ASSERT_TRUE(checks.ok());
  EXPECT_FALSE(Find(*checks, "audit_chain")->ok);
  EXPECT_FALSE(Find(*checks, "audit_chain")->summary.kk.empty());
  EXPECT_TRUE(Find(*checks, "migrations")->ok);
}

TEST_F(BackupTest, EnginesAddChecksWithOneRegistration) {
  RegisterProbeOnce();
  const auto names = IntegrityCheckNames();
  ASSERT_GE(names.size(), 3U);
  EXPECT_EQ(names[0], "audit_chain");
  EXPECT_EQ(names[1], "migrations");
  EXPECT_EQ(names.back(), "test_probe");
  EXPECT_THROW(RegisterIntegrityCheck("test_probe", ProbeCheck), std::logic_error);
  EXPECT_THROW(RegisterIntegrityCheck("audit_chain", ProbeCheck), std::logic_error);

  auto passing = RunIntegrityChecks(db());
  ASSERT_TRUE(passing.ok());
  ASSERT_EQ(passing->size(), names.size());
  EXPECT_EQ(passing->back().name, "test_probe") << "the registered name wins";
  EXPECT_TRUE(passing->back().ok);

  {
    pqxx::work tx(db());
    tx.exec("CREATE TABLE integrity_probe (mode text)");
    tx.exec("INSERT INTO integrity_probe VALUES ('fail')");
    tx.commit();
  }
  auto failing = RunIntegrityChecks(db());
  ASSERT_TRUE(failing.ok());
  EXPECT_FALSE(Find(*failing, "test_probe")->ok);
  EXPECT_TRUE(Find(*failing, "audit_chain")->ok);

  // A check whose SQL fails is a failed check, not the end of the run.
  {
    pqxx::work tx(db());
    tx.exec("UPDATE integrity_probe SET mode = 'throw'");
    tx.commit();
  }
  auto thrown = RunIntegrityChecks(db());
  ASSERT_TRUE(thrown.ok());
  const CheckResult* probe = Find(*thrown, "test_probe");
  EXPECT_FALSE(probe->ok);
  EXPECT_EQ(probe->details.rfind("integrity.check_failed", 0), 0U) << probe->details;
  EXPECT_NE(probe->details.find("no_such_column"), std::string::npos);
  EXPECT_NE(probe->summary.ru.find("test_probe"), std::string::npos);

  // A lost connection ends the run with an error.
  {
    pqxx::work tx(db());
    tx.exec("UPDATE integrity_probe SET mode = 'disconnect'");
    tx.commit();
  }
  pqxx::connection doomed(dsn());
  auto lost = RunIntegrityChecks(doomed);
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, "integrity.connection");
  EXPECT_EQ(lost.error().field, "test_probe");
}

TEST_F(BackupTest, DsnWithDatabaseKeepsEverythingElseInBothForms) {
  const std::string keyword_form = DsnWithDatabase(MaintenanceDsn(), database_);
  {
    pqxx::connection connection(keyword_form);
    pqxx::work tx(connection);
    EXPECT_EQ(tx.exec1("SELECT current_database()")[0].as<std::string>(), database_);
  }
  std::string socket_dir;
  for (char c : TestCluster().cluster().options().dir.string()) {
    if (c == '/') {
      socket_dir += "%2F";
    } else {
      socket_dir.push_back(c);
    }
  }
  const std::string uri = "postgresql:///postgres?host=" + socket_dir +
                          "&port=" + std::to_string(TestCluster().cluster().options().port) +
                          "&user=esep";
  pqxx::connection connection(DsnWithDatabase(uri, database_));
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1("SELECT current_database()")[0].as<std::string>(), database_);
  EXPECT_NE(DsnWithDatabase("dbname=a user='o\\'k'", "b").find("user='o\\'k'"), std::string::npos);
}

}  // namespace
}  // namespace esep::platform
