// Accounting documents: drafts validated against the reference data of their date, posting
// with memorial orders and monthly totals in one transaction, red-storno reversal, the
// optimistic lock, closed months, and many writers posting to the same accounts at once.
#include "esep/ledger/documents.hpp"

#include <algorithm>
#include <atomic>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

#include "esep/ledger/periods.hpp"
#include "esep/ledger/totals.hpp"
#include "ledger_fixture.hpp"

namespace esep::testing {
namespace {

using ledger::DocumentState;

const platform::Actor kSystem = platform::Actor::System("test");

class DocumentsTest : public LedgerTest {
 protected:
  core::Result<ledger::Document> Create(const ledger::DocumentInput& input, bool post = false) {
    pqxx::work tx(db());
    auto result = post ? ledger::CreateAndPostDocument(tx, kSystem, input)
                       : ledger::CreateDocument(tx, kSystem, input);
    if (result) tx.commit();
    return result;
  }

  // (debit, credit) turnovers of `account` in `org` for the month starting `period`.
  std::pair<std::int64_t, std::int64_t> Turnover(core::OrgId org, const std::string& account,
                                                 const char* period) {
    pqxx::work tx(db());
    const pqxx::row row = tx.exec_params1(
        "SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0) FROM ledger_totals "
        "WHERE org_id = $1 AND account = $2 AND period = $3",
        org.value(), account, period);
    return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>()};
  }

