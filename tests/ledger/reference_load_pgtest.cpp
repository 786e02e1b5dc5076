// Loading the ledger's reference files: the shipped editions load, a wrong file is refused
// whole with every wrong row named, and a later edition keeps the earlier one as history.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <string>

#include "esep/ledger/reference.hpp"
#include "esep/ledger/reference_load.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using ledger::ReferenceKind;

core::Date D(const char* iso) { return core::Date::Parse(iso).value(); }

std::string ShippedFile(ReferenceKind kind) {
  const auto path = std::filesystem::path(ESEP_SOURCE_DIR) / "sql" / "reference" / "ledger" /
                    ledger::ReferenceFileName(kind);
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(in.good() || in.eof()) << path;
  return text.str();
}

std::string Fields(const std::vector<core::Error>& errors) {
  std::string all;
  for (const auto& error : errors)
    all += error.field + " " + error.code + " " + error.message.en + "\n";
  return all;
}

class ReferenceLoadTest : public PgTest {
 protected:
  ledger::ReferenceLoadResult Load(ReferenceKind kind, const std::string& text,
                                   const std::string& name, const char* from) {
    pqxx::work tx(db());
    auto result = ledger::LoadReferenceEdition(tx, platform::Actor::System("test"), kind, text,
                                               name, D(from));
    if (result.ok()) tx.commit();
    return result;
  }
  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }
  std::optional<ledger::Account> Account(const std::string& code, const char* date) {
    pqxx::work tx(db());
    return ledger::FindAccount(tx, code, D(date));
  }
};

TEST_F(ReferenceLoadTest, EveryShippedFileLoadsAndLoadingItAgainChangesNothing) {
  for (ReferenceKind kind : ledger::AllReferenceKinds()) {
    const std::string text = ShippedFile(kind);
    auto first = Load(kind, text, ledger::ReferenceFileName(kind), "2026-01-01");
    ASSERT_TRUE(first.ok()) << ledger::ReferenceFileName(kind) << "\n" << Fields(first.errors);
    EXPECT_GT(first.counts.added, 0) << ledger::ReferenceFileName(kind);
    EXPECT_EQ(first.counts.closed, 0);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_accounts"), 51);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_memorial_order_rules"), 6);

  const auto salaries = Account("7010", "2026-03-15");
  ASSERT_TRUE(salaries.has_value());
  EXPECT_EQ(salaries->kind, "expense");
  EXPECT_EQ(salaries->balance, ledger::BalanceSide::kDebit);
  EXPECT_EQ(salaries->dimensions, (std::vector<ledger::Dimension>{ledger::Dimension::kProgram,
                                                                  ledger::Dimension::kSpecific,
                                                                  ledger::Dimension::kSource}));
  const auto technical = Account("000", "2026-01-01");
  ASSERT_TRUE(technical.has_value());
  EXPECT_EQ(technical->kind, ledger::kOpeningAccountKind);
  EXPECT_EQ(technical->name_ru, "Вспомогательный счёт для ввода остатков");
  EXPECT_FALSE(Account("1310", "2026-01-01")->postable) << "a heading with subaccounts";
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_codes WHERE kind = 'functional' AND postable "
                  "AND code = '04.2.464.003.015' AND parent_code = '04.2.464.003'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_codes WHERE kind = 'functional' AND postable "
                  "AND code = '04.2.464.003'"),
            0)
      << "a program with subprograms is a heading";
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_codes WHERE kind = 'economic' AND postable "
                  "AND code = '111' AND parent_code = '1'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_codes WHERE kind = 'source' AND postable"), 6);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ledger.reference_load'"), 7);

  for (ReferenceKind kind : ledger::AllReferenceKinds()) {
    auto again = Load(kind, ShippedFile(kind), ledger::ReferenceFileName(kind), "2026-01-01");
    ASSERT_TRUE(again.ok()) << Fields(again.errors);
    EXPECT_EQ(again.counts.added, 0);
    EXPECT_EQ(again.counts.closed, 0);
    EXPECT_EQ(again.counts.replaced, 0);
    EXPECT_GT(again.counts.unchanged, 0);
  }
}

