// esep-admin end to end: the real binary on a real embedded cluster in a scratch directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "esep/db/embedded_cluster.hpp"
#include "esep/db/process.hpp"
#include "pg_test_env.hpp"

namespace esep::testing {
namespace {

db::ProcessResult Admin(std::vector<std::string> args) {
  args.insert(args.begin(), ESEP_ADMIN_EXE);
  return db::RunProcess(args);
}

class EsepAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TestCluster().run_dir() / "admin-data";
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override {
    (void)Admin({"--data-dir", dir_.string(), "stop"});
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
};

TEST_F(EsepAdminTest, InitCreatesMigratesLoadsReferenceDataAndIsRepeatable) {
  auto init = Admin({"--data-dir", dir_.string(), "--lang", "en", "init"});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  EXPECT_NE(init.output.find("0001_production_calendar.sql"), std::string::npos) << init.output;
  EXPECT_NE(init.output.find("production_calendar_2026.csv (365 days)"), std::string::npos)
      << init.output;

  db::EmbeddedCluster cluster(db::ClusterOptions{.dir = dir_});
  EXPECT_FALSE(cluster.IsRunning()) << "init stops the cluster it started";

  auto again = Admin({"--data-dir", dir_.string(), "--lang", "en", "init"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("Migrations applied: 0"), std::string::npos) << again.output;

  auto status = Admin({"--data-dir", dir_.string(), "--lang", "ru", "status"});
  EXPECT_EQ(status.exit_code, 0) << status.output;
  EXPECT_NE(status.output.find("ожидают: 0"), std::string::npos) << status.output;

  auto start = Admin({"--data-dir", dir_.string(), "start"});
  ASSERT_EQ(start.exit_code, 0) << start.output;
  ASSERT_TRUE(cluster.IsRunning());
  {
    pqxx::connection connection(cluster.ConnectionString("esep"));
    pqxx::work tx(connection);
    EXPECT_EQ(tx.exec1("SELECT count(*) FROM production_calendar_days WHERE day_type = 'work' "
                       "AND day BETWEEN '2026-01-01' AND '2026-12-31'")[0]
                  .as<int>(),
              246)
        << "the 2026 norm: 246 working days";
    EXPECT_EQ(tx.exec1("SELECT count(*) FROM ledger_accounts WHERE code = '7010' "
                       "AND valid_from = '2026-01-01' AND valid_to IS NULL")[0]
                  .as<int>(),
              1)
        << "init loads the shipped chart of accounts";
    EXPECT_GT(tx.exec1("SELECT count(*) FROM ledger_codes WHERE kind = 'functional'")[0].as<int>(),
              1000);
  }
  auto stop = Admin({"--data-dir", dir_.string(), "stop"});
  EXPECT_EQ(stop.exit_code, 0) << stop.output;
  EXPECT_FALSE(cluster.IsRunning());
}

TEST_F(EsepAdminTest, ABadCalendarFileIsRefusedWithItsLineAndNothingChanges) {
  ASSERT_EQ(Admin({"--data-dir", dir_.string(), "init"}).exit_code, 0);
  const auto bad = dir_.parent_path() / "production_calendar_bad.csv";
  std::ofstream(bad) << "date,day_type,hours\n2027-01-01,holiday,0\n2027-01-02,party,0\n";
  auto load = Admin({"--data-dir", dir_.string(), "--lang", "kk", "load-calendar", bad.string()});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.output.find("production_calendar_bad.csv:3"), std::string::npos) << load.output;

  std::ofstream(bad) << "date,day_type,hours\n2027-01-01,holiday,0\n";
  auto partial =
      Admin({"--data-dir", dir_.string(), "--lang", "en", "load-calendar", bad.string()});
  EXPECT_EQ(partial.exit_code, 1);
  EXPECT_NE(partial.output.find("calendar.incomplete_year"), std::string::npos) << partial.output;
  std::filesystem::remove(bad);
}

TEST_F(EsepAdminTest, LedgerLoadRefusesAWrongFileWholeAndLoadsALaterEdition) {
  auto init = Admin({"--data-dir", dir_.string(), "--lang", "en", "init"});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  EXPECT_NE(init.output.find("accounts.csv loaded (from 2026-01-01)"), std::string::npos)
      << init.output;
  const auto file = dir_.parent_path() / "sources_2026h2.csv";
  std::ofstream(file) << "code,parent_code,level,postable,name_kk,name_ru,source\n"
                         "1,,source,true,Бюджет,Бюджет,test\n"
                         "x y,,source,true,Жаман,Плохой,test\n";
  auto bad = Admin({"--data-dir", dir_.string(), "--lang", "en", "ledger-load", "sources",
                    file.string(), "--from", "2026-07-01"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("sources_2026h2.csv:3 code"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("nothing changed"), std::string::npos) << bad.output;

  std::ofstream(file) << "code,parent_code,level,postable,name_kk,name_ru,source\n"
                         "1,,source,true,Бюджет қаражаты,Средства бюджета (новая редакция),test\n";
  auto good = Admin({"--data-dir", dir_.string(), "--lang", "en", "ledger-load", "sources",
                     file.string(), "--from", "2026-07-01"});
  EXPECT_EQ(good.exit_code, 0) << good.output;
  EXPECT_NE(good.output.find("added / closed / unchanged / corrected 1 / 6 / 0 / 0"),
            std::string::npos)
      << good.output;

  auto usage = Admin({"--data-dir", dir_.string(), "ledger-load", "planets", file.string()});
  EXPECT_EQ(usage.exit_code, 2) << usage.output;

  auto check = Admin({"--data-dir", dir_.string(), "--lang", "en", "check"});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("ledger_totals"), std::string::npos) << check.output;
  std::filesystem::remove(file);
}

TEST_F(EsepAdminTest, CommandLineMistakesExitWithTwoAndSayWhy) {
  auto unknown = Admin({"--lang", "en", "frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.output.find("Unknown command: frobnicate"), std::string::npos)
      << unknown.output;

  auto option = Admin({"--colour", "red", "status"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_NE(option.output.find("--colour"), std::string::npos);

  auto both = Admin({"--data-dir", "x", "--dsn", "y", "status"});
  EXPECT_EQ(both.exit_code, 2);

  auto help = Admin({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"init", "migrate", "status", "start", "stop", "load-calendar",
                              "ledger-load"}) {
    EXPECT_NE(help.output.find(command), std::string::npos) << command;
  }
}

TEST_F(EsepAdminTest, MigrateWithoutAClusterExplainsWhatToDo) {
  auto migrate = Admin({"--data-dir", dir_.string(), "--lang", "ru", "migrate"});
  EXPECT_EQ(migrate.exit_code, 1);
  EXPECT_NE(migrate.output.find("esep-admin init"), std::string::npos) << migrate.output;
}

}  // namespace
}  // namespace esep::testing