  std::string ErrorOf(const ledger::DocumentInput& input, std::string* field = nullptr) {
    auto result = Create(input);
    if (result) return "ok";
    if (field != nullptr) *field = result.error().field;
    return result.error().code;
  }
};

TEST_F(DocumentsTest, ADraftCountsNowhereUntilPosted) {
  auto draft = Create(Doc(school1_, "2026-03-10", {Expense(150'000), Expense(2'500, "144")}));
  ASSERT_TRUE(draft) << draft.error().code << " " << draft.error().field;
  EXPECT_EQ(draft->state, DocumentState::kDraft);
  EXPECT_EQ(draft->number, "1");
  EXPECT_EQ(draft->total, 152'500);
  ASSERT_EQ(draft->lines.size(), 2u);
  EXPECT_EQ(draft->lines[0].debit.specific, "144");
  EXPECT_FALSE(draft->lines[0].memorial_order.has_value());
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_totals"), 0);

  pqxx::work tx(db());
  auto posted = ledger::PostDocument(tx, kSystem, draft->id, draft->version);
  ASSERT_TRUE(posted) << posted.error().code;
  tx.commit();
  EXPECT_EQ(posted->state, DocumentState::kPosted);
  EXPECT_EQ(posted->version, draft->version + 1);
  EXPECT_FALSE(posted->posted_at.empty());
  // Дт 7060 Кт 1010: the debit rule on 7060 and the credit rule on 1010 tie on priority and
  // length; the longer debit prefix wins, so the expense goes to memorial order 13.
  EXPECT_EQ(posted->lines[0].memorial_order, 13);
  EXPECT_EQ(Turnover(school1_, "7060", "2026-03-01"), std::make_pair(std::int64_t{152'500}, std::int64_t{0}));
  EXPECT_EQ(Turnover(school1_, "1010", "2026-03-01"), std::make_pair(std::int64_t{0}, std::int64_t{152'500}));
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'ledger.document.%'"), 2);
  pqxx::work check(db());
  EXPECT_TRUE(ledger::CompareTotals(check, std::nullopt, std::nullopt).empty());
}

TEST_F(DocumentsTest, NumbersRunPerInstitutionAndYear) {
  EXPECT_EQ(Create(Doc(school1_, "2026-03-10", {Expense(100)}))->number, "1");
  EXPECT_EQ(Create(Doc(school1_, "2026-04-10", {Expense(100)}))->number, "2");
  EXPECT_EQ(Create(Doc(school2_, "2026-03-10", {Expense(100)}))->number, "1");
  EXPECT_EQ(Create(Doc(school1_, "2027-01-10", {Expense(100)}))->number, "1");
}

TEST_F(DocumentsTest, EveryWrongLineIsNamedAndNothingIsWritten) {
  std::string field;
  auto bad = Doc(school1_, "2026-03-10", {Expense(100), Expense(100)});
  bad.lines[1].debit_account = "7999";
  EXPECT_EQ(ErrorOf(bad, &field), "ledger.account_unknown");
  EXPECT_EQ(field, "lines[1].debit_account");

  bad = Doc(school1_, "2026-03-10", {Expense(100)});
  bad.lines[0].debit.specific.clear();
  EXPECT_EQ(ErrorOf(bad, &field), "ledger.analytics_required");
  EXPECT_EQ(field, "lines[0].debit.specific");

  bad = Doc(school1_, "2026-03-10", {Expense(100)});
  bad.lines[0].credit.program = kProgram;  // 1010 keeps no program
  EXPECT_EQ(ErrorOf(bad, &field), "ledger.analytics_not_used");
  EXPECT_EQ(field, "lines[0].credit.program");

  // 149 was in force until the end of 2025.
  EXPECT_EQ(ErrorOf(Doc(school1_, "2026-03-10", {Expense(100, "149")}), &field),
            "ledger.code_unknown");
  EXPECT_EQ(field, "lines[0].debit.specific");
  EXPECT_EQ(ErrorOf(Doc(school1_, "2025-12-31", {Expense(100, "149")})), "ok");

  bad = Doc(school1_, "2026-03-10", {Expense(100)});
  bad.lines[0].debit.program = "04.2.464.003";  // a program that has subprograms
  EXPECT_EQ(ErrorOf(bad, &field), "ledger.code_unknown");

  EXPECT_EQ(ErrorOf(Doc(school1_, "2026-03-10", {Expense(0)}), &field), "ledger.amount_positive");
  EXPECT_EQ(field, "lines[0].amount");
  EXPECT_EQ(ErrorOf(Doc(school1_, "2026-03-10", {Expense(-5)})), "ledger.amount_positive");
  EXPECT_EQ(ErrorOf(Doc(school1_, "2026-03-10", {Expense(ledger::kMaxLineAmount + 1)})),
            "ledger.amount_too_large");
  EXPECT_EQ(ErrorOf(Doc(school1_, "2026-03-10", {})), "ledger.no_lines");

  bad = Doc(school1_, "2026-03-10", {Materials(100, supplier1_)});
  bad.lines[0].debit_account = "1";
  EXPECT_EQ(ErrorOf(bad), "ledger.account_heading");
  bad.lines[0].debit_account = "000";
  EXPECT_EQ(ErrorOf(bad), "ledger.account_technical");

  // A counterparty of another school is unknown here.
  EXPECT_EQ(ErrorOf(Doc(school1_, "2026-03-10", {Materials(100, supplier2_)}), &field),
            "ledger.counterparty_unknown");
  EXPECT_EQ(field, "lines[0].credit.counterparty");

  bad = Doc(school1_, "2026-03-10", {Expense(100)});
  bad.lines[0].quantity = "1,5";
  EXPECT_EQ(ErrorOf(bad, &field), "ledger.quantity_format");
  EXPECT_EQ(field, "lines[0].quantity");

  bad = Doc(school1_, "2026-03-10", {Materials(100, supplier1_)});
  bad.lines[0].credit_account = "1311";
  bad.lines[0].credit.counterparty = 0;
  EXPECT_EQ(ErrorOf(bad), "ledger.same_sides");

  // Only the one valid document of 2025 exists.
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_documents"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries"), 1);
}

TEST_F(DocumentsTest, AnOpeningDocumentMayUseTheTechnicalAccount) {
  auto input = Opening(school1_, 1'000'000);
  input.kind = ledger::DocumentKind::kOperation;
  EXPECT_EQ(ErrorOf(input), "ledger.account_technical");
  input.kind = ledger::DocumentKind::kOpening;
  auto opening = Create(input, true);
  ASSERT_TRUE(opening) << opening.error().code;
  EXPECT_EQ(opening->lines[0].memorial_order, 1);  // debit 1010 outranks credit 000 by length
  EXPECT_EQ(Turnover(school1_, "1010", "2025-12-01").first, 1'000'000);
}

TEST_F(DocumentsTest, OnlyADraftAtItsVersionChanges) {
  auto draft = Create(Doc(school1_, "2026-03-10", {Expense(100)}));
  ASSERT_TRUE(draft);
  {
    pqxx::work tx(db());
    auto changed = ledger::UpdateDocument(tx, kSystem, draft->id, draft->version,
                                          Doc(school1_, "2026-03-12", {Expense(300), Expense(200)}));
    ASSERT_TRUE(changed) << changed.error().code;
    EXPECT_EQ(changed->date, D("2026-03-12"));
    EXPECT_EQ(changed->total, 500);
    EXPECT_EQ(changed->lines.size(), 2u);
    tx.commit();
  }
  {
    pqxx::work tx(db());
    auto stale = ledger::UpdateDocument(tx, kSystem, draft->id, draft->version,
                                        Doc(school1_, "2026-03-12", {Expense(1)}));
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, "ledger.version_conflict");
    EXPECT_EQ(stale.error().field, "version");
  }
  pqxx::work tx(db());
  auto posted = ledger::PostDocument(tx, kSystem, draft->id, draft->version + 1);
  ASSERT_TRUE(posted);
  auto again = ledger::UpdateDocument(tx, kSystem, draft->id, posted->version,
                                      Doc(school1_, "2026-03-12", {Expense(1)}));
  EXPECT_EQ(again.error().code, "ledger.not_draft");
  EXPECT_EQ(ledger::DeleteDocument(tx, kSystem, draft->id, posted->version).error().code,
            "ledger.not_draft");
  EXPECT_EQ(ledger::GetDocument(tx, 999'999).error().code, "ledger.document_not_found");
}

TEST_F(DocumentsTest, AReversalUndoesThePostingsByRedStorno) {
  auto posted = Create(Doc(school1_, "2026-03-10", {Expense(7'000), Materials(3'000, supplier1_)}), true);
  ASSERT_TRUE(posted) << posted.error().code;
  pqxx::work tx(db());
  EXPECT_EQ(ledger::ReverseDocument(tx, kSystem, posted->id, posted->version, D("2026-03-09"))
                .error()
                .code,
            "ledger.reversal_before_original");
  auto reversal = ledger::ReverseDocument(tx, kSystem, posted->id, posted->version, D("2026-04-02"));
  ASSERT_TRUE(reversal) << reversal.error().code;
  EXPECT_EQ(reversal->kind, ledger::DocumentKind::kReversal);
  EXPECT_EQ(reversal->state, DocumentState::kPosted);
  EXPECT_EQ(reversal->reverses, posted->id);
  EXPECT_EQ(reversal->total, -10'000);
  EXPECT_EQ(reversal->lines[0].amount, -7'000);
  EXPECT_EQ(reversal->lines[0].memorial_order, posted->lines[0].memorial_order);
  auto original = ledger::GetDocument(tx, posted->id);
  EXPECT_EQ(original->state, DocumentState::kReversed);
  EXPECT_EQ(original->reversed_by, reversal->id);
  EXPECT_EQ(ledger::ReverseDocument(tx, kSystem, posted->id, original->version, D("2026-04-02"))
                .error()
                .code,
            "ledger.not_posted");
  tx.commit();
  // March keeps its turnovers, April takes them back: over both months 7060 nets to zero.
  EXPECT_EQ(Turnover(school1_, "7060", "2026-03-01").first, 7'000);
  EXPECT_EQ(Turnover(school1_, "7060", "2026-04-01").first, -7'000);
  EXPECT_EQ(Turnover(school1_, "3210", "2026-04-01").second, -3'000);
}

TEST_F(DocumentsTest, AClosedMonthTakesNoPostingsUntilReopenedWithAReason) {
  ASSERT_TRUE(Create(Opening(school1_, 100'000), true));
  ASSERT_TRUE(Create(Doc(school1_, "2026-03-10", {Expense(500)}), true));
  const core::Period march = core::Period::Month(2026, 3).value();
  {
    pqxx::work tx(db());
    auto closed = ledger::ClosePeriod(tx, kSystem, school1_, march);
    ASSERT_TRUE(closed) << closed.error().code << " " << closed.error().details;
    EXPECT_TRUE(closed->closed);
    EXPECT_EQ(ledger::ClosePeriod(tx, kSystem, school1_, march).error().code,
              "ledger.period_already_closed");
    tx.commit();
  }
  auto refused = Create(Doc(school1_, "2026-03-20", {Expense(100)}), true);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "ledger.period_closed");
  EXPECT_EQ(refused.error().field, "date");
  EXPECT_NE(refused.error().message.ru.find("Март 2026"), std::string::npos)
      << refused.error().message.ru;
  // A draft may still be written into it, and another school's March is open.
  EXPECT_TRUE(Create(Doc(school1_, "2026-03-20", {Expense(100)})));
  EXPECT_TRUE(Create(Doc(school2_, "2026-03-20", {Expense(100)}), true));
  {
    pqxx::work tx(db());
    EXPECT_EQ(ledger::ReopenPeriod(tx, kSystem, school1_, march, "  ").error().code,
              "ledger.reason_required");
    EXPECT_EQ(ledger::ClosePeriod(tx, kSystem, school1_, core::Period::Year(2026).value())
                  .error()
                  .code,
              "ledger.period_not_month");
    auto reopened = ledger::ReopenPeriod(tx, kSystem, school1_, march, "Акт сверки с казначейством");
    ASSERT_TRUE(reopened);
    EXPECT_FALSE(reopened->closed);
    EXPECT_EQ(reopened->reopen_reason, "Акт сверки с казначейством");
    tx.commit();
  }
  EXPECT_TRUE(Create(Doc(school1_, "2026-03-20", {Expense(100)}), true));
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'ledger.period.reopen' "
                  "AND after::text LIKE '%Акт сверки%'"),
            1);
}

TEST_F(DocumentsTest, ClosingListsWhatIsWrongAndClosesNothing) {
  // Materials from a supplier: no memorial order; then cash spent that was never received
  // (1010 in credit, a balance a cash account cannot have).
  ASSERT_TRUE(Create(Doc(school1_, "2026-03-10", {Materials(900, supplier1_), Expense(400)}), true));
  const core::Period march = core::Period::Month(2026, 3).value();
  pqxx::work tx(db());
  auto refused = ledger::ClosePeriod(tx, kSystem, school1_, march);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "ledger.close_checks_failed");
  EXPECT_NE(refused.error().details.find("ledger.close.no_memorial_order"), std::string::npos);
  EXPECT_NE(refused.error().details.find("ledger.close.wrong_side"), std::string::npos);
  EXPECT_NE(refused.error().details.find("\"account\":\"1010\""), std::string::npos);
  EXPECT_EQ(refused.error().details.find("totals_differ"), std::string::npos);
  EXPECT_FALSE(ledger::GetPeriodStatus(tx, school1_, march).closed);

  // Totals changed behind Esep's back are found too.
  tx.exec0("UPDATE ledger_totals SET debit = debit + 1 WHERE account = '7060'");
  const auto problems = ledger::CheckMonth(tx, school1_, march);
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const ledger::CloseProblem& p) {
    return p.code == "ledger.close.totals_differ" && p.account == "7060";
  }));
  EXPECT_EQ(ledger::CompareTotals(tx, school1_, march).size(), 1u);
}

// Eight writers post 25 documents each to the same accounts and analytics at once; the
// totals must hold every tiyn, and must equal the postings recomputed.
TEST_F(DocumentsTest, ConcurrentWritersLoseNothing) {
  constexpr int kWriters = 8, kDocuments = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      pqxx::connection connection(dsn());
      for (int d = 0; d < kDocuments; ++d) {
        pqxx::work tx(connection);
        auto posted = ledger::CreateAndPostDocument(
            tx, kSystem,
            Doc(school1_, "2026-05-15",
                {Expense(100 + w), Expense(1'000), Materials(10, supplier1_)}));
        if (!posted) {
          ++failures;
          continue;
        }
        tx.commit();
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  std::int64_t expected = 0;
  for (int w = 0; w < kWriters; ++w) expected += kDocuments * (100 + w + 1'000);
  EXPECT_EQ(Turnover(school1_, "7060", "2026-05-01").first, expected);
  EXPECT_EQ(Turnover(school1_, "1010", "2026-05-01").second, expected);
  EXPECT_EQ(Turnover(school1_, "3210", "2026-05-01").second, kWriters * kDocuments * 10);
  EXPECT_EQ(Count("SELECT count(DISTINCT number) FROM ledger_documents"), kWriters * kDocuments);
  pqxx::work tx(db());
  EXPECT_TRUE(ledger::CompareTotals(tx, std::nullopt, std::nullopt).empty());
}

// A month closed while writers post into it: every posting either committed before the
// close (and is in the totals the close checked) or was refused; none lands after.
TEST_F(DocumentsTest, ClosingWaitsForPostingsInFlight) {
  {
    // Materials have no memorial order in the fixture, so the close would refuse: add one.
    pqxx::work tx(db());
    tx.exec0("INSERT INTO ledger_memorial_order_rules (debit_prefix, credit_prefix, priority, "
             "order_number, valid_from, source) VALUES ('13', '', 0, 7, '2020-01-01', 'test')");
    tx.commit();
  }
  constexpr int kWriters = 4;
  std::atomic<bool> stop{false};
  std::atomic<int> refused{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      pqxx::connection connection(dsn());
      while (!stop) {
        pqxx::work tx(connection);
        auto posted = ledger::CreateAndPostDocument(
            tx, kSystem, Doc(school1_, "2026-06-15", {Materials(10, supplier1_)}));
        if (!posted) {
          EXPECT_EQ(posted.error().code, "ledger.period_closed");
          ++refused;
          continue;
        }
        tx.commit();
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::int64_t closed_total = 0;
  {
    pqxx::work tx(db());
    auto closed = ledger::ClosePeriod(tx, kSystem, school1_, core::Period::Month(2026, 6).value());
    ASSERT_TRUE(closed) << closed.error().code << " " << closed.error().details;
    closed_total = tx.exec1("SELECT coalesce(sum(credit), 0) FROM ledger_totals "
                            "WHERE account = '3210' AND period = '2026-06-01'")[0]
                       .as<std::int64_t>();
    tx.commit();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& writer : writers) writer.join();
  EXPECT_GT(refused.load(), 0);
  EXPECT_GT(closed_total, 0);
  EXPECT_EQ(Turnover(school1_, "3210", "2026-06-01").second, closed_total);
}

}  // namespace
}  // namespace esep::testing
