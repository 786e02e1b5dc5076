// The turnover statement: opening balances from earlier months, turnovers within the period,
// closing balances, per account or per account and analytics, over one or several schools,
// with the filters by program, specific and source.
#include "esep/ledger/turnover.hpp"

#include <pqxx/pqxx>

#include "ledger_fixture.hpp"

namespace esep::testing {
namespace {

const platform::Actor kSystem = platform::Actor::System("test");

class TurnoverTest : public LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    pqxx::work tx(db());
    tx.exec0("INSERT INTO ledger_codes (kind, code, valid_from, level, postable, name_ru, source) "
             "VALUES ('economic', '159', '2020-01-01', 'specific', true, 'Прочие услуги', 'test')");
    Post(tx, Opening(school1_, 50'000));
    Post(tx, Opening(school2_, 20'000));
    Post(tx, Doc(school1_, "2026-02-10", {Expense(1'000), Expense(300, "159")}));
    Post(tx, Doc(school1_, "2026-03-05", {Expense(2'000)}));
    Post(tx, Doc(school2_, "2026-03-06", {Expense(700, "159")}));
    Post(tx, Doc(school1_, "2026-04-01", {Expense(4'000)}));
    tx.commit();
  }

  static void Post(pqxx::dbtransaction& tx, const ledger::DocumentInput& input) {
    auto posted = ledger::CreateAndPostDocument(tx, kSystem, input);
    ASSERT_TRUE(posted) << posted.error().code << " " << posted.error().field;
  }

  std::vector<ledger::TurnoverRow> Run(ledger::TurnoverQuery query) {
    pqxx::work tx(db());
    return ledger::TurnoverStatement(tx, query);
  }

  static core::Period M(unsigned month) { return core::Period::Month(2026, month).value(); }
};

TEST_F(TurnoverTest, OneSchoolOneMonthByAccount) {
  const auto rows = Run({.orgs = {school1_}, .from = M(3), .to = M(3)});
  ASSERT_EQ(rows.size(), 3u);  // 000, 1010, 7060
  EXPECT_EQ(rows[0].account, "000");
  EXPECT_EQ(rows[0].opening_credit, 50'000);
  EXPECT_EQ(rows[0].debit + rows[0].credit, 0);
  EXPECT_EQ(rows[1].account, "1010");
  EXPECT_EQ(rows[1].opening_debit, 50'000 - 1'300);
  EXPECT_EQ(rows[1].credit, 2'000);
  EXPECT_EQ(rows[1].closing_debit, 50'000 - 3'300);
  EXPECT_EQ(rows[2].account, "7060");
  EXPECT_EQ(rows[2].opening_debit, 1'300);
  EXPECT_EQ(rows[2].debit, 2'000);
  EXPECT_EQ(rows[2].closing_debit, 3'300);
  EXPECT_EQ(rows[2].closing_credit, 0);
}

TEST_F(TurnoverTest, SeveralSchoolsAndMonthsSumUp) {
  const auto rows = Run({.orgs = {school1_, school2_}, .from = M(2), .to = M(3),
                         .account_prefix = "70"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].opening_debit, 0);
  EXPECT_EQ(rows[0].debit, 1'000 + 300 + 2'000 + 700);
  EXPECT_EQ(rows[0].closing_debit, 4'000);
}

TEST_F(TurnoverTest, ByAnalyticsWithFilters) {
  auto rows = Run({.orgs = {school1_, school2_}, .from = M(1), .to = M(4), .by_analytics = true,
                   .account_prefix = "7060"});
  ASSERT_EQ(rows.size(), 2u);  // specifics 144 and 159
  EXPECT_EQ(rows[0].analytics.specific, "144");
  EXPECT_EQ(rows[0].analytics.program, kProgram);
  EXPECT_EQ(rows[0].debit, 7'000);
  EXPECT_EQ(rows[1].analytics.specific, "159");
  EXPECT_EQ(rows[1].debit, 1'000);

  rows = Run({.orgs = {school1_, school2_}, .from = M(1), .to = M(4), .specific = "159"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].account, "7060");
  EXPECT_EQ(rows[0].debit, 1'000);
  // A program filter takes the program's subprograms.
  rows = Run({.orgs = {school1_}, .from = M(1), .to = M(4), .program = "04.2.464.003"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].debit, 7'300);
  EXPECT_TRUE(Run({.orgs = {school1_}, .from = M(1), .to = M(4), .program = "04.2.464.00"}).empty());
  EXPECT_TRUE(Run({.orgs = {school1_}, .from = M(1), .to = M(4), .source = "RB"}).empty());
}

}  // namespace
}  // namespace esep::testing