TEST_F(ReferenceLoadTest, EveryWrongRowIsReportedWithItsLineAndColumnAndNothingIsWritten) {
  const std::string functional =
      "code,parent_code,level,postable,name_kk,name_ru,source,notes\n"
      "04,,group,false,,Образование,test,\n"
      "04.2,04,subgroup,false,,Среднее образование,test,\n"
      "04.2.46,04.2,abp,false,,Короткий код,test,\n"  // 4: code shape
      "04.2.464,04.2,abp,false,,Отдел образования,test,\n"
      "04.2.464.003,04.2.464,program,true,,Общеобразовательное,test,\n"    // 6: postable parent
      "04.2.464.003.015,04.2.464.003,subprogram,true,,,test,\n"            // 7: no name_ru
      "04.9.464.001,04.9.464,program,true,,Без родителя,test,\n"           // 8: parent missing
      "04.2.464,04.2,abp,false,,Повтор,test,\n"                            // 9: duplicate
      "04.2.464.003.011,04.2.464.003,subprogram,maybe,,Подпрограмма,,\n";  // 10: boolean, source
  auto result = Load(ReferenceKind::kFunctional, functional, "functional_bad.csv", "2026-01-01");
  ASSERT_FALSE(result.ok());
  const std::string all = Fields(result.errors);
  for (const char* expected :
       {"functional_bad.csv:4 code reference.bad_code", "functional_bad.csv:6 postable",
        "functional_bad.csv:7 name_ru reference.name_missing",
        "functional_bad.csv:8 parent_code reference.parent_missing",
        "functional_bad.csv:9 code reference.duplicate",
        "functional_bad.csv:10 postable reference.bad_boolean",
        "functional_bad.csv:10 source reference.source_missing"}) {
    EXPECT_NE(all.find(expected), std::string::npos) << expected << "\n" << all;
  }
  EXPECT_EQ(result.errors.size(), 7u) << all;
  for (const auto& error : result.errors) {
    EXPECT_FALSE(error.message.kk.empty());
    EXPECT_FALSE(error.message.ru.empty());
    EXPECT_FALSE(error.message.en.empty());
  }
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_codes"), 0) << "the good rows are not written";

  const std::string accounts =
      "code,name_kk,name_ru,section,kind,balance,postable,dimensions,source\n"
      "1010,Касса,Касса,1,asset,debit,true,source,test\n"
      "7010,Шығыс,Расходы,7,expense,debit,true,program;colour,test\n"
      "12345,Ұзын,Длинный,1,asset,sideways,true,,test\n";
  auto bad_accounts = Load(ReferenceKind::kAccounts, accounts, "accounts_bad.csv", "2026-01-01");
  const std::string account_errors = Fields(bad_accounts.errors);
  EXPECT_NE(account_errors.find("accounts_bad.csv:3 dimensions reference.bad_dimension"),
            std::string::npos)
      << account_errors;
  EXPECT_NE(account_errors.find("accounts_bad.csv:4 code reference.bad_code"), std::string::npos);
  EXPECT_NE(account_errors.find("accounts_bad.csv:4 balance reference.bad_balance"),
            std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_accounts"), 0);

  auto no_orders =
      Load(ReferenceKind::kMemorialOrderRules, ShippedFile(ReferenceKind::kMemorialOrderRules),
           "memorial_order_rules.csv", "2026-01-01");
  ASSERT_FALSE(no_orders.ok());
  EXPECT_EQ(no_orders.errors.size(), 6u) << "every rule names an order not loaded yet";
  EXPECT_EQ(no_orders.errors.front().field, "memorial_order_rules.csv:2 order_number");
}

TEST_F(ReferenceLoadTest, ALaterEditionClosesWhatItChangesAndKeepsTheEarlierAsHistory) {
  const std::string header =
      "code,name_kk,name_ru,section,kind,balance,postable,dimensions,source\n";
  const std::string first =
      header +
      "1010,Кассадағы ақша,Деньги в кассе,1,asset,debit,true,source,v1\n"
      "3210,Жеткізушілер,Поставщики,3,liability,credit,true,counterparty;source,v1\n"
      "7010,Еңбекақы,Оплата труда,7,expense,debit,true,program;specific;source,v1\n";
  auto loaded = Load(ReferenceKind::kAccounts, first, "accounts.csv", "2026-01-01");
  ASSERT_TRUE(loaded.ok()) << Fields(loaded.errors);
  EXPECT_EQ(loaded.counts.added, 3);

  const std::string second =
      header +
      "1010,Кассадағы ақша қаражаты,Денежные средства в кассе,1,asset,debit,true,source,v2\n"
      "1020,Шот,Новый счёт,1,asset,debit,true,source,v2\n"
      "7010,Еңбекақы,Оплата труда,7,expense,debit,true,program;specific;source,v1\n";
  auto later = Load(ReferenceKind::kAccounts, second, "accounts.csv", "2026-07-01");
  ASSERT_TRUE(later.ok()) << Fields(later.errors);
  EXPECT_EQ(later.counts.added, 2) << "1010's new edition and 1020";
  EXPECT_EQ(later.counts.closed, 2) << "1010 changed, 3210 dropped";
  EXPECT_EQ(later.counts.unchanged, 1);

  EXPECT_EQ(Account("1010", "2026-06-30")->name_ru, "Деньги в кассе");
  EXPECT_EQ(Account("1010", "2026-07-01")->name_ru, "Денежные средства в кассе");
  EXPECT_TRUE(Account("3210", "2026-06-30").has_value());
  EXPECT_FALSE(Account("3210", "2026-07-01").has_value());
  EXPECT_FALSE(Account("1020", "2026-06-30").has_value());
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_accounts WHERE code = '7010'"), 1)
      << "an unchanged row keeps its one edition";

  // The same date again corrects that edition in place; an earlier date is refused.
  auto corrected = Load(ReferenceKind::kAccounts, first, "accounts.csv", "2026-07-01");
  ASSERT_TRUE(corrected.ok()) << Fields(corrected.errors);
  EXPECT_EQ(corrected.counts.replaced, 2) << "1010 rewritten and 1020 removed, both of 2026-07-01";
  EXPECT_EQ(corrected.counts.added, 1) << "3210 again from 2026-07-01";
  EXPECT_EQ(Account("1010", "2026-07-01")->name_ru, "Деньги в кассе");
  EXPECT_FALSE(Account("1020", "2026-07-01").has_value());
  EXPECT_EQ(Account("1010", "2026-02-01")->name_ru, "Деньги в кассе");

  auto earlier = Load(ReferenceKind::kAccounts, second, "accounts.csv", "2026-03-01");
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.errors.front().code, "reference.edition_order");
  EXPECT_EQ(Account("1010", "2026-04-01")->name_ru, "Деньги в кассе");
}

}  // namespace
}  // namespace esep::testing
